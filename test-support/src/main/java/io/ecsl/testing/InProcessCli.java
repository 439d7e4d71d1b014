package io.ecsl.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A command-line program run inside the test JVM, as a user would run it, with what it printed
 * captured (UTF-8, as the program writes it). The CLI's tests bind it once:
 * {@code new InProcessCli(Main::run)}.
 */
public final class InProcessCli {
  /** A program's entry point that prints to the given streams and returns its exit code. */
  @FunctionalInterface
  public interface Program {
    int run(PrintStream out, PrintStream err, String... args);
  }

  private final Program program;

  public InProcessCli(Program program) {
    this.program = program;
  }

  public Processes.Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = program.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
    return new Processes.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public Processes.Result run(List<String> args) {
    return run(args.toArray(String[]::new));
  }
}
