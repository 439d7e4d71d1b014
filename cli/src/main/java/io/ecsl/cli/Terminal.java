package io.ecsl.cli;

import java.io.PrintStream;

/** What the output streams are connected to: color only on a real terminal, never with NO_COLOR. */
public final class Terminal {
  private Terminal() {}

  /** True when {@code out} is the process's own terminal and NO_COLOR is not set. */
  public static boolean colorEnabled(PrintStream out) {
    return colorAllowed(System.getenv("NO_COLOR"), System.getenv("TERM"))
        && (out == System.out || out == System.err) && System.console() != null && isTerminal();
  }

  /** no-color.org: NO_COLOR set to a non-empty value turns color off (an empty one does not); so does TERM=dumb. */
  static boolean colorAllowed(String noColor, String term) {
    return (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
  }

  /** True when stdout is an interactive terminal (progress spinners, prompts). */
  public static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
