package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Find references and document highlights, across the files of a project. */
class ReferencesTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  @Test
  void aTaskDefinitionsReferencesAcrossFilesButNotTheSameNamedService() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      client.write("services.ecs", "service web in prod {\n  task = web\n  desired = 1\n}\nservice other in prod {\n  task = web\n  desired = 1\n}\n");
      String uri = client.open("tasks.ecs", "cluster prod {}\ntask web {\n  container app { image = \"nginx:1.25\", memory = 256 }\n}\n");
      Position at = client.find(uri, "task web", 5);
      List<? extends Location> refs = LspClient.get(client.server().getTextDocumentService()
          .references(new ReferenceParams(client.id(uri), at, new ReferenceContext(true))));
      assertEquals(3, refs.size(), refs.toString());
      assertEquals(2, refs.stream().filter(l -> l.getUri().equals(client.uri("services.ecs"))).count());
      assertEquals(List.of(1, 5), refs.stream().filter(l -> l.getUri().equals(client.uri("services.ecs")))
          .map(l -> l.getRange().getStart().getLine()).toList());
      List<? extends Location> withoutDeclaration = LspClient.get(client.server().getTextDocumentService()
          .references(new ReferenceParams(client.id(uri), at, new ReferenceContext(false))));
      assertEquals(2, withoutDeclaration.size());
    }
  }

  @Test
  void highlightsAreTheReferencesInTheDocument() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", "let size = 256\ntask web {\n  container app { image = \"nginx:1.25\", memory = size, cpu = size }\n}\n");
      List<? extends DocumentHighlight> highlights = LspClient.get(client.server().getTextDocumentService()
          .documentHighlight(new DocumentHighlightParams(client.id(uri), client.find(uri, "let size", 5))));
      assertEquals(3, highlights.size());
    }
  }
}
