package io.ecsl.cli;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.DiagnosticJson;
import io.ecsl.diag.DiagnosticRenderer;
import io.ecsl.diag.Diagnostics;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics: text on stderr (colored on a terminal), or the JSON document on stdout. */
final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  static void print(Diagnostics diagnostics, OutputFormat format, PrintWriter out, PrintWriter err, boolean color) {
    List<Diagnostic> sorted = diagnostics.sorted();
    if (format == OutputFormat.json) {
      out.print(DiagnosticJson.render(sorted));
      out.flush();
      return;
    }
    if (!sorted.isEmpty()) {
      err.print(new DiagnosticRenderer(color).render(sorted));
      err.flush();
    }
  }

  /** "2 errors, 1 warning". */
  static String counts(Diagnostics d) {
    int e = d.errorCount();
    int w = d.warningCount();
    StringBuilder sb = new StringBuilder();
    sb.append(e).append(e == 1 ? " error" : " errors");
    if (w > 0) {
      sb.append(", ").append(w).append(w == 1 ? " warning" : " warnings");
    }
    return sb.toString();
  }
}
