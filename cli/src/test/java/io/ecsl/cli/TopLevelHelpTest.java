package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.Golden;
import io.ecsl.testing.RepoPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code ecsl --help} prints a copy of picocli's rendering kept as a resource (so it starts as fast
 * as {@code --version}); the copy must be exactly what picocli prints, in color and without.
 */
class TopLevelHelpTest {
  private static String picocli(boolean color) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.runCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), color, "--help");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theKeptHelpIsPicoclisRendering() {
    String ansi = picocli(true);
    assertTrue(ansi.contains("\u001b["), "picocli renders styles in color: " + ansi);
    Golden.assertText(RepoPaths.root().resolve("cli/src/main/resources/" + TopLevelHelp.RESOURCE), ansi);
    assertEquals(ansi, TopLevelHelp.text(true));
    assertEquals(picocli(false), TopLevelHelp.text(false));
  }

  @Test
  void helpAndVersionPrintWithoutTheCommandTree() {
    Cli.Run help = Cli.run("--help");
    assertEquals(0, help.exitCode());
    assertEquals(picocli(false), help.out());
    assertEquals(help.out(), Cli.run("-h").out());
    Cli.Run version = Cli.run("-V");
    assertEquals(0, version.exitCode());
    assertEquals(Cli.run("--version").out(), version.out());
    assertTrue(version.out().matches("ecsl \\S.*\\R"), version.out());
  }

  @Test
  void stylesAreRemovedWhole() {
    assertEquals("Usage: ecsl [-hV]", TopLevelHelp.plain("\u001b[1mUsage\u001b[21m\u001b[0m: \u001b[1;33mecsl\u001b[0m [-hV]"));
  }
}
