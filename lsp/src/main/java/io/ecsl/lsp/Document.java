package io.ecsl.lsp;

import io.ecsl.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The text of one open file as the editor holds it, with a line index. Positions are in UTF-16
 * code units, as the protocol's default encoding is and as Java strings count, so an LSP
 * character offset is a column of the string.
 */
public final class Document {
  private final String uri;
  private final Path path;
  private final int version;
  private final SourceFile lines;

  public Document(String uri, Path path, int version, String text) {
    this.uri = uri;
    this.path = path;
    this.version = version;
    this.lines = SourceFile.of(uri, text);
  }

  public String uri() {
    return uri;
  }

  /** The file on disk (it may not be saved yet). */
  public Path path() {
    return path;
  }

  public int version() {
    return version;
  }

  public String text() {
    return lines.text();
  }

  /** The document after the editor's changes (whole-text or ranged, in order). */
  public Document apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
    Document current = this;
    for (TextDocumentContentChangeEvent change : changes) {
      String t = current.text();
      if (change.getRange() == null) {
        t = change.getText();
      } else {
        int start = current.offset(change.getRange().getStart());
        int end = current.offset(change.getRange().getEnd());
        t = t.substring(0, start) + change.getText() + t.substring(Math.max(start, end));
      }
      current = new Document(uri, path, newVersion, t);
    }
    return new Document(uri, path, newVersion, current.text());
  }

  /** The offset of a position, clamped to the text (a position past a line's end is its end). */
  public int offset(Position p) {
    if (p.getLine() < 0) {
      return 0;
    }
    if (p.getLine() >= lines.lineCount()) {
      return text().length();
    }
    int lineStart = lines.offsetOf(p.getLine() + 1, 1);
    return lineStart + Math.max(0, Math.min(p.getCharacter(), lines.line(p.getLine() + 1).length()));
  }

  public Position position(int offset) {
    int o = Math.max(0, Math.min(offset, text().length()));
    return new Position(lines.lineOf(o) - 1, lines.columnOf(o) - 1);
  }

  public Range range(int start, int end) {
    return new Range(position(start), position(end));
  }
}
