package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.testing.Golden;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import org.junit.jupiter.api.Test;

/**
 * The commands whose picocli spec is built without annotations ({@link Specs}) print the help the
 * annotations gave them, byte for byte, in color and without: the golden files were picocli's
 * rendering of the annotated {@code check}, {@code build}, {@code fmt} and {@code graph} before the
 * change (their descriptions have since been rewritten to lines within 80 columns).
 */
class CommandSpecHelpTest {
  private static String help(boolean color, String... args) {
    Processes.Result r = new InProcessCli((out, err, a) -> Main.runCommandLine(out, err, color, a)).run(args);
    assertEquals(0, r.exitCode(), r.stderr());
    return r.stdout();
  }

  @Test
  void checkBuildFmtAndGraphPrintTheHelpTheirAnnotationsGave() {
    for (String command : new String[] {"check", "build", "fmt", "graph"}) {
      Golden.assertText(RepoPaths.root().resolve("cli/src/test/golden/help/" + command + ".txt"), help(false, command, "--help"));
      Golden.assertText(RepoPaths.root().resolve("cli/src/test/golden/help/" + command + ".ansi"), help(true, command, "--help"));
      assertEquals(help(false, command, "--help"), help(false, command, "-h"));
      assertEquals(help(false, command, "--help"), help(false, "help", command), "`ecsl help " + command + "`");
    }
  }
}
