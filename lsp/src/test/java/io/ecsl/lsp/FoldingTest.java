package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folding ranges: blocks and lists over several lines. */
class FoldingTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  @Test
  void multiLineBlocksFold() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", """
          task web {
            container app {
              image = "nginx:1.25"
              command = [
                "nginx",
              ]
            }
            container b { image = "b:1" }
          }
          """);
      List<FoldingRange> ranges = LspClient.get(client.server().getTextDocumentService()
          .foldingRange(new FoldingRangeRequestParams(client.id(uri))));
      assertEquals(List.of("0-8", "1-6", "3-5"), ranges.stream().map(r -> r.getStartLine() + "-" + r.getEndLine()).toList());
    }
  }
}
