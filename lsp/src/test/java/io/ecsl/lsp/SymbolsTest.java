package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document symbols (an outline with containers and ports) and workspace symbol search. */
class SymbolsTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  @Test
  void theOutlineListsDeclarationsTheirContainersAndPortsAndTheNamesOfTheFile() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      List<DocumentSymbol> symbols = LspClient.get(client.server().getTextDocumentService()
          .documentSymbol(new DocumentSymbolParams(client.id(uri)))).stream().map(e -> e.getRight()).toList();
      assertEquals(List.of("fargate", "web", "replicas", "env", "prod", "api", "api"), symbols.stream().map(DocumentSymbol::getName).toList());
      DocumentSymbol task = symbols.get(5);
      assertEquals(SymbolKind.Class, task.getKind());
      assertEquals("task definition", task.getDetail());
      assertEquals("app", task.getChildren().get(0).getName());
      assertEquals("http", task.getChildren().get(0).getChildren().get(0).getName());
      assertEquals("service in prod", symbols.get(6).getDetail());
    }
  }

  @Test
  void workspaceSymbolsFindDeclarationsAndTemplatesByName() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      List<? extends WorkspaceSymbol> found = LspClient.get(client.server().getWorkspaceService()
          .symbol(new WorkspaceSymbolParams("front"))).getRight();
      assertEquals(1, found.size(), found.toString());
      assertEquals("frontend", found.get(0).getName());
      assertEquals(SymbolKind.Function, found.get(0).getKind());
      assertTrue(found.get(0).getLocation().getLeft().getUri().endsWith("lib/web.ecs"));
    }
  }
}
