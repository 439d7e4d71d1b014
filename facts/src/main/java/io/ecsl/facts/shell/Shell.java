package io.ecsl.facts.shell;

import java.util.regex.Pattern;

/**
 * Shell words, for every command ecsl writes: in {@code deploy.sh}, and in messages that suggest
 * one to run. A value in single quotes is never expanded by a POSIX shell; only {@code '} itself
 * needs care. A suggested command must run what it says whatever the values hold: a secret's
 * {@code valueFrom} with a {@code '} in it made {@code ecsl runtime secret put '…' VALUE} run
 * something else.
 */
public final class Shell {
  /** Words that mean the same to a shell quoted or not. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Shell() {}

  /** {@code it's} → {@code 'it'\''s'}: one word, byte for byte, whatever the value holds. */
  public static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** A word as a person would type it: bare when that is safe ({@code ./plan.json}), else quoted. */
  public static String word(String value) {
    return PLAIN.matcher(value).matches() ? value : quote(value);
  }

  /** A command line of these words, each {@link #word quoted} where it needs to be. */
  public static String command(String... words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(sb.isEmpty() ? "" : " ").append(word(w));
    }
    return sb.toString();
  }
}
