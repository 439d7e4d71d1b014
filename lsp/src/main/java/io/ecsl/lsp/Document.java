package io.ecsl.lsp;

import java.nio.file.Path;
import java.util.Arrays;
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
  private final String text;
  private final int[] lineStarts;

  public Document(String uri, Path path, int version, String text) {
    this.uri = uri;
    this.path = path;
    this.version = version;
    this.text = text;
    this.lineStarts = lineStarts(text);
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
    return text;
  }

  /** The document after the editor's changes (whole-text or ranged, in order). */
  public Document apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
    String t = text;
    for (TextDocumentContentChangeEvent change : changes) {
      if (change.getRange() == null) {
        t = change.getText();
      } else {
        Document current = new Document(uri, path, version, t);
        int start = current.offset(change.getRange().getStart());
        int end = current.offset(change.getRange().getEnd());
        t = t.substring(0, start) + change.getText() + t.substring(Math.max(start, end));
      }
    }
    return new Document(uri, path, newVersion, t);
  }

  /** The offset of a position, clamped to the text (a position past a line's end is its end). */
  public int offset(Position p) {
    return offset(text, lineStarts, p.getLine(), p.getCharacter());
  }

  public Position position(int offset) {
    return position(lineStarts, Math.max(0, Math.min(offset, text.length())));
  }

  public Range range(int start, int end) {
    return new Range(position(start), position(end));
  }

  static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  static int offset(String text, int[] lineStarts, int line, int character) {
    if (line < 0) {
      return 0;
    }
    if (line >= lineStarts.length) {
      return text.length();
    }
    int lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
    return Math.min(lineStarts[line] + Math.max(0, character), lineEnd);
  }

  static Position position(int[] lineStarts, int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    int line = i >= 0 ? i : -i - 2;
    return new Position(line, offset - lineStarts[line]);
  }
}
