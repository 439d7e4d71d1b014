package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.diag.Diagnostics;
import io.ecsl.fmt.Formatter;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting is what `ecsl fmt` writes, of the unsaved text; nothing while it does not parse. */
class FormattingTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  @Test
  void theEditorsTextIsFormattedAsEcslFmtWould() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String messy = "task web{container app{image=\"nginx:1.25\"\n memory=256}} # the web\n";
      String uri = client.open("main.ecs", "cluster prod {}\n");
      client.change(uri, messy);
      List<? extends TextEdit> edits = LspClient.get(client.server().getTextDocumentService()
          .formatting(new DocumentFormattingParams(client.id(uri), new FormattingOptions(2, true))));
      String expected = Formatter.format(Parser.parse(SourceFile.of("x.ecs", messy), new Diagnostics()));
      assertEquals(expected, RenameTest.apply(messy, (List<TextEdit>) edits));
      assertTrue(expected.contains("container app { image = \"nginx:1.25\", memory = 256 }"), expected);
      client.change(uri, expected);
      assertEquals(List.of(), LspClient.get(client.server().getTextDocumentService()
          .formatting(new DocumentFormattingParams(client.id(uri), new FormattingOptions(2, true)))));
      client.change(uri, "task web {");
      assertEquals(List.of(), LspClient.get(client.server().getTextDocumentService()
          .formatting(new DocumentFormattingParams(client.id(uri), new FormattingOptions(2, true)))));
    }
  }
}
