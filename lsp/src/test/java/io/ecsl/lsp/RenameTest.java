package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rename of declarations, lets, templates, parameters and imports, across files. */
class RenameTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  /** Applies a workspace edit's changes for one document to its text. */
  static String apply(String text, List<TextEdit> edits) {
    Document d = new Document("x", Path.of("/x"), 0, text);
    StringBuilder sb = new StringBuilder(text);
    List<TextEdit> sorted = edits.stream().sorted(Comparator.comparingInt((TextEdit e) -> d.offset(e.getRange().getStart()))
        .reversed()).toList();
    for (TextEdit e : sorted) {
      sb.replace(d.offset(e.getRange().getStart()), d.offset(e.getRange().getEnd()), e.getNewText());
    }
    return sb.toString();
  }

  @Test
  void renamingATaskDefinitionRenamesItsUsesNotTheSameNamedService() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String services = client.open("services.ecs", "service web in prod {\n  task = web\n  desired = 1\n}\n");
      String tasks = client.open("tasks.ecs", "cluster prod {}\ntask web {\n  container app { image = \"nginx:1.25\", memory = 256 }\n}\n");
      WorkspaceEdit edit = LspClient.get(client.server().getTextDocumentService()
          .rename(new RenameParams(client.id(tasks), client.find(tasks, "task web", 6), "frontend")));
      Map<String, List<TextEdit>> changes = edit.getChanges();
      assertEquals("service web in prod {\n  task = frontend\n  desired = 1\n}\n", apply(client.text(services), changes.get(services)));
      assertEquals("cluster prod {}\ntask frontend {\n  container app { image = \"nginx:1.25\", memory = 256 }\n}\n",
          apply(client.text(tasks), changes.get(tasks)));
    }
  }

  @Test
  void renamingALetOrAVarRenamesItsUsesInsideStringsToo() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      WorkspaceEdit let = LspClient.get(client.server().getTextDocumentService()
          .rename(new RenameParams(client.id(uri), client.find(uri, "desired = replicas", 12), "copies")));
      String renamed = apply(client.text(uri), let.getChanges().get(uri));
      assertEquals(true, renamed.contains("let copies = 2\n") && renamed.contains("desired = copies\n")
          && !renamed.contains("replicas"), renamed);
      WorkspaceEdit var = LspClient.get(client.server().getTextDocumentService()
          .rename(new RenameParams(client.id(uri), client.find(uri, "var env", 5), "stage")));
      renamed = apply(client.text(uri), var.getChanges().get(uri));
      assertEquals(true, renamed.contains("var stage: string = \"staging\"\n") && renamed.contains("\"shop-${stage}\""),
          renamed);
    }
  }

  @Test
  void renamingAParameterRenamesNamedArgumentsAndAnImplicitAliasGainsAnAlias() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      String lib = client.uri("lib/web.ecs");
      client.diagnostics(uri, l -> true);
      WorkspaceEdit edit = LspClient.get(client.server().getTextDocumentService()
          .rename(new RenameParams(client.id(uri), client.find(uri, "frontend(name", 9), "title")));
      assertEquals(3, edit.getChanges().get(lib).size(), "the parameter and its two uses in the body: " + edit.getChanges());
      assertEquals(true, apply(client.text(uri), edit.getChanges().get(uri)).contains("web.frontend(title = \"shop-${env}\")"),
          "the named argument");
      WorkspaceEdit alias = LspClient.get(client.server().getTextDocumentService()
          .rename(new RenameParams(client.id(uri), client.find(uri, "fargate.size", 2), "fg")));
      String renamed = apply(client.text(uri), alias.getChanges().get(uri));
      assertEquals(true, renamed.startsWith("import \"std/fargate\" as fg\n"), renamed);
      assertEquals(true, renamed.contains("  fg.size(cpu"), renamed);
    }
  }

  @Test
  void builtInsAndBadNamesAreRefused() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", "let n = length([1, 2])\nlet m = n\n");
      assertThrows(AssertionError.class, () -> LspClient.get(client.server().getTextDocumentService()
          .prepareRename(new PrepareRenameParams(client.id(uri), client.find(uri, "length", 1)))));
      assertEquals("n", LspClient.get(client.server().getTextDocumentService()
          .prepareRename(new PrepareRenameParams(client.id(uri), client.find(uri, "= n", 2)))).getSecond().getPlaceholder());
      assertThrows(AssertionError.class, () -> LspClient.get(client.server().getTextDocumentService()
          .rename(new RenameParams(client.id(uri), client.find(uri, "= n", 2), "not a name"))));
    }
  }
}
