package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl --version} and {@code --help} are run by the launcher from {@code ecsl-info.jar}, which
 * holds only the entries that {@code cli/pom.xml}'s {@code info} execution lists. Those entries,
 * copied alone from the compiled classes, must print exactly what the whole CLI prints, in a JVM
 * that has nothing else on its class path: a class of the CLI used by {@link Info} but left out of
 * the list fails here, not in a user's terminal.
 */
class InfoJarTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);

  /** The {@code io/ecsl/cli/...} entries the info execution of the shade plugin includes. */
  private static List<String> infoJarEntries() throws Exception {
    return ShadeExecutions.entries("info").stream().filter(e -> e.startsWith("io/ecsl/cli/")).toList();
  }

  @Test
  void theInfoJarsEntriesAloneAnswerVersionAndHelpAsTheCliDoes(@TempDir Path dir) throws Exception {
    Path classes = RepoPaths.root().resolve("cli/target/classes");
    for (String entry : infoJarEntries()) {
      Path to = dir.resolve(entry);
      Files.createDirectories(to.getParent());
      Files.copy(classes.resolve(entry), to);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String arg : List.of("--version", "-V", "--help", "-h")) {
      Processes.Result alone = Processes.run(List.of(java, "-cp", dir.toString(), Info.class.getName(), arg), Map.of(), 60);
      Processes.Result cli = ECSL.run(arg);
      assertEquals(0, alone.exitCode(), arg + ": " + alone.stderr());
      assertEquals("", alone.stderr(), arg);
      assertEquals(cli.stdout(), alone.stdout(), arg);
    }
    Processes.Result other = Processes.run(List.of(java, "-cp", dir.toString(), Info.class.getName(), "check", "."), Map.of(), 60);
    assertEquals(1, other.exitCode());
    assertTrue(other.stderr().startsWith("ecsl: this jar (ecsl-info.jar) only prints --version and --help"), other.stderr());
  }
}
