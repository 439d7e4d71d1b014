package io.ecsl.cli;

import java.io.PrintStream;

/**
 * {@code ecsl --version} and {@code ecsl --help}, which need nothing but their text. The launcher
 * runs them from {@code cli/target/ecsl-info.jar}, which holds this class, {@link TopLevelHelp},
 * {@link Terminal} and the help text and nothing else: opening the 32,000-entry {@code ecsl.jar}
 * (its central directory is read in Java, before any of it is compiled) cost more than printing.
 * So nothing here may use a class from outside that list (no picocli, no compiler): {@code
 * InfoJarTest} runs the entries that jar is made of ({@code cli/pom.xml}'s list), alone on a class
 * path, against the whole CLI's output. {@link Main} prints the same through these methods.
 */
public final class Info {
  private Info() {}

  /** Prints the version or the help when that is all the arguments ask for; else runs the CLI. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    if (args.length == 1 && isVersion(args[0])) {
      out.print(versionLine().concat(System.lineSeparator()));
    } else if (args.length == 1 && isHelp(args[0])) {
      out.print(TopLevelHelp.text(Terminal.colorEnabled(out)));
    } else if (Info.class.getClassLoader().getResource("io/ecsl/cli/Main.class") == null) {
      System.err.println("ecsl: this jar (ecsl-info.jar) only prints --version and --help; run ./ecsl or cli/target/ecsl.jar");
      System.exit(ExitCodes.ERROR);
    } else {
      Main.main(args);
      return;
    }
    out.flush();
  }

  static boolean isVersion(String arg) {
    return arg.equals("-V") || arg.equals("--version");
  }

  static boolean isHelp(String arg) {
    return arg.equals("-h") || arg.equals("--help");
  }

  /**
   * {@code ecsl 0.1.0}, or {@code ecsl development build} when not run from a jar. (Joined with
   * {@code concat}: a {@code +} would start the JVM's string-concatenation bootstrap, which spins a
   * class: ~3 ms in a class-load timeline of {@code --version}, a tenth of this command.)
   */
  static String versionLine() {
    String v = Info.class.getPackage().getImplementationVersion();
    return "ecsl ".concat(v == null ? "development build" : v);
  }
}
