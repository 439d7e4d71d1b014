package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inlay hints show a quantity in the unit the API counts the attribute in. */
class InlayHintsTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  @Test
  void quantitiesShowTheNumberTheApiGets() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", """
          task web {
            cpu = 0.5 vcpu
            memory = 1 GiB
            container app {
              image = "nginx:1.25"
              memory = 512 MiB
              health { command = "true", interval = 1m }
            }
          }
          """);
      List<InlayHint> hints = LspClient.get(client.server().getTextDocumentService()
          .inlayHint(new InlayHintParams(client.id(uri), new Range(new Position(0, 0), new Position(20, 0)))));
      assertEquals(List.of("1:16 = 512", "2:16 = 1024", "6:44 = 60"), hints.stream().map(h -> h.getPosition().getLine() + ":"
          + h.getPosition().getCharacter() + " " + h.getLabel().getLeft()).toList());
    }
  }
}
