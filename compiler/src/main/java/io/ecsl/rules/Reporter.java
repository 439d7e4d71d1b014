package io.ecsl.rules;

/** Where a shared check reports: a field pointer, a message and a hint. */
@FunctionalInterface
public interface Reporter {
  void report(String pointer, String message, String hint);

  /**
   * Reports at characters [start, end) of the string {@code value} at {@code pointer}, where the
   * source shows that string as written; a reporter that cannot point inside reports at the field.
   */
  default void reportWithin(String pointer, String value, int start, int end, String message, String hint) {
    report(pointer, message, hint);
  }
}
