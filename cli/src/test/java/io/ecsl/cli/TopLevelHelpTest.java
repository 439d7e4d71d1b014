package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.Golden;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import org.junit.jupiter.api.Test;

/**
 * {@code ecsl --help} prints a copy of picocli's rendering kept as a resource (so it starts as fast
 * as {@code --version}); the copy must be exactly what picocli prints, in color and without.
 */
class TopLevelHelpTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static String picocli(boolean color) {
    Processes.Result help = new InProcessCli((out, err, args) -> Main.runCommandLine(out, err, color, args)).run("--help");
    assertEquals(0, help.exitCode(), help.stderr());
    return help.stdout();
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
    Processes.Result help = ECSL.run("--help");
    assertEquals(0, help.exitCode());
    assertEquals(picocli(false), help.stdout());
    assertEquals(help.stdout(), ECSL.run("-h").stdout());
    Processes.Result version = ECSL.run("-V");
    assertEquals(0, version.exitCode());
    assertEquals(ECSL.run("--version").stdout(), version.stdout());
    assertTrue(version.stdout().matches("ecsl \\S.*\\R"), version.stdout());
  }

  @Test
  void stylesAreRemovedWhole() {
    assertEquals("Usage: ecsl [-hV]", TopLevelHelp.plain("\u001b[1mUsage\u001b[21m\u001b[0m: \u001b[1;33mecsl\u001b[0m [-hV]"));
  }
}
