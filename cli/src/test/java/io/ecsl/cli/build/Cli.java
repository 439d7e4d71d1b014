package io.ecsl.cli.build;

import io.ecsl.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The ecsl CLI run in-process, as the tests in this package drive it. */
record Cli(int exitCode, String stdout, String stderr) {

  static Cli run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  String output() {
    return "[stdout]\n" + stdout + "[stderr]\n" + stderr;
  }
}
