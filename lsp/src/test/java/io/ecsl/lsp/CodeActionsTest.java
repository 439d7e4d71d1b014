package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick fixes from hints: "did you mean", a missing import, a Fargate size, an image tag. */
class CodeActionsTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  private static List<CodeAction> actions(LspClient client, String uri, Diagnostic d) {
    return LspClient.get(client.server().getTextDocumentService().codeAction(new CodeActionParams(client.id(uri),
        d.getRange(), new CodeActionContext(List.of(d))))).stream().map(e -> e.getRight()).toList();
  }

  private static String applied(LspClient client, String uri, CodeAction a) {
    return RenameTest.apply(client.text(uri), a.getEdit().getChanges().get(uri));
  }

  private static Diagnostic first(LspClient client, String uri, String code) {
    return client.diagnostics(uri, l -> l.stream().anyMatch(d -> d.getCode().getLeft().equals(code))).stream()
        .filter(d -> d.getCode().getLeft().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void didYouMeanReplacesTheMisspeltWord() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", """
          cluster prod {}
          task web {
            network = awsvcp
            container app { image = "nginx:1.25", memroy = 256 }
          }
          """);
      CodeAction attribute = actions(client, uri, first(client, uri, "E0410")).get(0);
      assertEquals("Change `memroy` to `memory`", attribute.getTitle());
      assertTrue(applied(client, uri, attribute).contains("memory = 256 }"));
      CodeAction value = actions(client, uri, first(client, uri, "E0412")).get(0);
      assertTrue(applied(client, uri, value).contains("network = awsvpc\n"), applied(client, uri, value));
    }
  }

  @Test
  void aModuleUsedWithoutItsImportGetsTheImport() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", """
          # The web task.

          task web {
            fargate.small()
            container app { image = "nginx:1.25" }
          }
          """);
      CodeAction a = actions(client, uri, first(client, uri, "E0201")).get(0);
      assertEquals("Add `import \"std/fargate\"`", a.getTitle());
      assertTrue(applied(client, uri, a).startsWith("# The web task.\n\nimport \"std/fargate\"\ntask web {"), applied(client, uri, a));
    }
  }

  @Test
  void aFargateSizeThatDoesNotExistGetsTheNearestThatDoes() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", Fixture.FARGATE_MISFIT);
      List<CodeAction> fixes = actions(client, uri, first(client, uri, "E1006"));
      assertEquals("Set `memory = 2 GiB` (a Fargate size)", fixes.get(0).getTitle());
      assertTrue(fixes.get(0).getIsPreferred());
      assertTrue(applied(client, uri, fixes.get(0)).contains("  memory = 2 GiB\n"));
    }
  }

  @Test
  void anUnpinnedImageGetsTheTagTheProjectUsesElsewhere() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", """
          task a { container app { image = "nginx:1.25.3", memory = 256 } }
          task b { container app { image = "nginx", memory = 256 } }
          """);
      Diagnostic d = first(client, uri, "W1101");
      CodeAction a = actions(client, uri, d).get(0);
      assertEquals("Pin the image to `nginx:1.25.3` (used elsewhere in the project)", a.getTitle());
      assertTrue(applied(client, uri, a).contains("task b { container app { image = \"nginx:1.25.3\""));
      assertEquals(new Range(d.getRange().getStart(), d.getRange().getEnd()), a.getDiagnostics().get(0).getRange());
    }
  }
}
