package io.ecsl.emit.script;

/** Quoting for POSIX shells: a value in single quotes is never expanded, only {@code '} needs care. */
final class Shell {
  private Shell() {}

  /** {@code it's} → {@code 'it'\''s'}: one word, byte for byte, whatever the value holds. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
