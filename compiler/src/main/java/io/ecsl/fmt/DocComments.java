package io.ecsl.fmt;

import io.ecsl.parse.Token;
import io.ecsl.parse.Tokens;
import io.ecsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Documentation comments: the comment lines right above a declaration, template or {@code let}
 * (no blank line between) describe it, as the standard library writes them; a file's opening
 * comment block describes the module. Editors show them on hover, and the standard library's
 * reference is generated from them.
 */
public final class DocComments {
  private record Comment(int line, int endLine, String text, boolean alone) {}

  private final SourceFile file;
  private final List<Comment> comments;

  private DocComments(SourceFile file, List<Comment> comments) {
    this.file = file;
    this.comments = comments;
  }

  /** The comments of a file, lexed once. */
  public static DocComments of(SourceFile file) {
    List<Comment> found = new ArrayList<>();
    int lastCodeLine = 0;
    // Lexed, not taken from a parse: callers hold a file (a hover's definition, a stdlib module), and
    // "alone on its line" needs the code tokens around each comment, which SourceUnit.comments() lacks.
    for (Token t : Tokens.of(file.text())) {
      if (t.kind().isComment()) {
        int end = t.line() + (int) t.text().chars().filter(c -> c == '\n').count();
        found.add(new Comment(t.line(), end, clean(t.text()), lastCodeLine != t.line()));
      } else {
        lastCodeLine = t.line() + (int) t.text().chars().filter(c -> c == '\n').count();
      }
    }
    return new DocComments(file, found);
  }

  /** The comment block directly above the line of {@code offset}, or null. */
  public String before(int offset) {
    int line = file.lineOf(offset);
    List<String> lines = new ArrayList<>();
    int expected = line - 1;
    for (int i = comments.size() - 1; i >= 0; i--) {
      Comment c = comments.get(i);
      if (c.line() >= line) {
        continue;
      }
      if (c.endLine() != expected || !c.alone()) {
        break;
      }
      lines.add(0, c.text());
      expected = c.line() - 1;
    }
    return lines.isEmpty() ? null : String.join("\n", lines).strip();
  }

  /** The comment block that opens the file, up to its first blank line, or null. */
  public String header() {
    List<String> lines = new ArrayList<>();
    int expected = 1;
    for (Comment c : comments) {
      if (c.line() != expected || !c.alone()) {
        break;
      }
      lines.add(c.text());
      expected = c.endLine() + 1;
    }
    return lines.isEmpty() ? null : String.join("\n", lines).strip();
  }

  private static String clean(String comment) {
    String t = comment.stripTrailing();
    if (t.startsWith("/*")) {
      t = t.substring(2, t.endsWith("*/") ? t.length() - 2 : t.length());
      StringBuilder sb = new StringBuilder();
      for (String l : t.split("\n", -1)) {
        String s = l.strip();
        sb.append(s.startsWith("*") ? s.substring(1).stripLeading() : s).append('\n');
      }
      return sb.toString().strip();
    }
    t = t.startsWith("#") ? t.substring(1) : t.startsWith("//") ? t.substring(2) : t;
    return t.startsWith(" ") ? t.substring(1) : t;
  }
}
