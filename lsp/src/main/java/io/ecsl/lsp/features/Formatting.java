package io.ecsl.lsp.features;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostics;
import io.ecsl.fmt.Formatter;
import io.ecsl.lsp.Document;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** Formatting: what {@code ecsl fmt} writes, as one edit; nothing while the file has a syntax error. */
final class Formatting {
  private Formatting() {}

  static List<TextEdit> of(Document d) {
    if (d == null) {
      return List.of();
    }
    String text = SourceFile.withoutByteOrderMark(d.text());
    SourceUnit unit = Parser.parse(new SourceFile(d.path().getFileName().toString(), d.path(), text), new Diagnostics());
    if (unit == null) {
      return List.of();
    }
    String formatted = Formatter.format(unit);
    if (formatted.equals(d.text())) {
      return List.of();
    }
    return List.of(new TextEdit(d.range(0, d.text().length()), formatted));
  }
}
