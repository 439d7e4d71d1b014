package io.ecsl.source;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one input (an {@code .ecs} file, a stdlib module, a JSON document) with a line index,
 * so diagnostics can show {@code file:line:col} and the source line under a caret.
 */
public final class SourceFile {
  private final String displayName;
  private final Path path;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String displayName, Path path, String text) {
    this.displayName = displayName;
    this.path = path;
    this.text = text;
    this.lineStarts = indexLines(text);
  }

  /** A source that exists only in memory (tests, --var values). */
  /**
   * The text without the byte order mark some Windows editors put at the start of UTF-8 files:
   * invisible there (columns count from the character after it) and no token here.
   */
  public static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  public static SourceFile of(String displayName, String text) {
    return new SourceFile(displayName, null, text);
  }

  private static int[] indexLines(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  public String displayName() {
    return displayName;
  }

  /** The file on disk, or null for in-memory and stdlib sources. */
  public Path path() {
    return path;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line of a 0-based character offset. */
  public int lineOf(int offset) {
    int idx = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return idx >= 0 ? idx + 1 : -idx - 1;
  }

  /** 1-based column of a 0-based character offset. */
  public int columnOf(int offset) {
    int line = lineOf(offset);
    return offset - lineStarts[line - 1] + 1;
  }

  /** 0-based offset of a 1-based line and column. */
  public int offsetOf(int line, int column) {
    if (line < 1) {
      return 0;
    }
    if (line > lineStarts.length) {
      return text.length();
    }
    return Math.min(text.length(), lineStarts[line - 1] + Math.max(0, column - 1));
  }

  /** The text of a 1-based line, without its line terminator. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  @Override
  public String toString() {
    return displayName;
  }
}
