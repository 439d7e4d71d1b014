package io.ecsl.cli.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Cli;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsl graph} prints the golden graph of a sample in each format, and refuses a broken project. */
class GraphCommandTest {
  private static final Path GOLDEN = RepoPaths.root().resolve("compiler/src/test/resources/golden/graph");

  @TempDir
  Path dir;

  @Test
  void eachFormatIsTheGraphOfTheProject() throws Exception {
    Path sample = RepoPaths.samples().resolve("fargate-web").toAbsolutePath();
    for (String[] f : new String[][] {{"mermaid", "mmd"}, {"dot", "dot"}, {"json", "json"}}) {
      Cli.Run r = Cli.run("graph", sample.toString(), "--format", f[0], "--region", "eu-west-1", "--account-id", "123456789012");
      assertEquals(0, r.exitCode(), r.err());
      assertEquals(Files.readString(GOLDEN.resolve("fargate-web." + f[1])), r.out());
    }
    assertTrue(Cli.run("graph", sample.toString()).out().startsWith("flowchart LR\n"), "mermaid is the default");
  }

  @Test
  void aProjectWithErrorsIsNotDrawn() throws Exception {
    Files.writeString(dir.resolve("main.ecs"), "service web in prdo { task = \"web:1\", desired = 1 }\n");
    Cli.Run r = Cli.run("graph", dir.toString());
    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().contains("error[E0201]: unknown name `prdo`") && r.err().contains("graph: the project has errors: 1 error"),
        r.err());
  }
}
