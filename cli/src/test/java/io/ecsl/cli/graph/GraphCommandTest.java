package io.ecsl.cli.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsl graph} prints the golden graph of a sample in each format, and refuses a broken project. */
class GraphCommandTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);

  private static final Path GOLDEN = RepoPaths.root().resolve("compiler/src/test/resources/golden/graph");

  @TempDir
  Path dir;

  @Test
  void eachFormatIsTheGraphOfTheProject() throws Exception {
    Path sample = RepoPaths.samples().resolve("fargate-web").toAbsolutePath();
    for (String[] f : new String[][] {{"mermaid", "mmd"}, {"dot", "dot"}, {"json", "json"}}) {
      Processes.Result r = ECSL.run("graph", sample.toString(), "--format", f[0], "--region", "eu-west-1", "--account-id", "123456789012");
      assertEquals(0, r.exitCode(), r.stderr());
      assertEquals(Files.readString(GOLDEN.resolve("fargate-web." + f[1])), r.stdout());
    }
    assertTrue(ECSL.run("graph", sample.toString()).stdout().startsWith("flowchart LR\n"), "mermaid is the default");
  }

  @Test
  void aProjectWithErrorsIsNotDrawn() throws Exception {
    Files.writeString(dir.resolve("main.ecs"), "service web in prdo { task = \"web:1\", desired = 1 }\n");
    Processes.Result r = ECSL.run("graph", dir.toString());
    assertEquals(1, r.exitCode());
    assertEquals("", r.stdout());
    assertTrue(r.stderr().contains("error[E0201]: unknown name `prdo`") && r.stderr().contains("graph: the project has errors: 1 error"),
        r.stderr());
  }
}
