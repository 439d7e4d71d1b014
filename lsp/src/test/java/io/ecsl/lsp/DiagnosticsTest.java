package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.compile.Compiler;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics over the protocol: the CLI's codes, spans and hints, published as the text changes. */
class DiagnosticsTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  static final String PROJECT = """
      cluster prod {}
      task web {
        container app {
          image = "nginx:1.25"
          memory = 512 MiB
        }
      }
      service web in prdo {
        task = web
        desired = 1
      }
      """;

  @Test
  void anUnknownNameIsPublishedWithItsCodeSpanAndHint() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", PROJECT);
      List<Diagnostic> ds = client.diagnostics(uri, l -> !l.isEmpty());
      assertEquals(1, ds.size(), ds.toString());
      Diagnostic d = ds.get(0);
      assertEquals("E0201", d.getCode().getLeft());
      assertEquals(DiagnosticSeverity.Error, d.getSeverity());
      assertEquals("ecsl", d.getSource());
      assertEquals(new Position(7, 15), d.getRange().getStart());
      assertEquals(new Position(7, 19), d.getRange().getEnd());
      assertEquals("unknown name `prdo`\nhint: did you mean `prod`?", d.getMessage().getLeft());
    }
  }

  @Test
  void fixingTheTextClearsTheDiagnosticWithoutSaving() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", PROJECT);
      client.diagnostics(uri, l -> !l.isEmpty());
      client.change(uri, PROJECT.replace("prdo", "prod"));
      client.diagnostics(uri, List::isEmpty);
    }
  }

  @Test
  void ecsRulesAndRelatedLocationsAreReported() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", Fixture.FARGATE_MISFIT + "let x = 1\nlet x = 2\n");
      List<Diagnostic> ds = client.diagnostics(uri, l -> !l.isEmpty());
      Diagnostic duplicate = ds.stream().filter(d -> d.getCode().getLeft().equals("E0203")).findFirst().orElseThrow();
      assertEquals(1, duplicate.getRelatedInformation().size());
      assertEquals("first defined here", duplicate.getRelatedInformation().get(0).getMessage());
      assertEquals(7, duplicate.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
      client.change(uri, client.text(uri).replace("let x = 2\n", ""));
      List<Diagnostic> rules = client.diagnostics(uri, l -> l.stream().anyMatch(d -> d.getCode().getLeft().equals("E1006")));
      Diagnostic fargate = rules.stream().filter(d -> d.getCode().getLeft().equals("E1006")).findFirst().orElseThrow();
      assertEquals(2, fargate.getRange().getStart().getLine());
      assertTrue(fargate.getMessage().getLeft().contains("\nhint: "), fargate.getMessage().getLeft());
    }
  }

  @Test
  void theDiagnosticsAreThoseOfEcslCheckForTheSameFiles() throws Exception {
    Path sample = io.ecsl.testing.RepoPaths.samples().resolve("hello-local");
    try (LspClient client = new LspClient(root, stdlib)) {
      String text = java.nio.file.Files.readString(sample.resolve("main.ecs"));
      String broken = text.replaceFirst("image = \"[^\"]*\"", "image = \"nginx\"").replaceFirst("desired", "desird");
      String uri = client.open("main.ecs", broken);
      List<Diagnostic> ds = client.diagnostics(uri, l -> !l.isEmpty());
      Compiler.Result cli = Compiler.compile(Compiler.Options.of(root.resolve("main.ecs")));
      List<String> expected = cli.diagnostics().sorted().stream()
          .map(d -> d.code() + "@" + (d.span().line() - 1) + ":" + (d.span().column() - 1)).toList();
      List<String> actual = ds.stream()
          .map(d -> d.getCode().getLeft() + "@" + d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter())
          .toList();
      assertEquals(expected, actual);
      assertTrue(!expected.isEmpty());
    }
  }

  @Test
  void anEditInOneFileReChecksTheFilesThatUseIt() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String services = client.open("services.ecs", "service front in prod {\n  task = web\n  desired = 1\n}\n");
      String tasks = client.open("tasks.ecs", "cluster prod {}\ntask web { container app { image = \"nginx:1.25\", memory = 256 } }\n");
      client.diagnostics(services, List::isEmpty);
      client.change(tasks, "cluster prod {}\ntask api { container app { image = \"nginx:1.25\", memory = 256 } }\n");
      List<Diagnostic> ds = client.diagnostics(services, l -> !l.isEmpty());
      assertEquals("E0201", ds.get(0).getCode().getLeft());
      assertEquals(1, ds.get(0).getRange().getStart().getLine());
    }
  }
}
