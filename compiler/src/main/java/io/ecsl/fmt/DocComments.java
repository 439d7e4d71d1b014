package io.ecsl.fmt;

import io.ecsl.grammar.EcslLexer;
import io.ecsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

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
    EcslLexer lexer = new EcslLexer(CharStreams.fromString(file.text()));
    lexer.removeErrorListeners();
    int lastCodeLine = 0;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getType() == EcslLexer.LINE_COMMENT || t.getType() == EcslLexer.BLOCK_COMMENT) {
        int end = t.getLine() + (int) t.getText().chars().filter(c -> c == '\n').count();
        found.add(new Comment(t.getLine(), end, clean(t.getText()), lastCodeLine != t.getLine()));
      } else {
        lastCodeLine = t.getLine() + (int) t.getText().chars().filter(c -> c == '\n').count();
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
