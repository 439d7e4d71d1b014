package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.lsp.features.SemanticTokensProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic tokens classify names by what they refer to. */
class SemanticTokensTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  @Test
  void namesAreClassifiedByWhatTheyAre() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String text = """
          let size = 256 # MiB
          task web {
            network = awsvpc
            container app { image = "nginx:1.25", memory = size, cpu = length([1]) }
          }
          """;
      String uri = client.open("main.ecs", text);
      SemanticTokens tokens = LspClient.get(client.server().getTextDocumentService()
          .semanticTokensFull(new SemanticTokensParams(client.id(uri))));
      List<String> decoded = decode(text, tokens.getData());
      List<String> expected = List.of("let:keyword", "size:variable+declaration+readonly", "256:number", "# MiB:comment",
          "task:keyword", "web:class+declaration", "network:property", "awsvpc:enumMember", "container:property",
          "app:struct+declaration", "image:property", "\":string", "nginx:1.25:string", "\":string", "memory:property",
          "size:variable+readonly", "cpu:property", "length:function+defaultLibrary", "1:number");
      assertEquals(expected, decoded);
    }
  }

  /** The tokens as `text:type+modifiers`, in order. */
  static List<String> decode(String text, List<Integer> data) {
    List<String> lines = text.lines().toList();
    List<String> out = new ArrayList<>();
    int line = 0;
    int col = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      col = data.get(i) == 0 ? col + data.get(i + 1) : data.get(i + 1);
      String token = lines.get(line).substring(col, col + data.get(i + 2));
      StringBuilder sb = new StringBuilder(token).append(':').append(SemanticTokensProvider.LEGEND.getTokenTypes().get(data.get(i + 3)));
      int mods = data.get(i + 4);
      for (int m = 0; m < SemanticTokensProvider.LEGEND.getTokenModifiers().size(); m++) {
        if ((mods & (1 << m)) != 0) {
          sb.append('+').append(SemanticTokensProvider.LEGEND.getTokenModifiers().get(m));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }
}
