package io.ecsl.fmt;

import io.ecsl.ast.SourceUnit;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The comments of a file, handed out to the formatter in source order: those before an item go
 * above it, one on the same line after an item stays there, the rest go where they were.
 */
final class Comments {
  private record Comment(int start, int end, int line, String text) {}

  private final List<Comment> comments;
  private final SourceFile file;
  private int next;

  private Comments(SourceFile file, List<Comment> comments) {
    this.file = file;
    this.comments = comments;
  }

  static Comments none() {
    return new Comments(null, List.of());
  }

  /** The comments the parser found in the file. */
  static Comments of(SourceUnit unit) {
    List<Comment> found = new ArrayList<>(unit.comments().size());
    for (io.ecsl.ast.Comment c : unit.comments()) {
      found.add(new Comment(c.span().start(), c.span().end(), unit.file().lineOf(c.span().start()), c.text()));
    }
    return new Comments(unit.file(), found);
  }

  private boolean applies(Span span) {
    return file != null && span != null && !span.isNone() && span.file() == file;
  }

  /** Comments that come before {@code span}, each on its own line. */
  void before(Span span, StringBuilder out, int indent) {
    if (!applies(span)) {
      return;
    }
    while (next < comments.size() && comments.get(next).start() < span.start()) {
      Comment c = comments.get(next++);
      out.append(" ".repeat(indent)).append(c.text()).append('\n');
      // A blank line after a comment (a file's header, a section title) separates it from what
      // follows: keep one, as the author wrote it.
      int following = next < comments.size() && comments.get(next).start() < span.start()
          ? comments.get(next).start() : span.start();
      if (blankLineBetween(c.end(), following)) {
        out.append('\n');
      }
    }
  }

  private boolean blankLineBetween(int from, int to) {
    String text = file.text();
    int newlines = 0;
    for (int i = from; i < to && i < text.length(); i++) {
      if (text.charAt(i) == '\n' && ++newlines == 2) {
        return true;
      }
    }
    return false;
  }

  /** A comment on the same line right after {@code span}. */
  void trailing(Span span, StringBuilder out) {
    if (!applies(span)) {
      return;
    }
    int endLine = file.lineOf(Math.max(span.start(), span.end() - 1));
    if (next < comments.size() && comments.get(next).line() == endLine && comments.get(next).start() >= span.end() - 1
        && !comments.get(next).text().contains("\n")) {
      out.append("  ").append(comments.get(next++).text());
    }
  }

  /** Comments left inside a block, before its closing brace. */
  void inside(Span span, StringBuilder out, int indent) {
    if (!applies(span)) {
      return;
    }
    while (next < comments.size() && comments.get(next).start() < span.end()) {
      out.append(" ".repeat(indent)).append(comments.get(next++).text()).append('\n');
    }
  }

  /** Whatever is left at the end of the file. */
  void remaining(StringBuilder out, int indent) {
    if (next < comments.size() && out.length() > 0) {
      out.append('\n');
    }
    while (next < comments.size()) {
      out.append(" ".repeat(indent)).append(comments.get(next++).text()).append('\n');
    }
  }

  /** True when a comment not yet printed lies inside {@code span}: the block must not be inlined. */
  boolean any(Span span) {
    if (!applies(span)) {
      return false;
    }
    for (int i = next; i < comments.size(); i++) {
      Comment c = comments.get(i);
      if (c.start() >= span.start() && c.start() < span.end()) {
        return true;
      }
      if (c.start() >= span.end()) {
        break;
      }
    }
    return false;
  }

  /** Where the first comment not yet printed in {@code [from, to)} starts, or {@code to} if there is none. */
  int firstStart(int from, int to) {
    for (int i = next; i < comments.size(); i++) {
      Comment c = comments.get(i);
      if (c.start() >= from && c.start() < to) {
        return c.start();
      }
    }
    return to;
  }
}
