package io.ecsl.source;

/**
 * A range of characters in a {@link SourceFile}: [start, end) as 0-based offsets. Every AST node,
 * every evaluated value that came from source and every ECS field the compiler emits carries one,
 * so any later stage can point at the text that caused a problem.
 */
public record Span(SourceFile file, int start, int end) {

  public Span {
    if (end < start) {
      end = start;
    }
  }

  /** A span for values that have no source (defaults, built-ins). */
  public static final Span NONE = new Span(SourceFile.of("<built-in>", ""), 0, 0);

  public boolean isNone() {
    return this == NONE || file == NONE.file;
  }

  public int line() {
    return file.lineOf(start);
  }

  public int column() {
    return file.columnOf(start);
  }

  public int endLine() {
    return file.lineOf(Math.max(start, end - 1));
  }

  public int endColumn() {
    return file.columnOf(end);
  }

  /** The smallest span covering both; both must be in the same file. */
  public Span to(Span other) {
    if (other == null || other.isNone() || other.file != file || other.start >= start && other.end <= end) {
      return this;
    }
    if (start >= other.start && end <= other.end) {
      return other;
    }
    return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
  }

  public String text() {
    return file.text().substring(start, Math.min(end, file.text().length()));
  }

  /** {@code file:line:col}, the location prefix of every diagnostic. */
  public String location() {
    return file.displayName() + ":" + line() + ":" + column();
  }

  @Override
  public String toString() {
    return location();
  }
}
