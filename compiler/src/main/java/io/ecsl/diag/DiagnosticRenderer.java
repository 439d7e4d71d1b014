package io.ecsl.diag;

import io.ecsl.source.Span;
import java.util.List;

/**
 * Renders diagnostics the way compilers do:
 *
 * <pre>
 * web.ecs:12:19: error[E0201]: unknown name `prdo`
 *    |
 * 12 |   service web in prdo {
 *    |                  ^^^^
 *    = hint: did you mean `prod`?
 * </pre>
 *
 * The first line is the stable, grep-able part; the snippet and hint are for people.
 */
public final class DiagnosticRenderer {
  private final boolean color;

  public DiagnosticRenderer(boolean color) {
    this.color = color;
  }

  public String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append(render(d));
    }
    return out.toString();
  }

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    out.append(bold(d.where())).append(": ")
        .append(paint(d.severity(), d.severity().word() + "[" + d.code() + "]"))
        .append(": ").append(bold(d.message()));
    if (d.resource() != null && d.span() != null && !d.span().isNone()) {
      out.append(" (").append(d.resource()).append(')');
    }
    out.append('\n');
    int gutter = gutterWidth(d);
    if (d.span() != null && !d.span().isNone()) {
      snippet(out, d.span(), gutter, d.severity());
    }
    for (Diagnostic.Label label : d.labels()) {
      out.append(pad(gutter)).append(" = note: ").append(label.message())
          .append(" at ").append(label.span().location()).append('\n');
      snippet(out, label.span(), gutter, Severity.NOTE);
    }
    if (d.hint() != null && !d.hint().isBlank()) {
      out.append(pad(gutter)).append(" = hint: ").append(d.hint()).append('\n');
    }
    return out.toString();
  }

  private static int gutterWidth(Diagnostic d) {
    int max = d.span() != null && !d.span().isNone() ? d.span().line() : 1;
    for (Diagnostic.Label l : d.labels()) {
      max = Math.max(max, l.span().line());
    }
    return Integer.toString(max).length();
  }

  private void snippet(StringBuilder out, Span span, int gutter, Severity severity) {
    int line = span.line();
    String raw = span.file().line(line);
    String shown = expandTabs(raw);
    int col = span.column();
    int startCol = displayColumn(raw, col);
    int endCol;
    if (span.endLine() == line && span.end() > span.start()) {
      endCol = displayColumn(raw, span.file().columnOf(span.end()));
    } else {
      endCol = Math.max(startCol + 1, shown.length() + 1);
    }
    int carets = Math.max(1, endCol - startCol);
    out.append(pad(gutter)).append(" |\n");
    out.append(String.format("%" + gutter + "d", line)).append(" | ").append(shown).append('\n');
    out.append(pad(gutter)).append(" | ").append(" ".repeat(Math.max(0, startCol - 1)))
        .append(paint(severity, "^".repeat(carets))).append('\n');
  }

  /** Column after expanding tabs to four spaces, so carets line up with the shown text. */
  private static int displayColumn(String line, int column) {
    int display = 1;
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      display += line.charAt(i) == '\t' ? 4 : 1;
    }
    if (column - 1 > line.length()) {
      display += column - 1 - line.length();
    }
    return display;
  }

  /**
   * Tabs as four spaces; other control characters (a binary file's NULs, escape sequences) as
   * U+FFFD, one column each, so they neither act on the terminal nor shift the carets.
   */
  private static String expandTabs(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t') {
        sb.append("    ");
      } else {
        sb.append(c < 0x20 || c == 0x7F ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }

  private static String pad(int n) {
    return " ".repeat(n);
  }

  private String bold(String s) {
    return color ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private String paint(Severity severity, String s) {
    if (!color) {
      return s;
    }
    String code = switch (severity) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case NOTE -> "\u001b[1;36m";
    };
    return code + s + "\u001b[0m";
  }
}
