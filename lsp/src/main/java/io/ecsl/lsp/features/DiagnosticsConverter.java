package io.ecsl.lsp.features;

import io.ecsl.diag.Severity;
import io.ecsl.lsp.Locations;
import io.ecsl.lsp.Snapshot;
import io.ecsl.lsp.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The compiler's diagnostics as the protocol's: the same code, message and span as
 * {@code ecsl check}; the hint on a line of its own after the message (editors have no field for
 * it); secondary locations ("first declared here") as related information.
 */
public final class DiagnosticsConverter {
  /** Where diagnostics come from, as editors show it. */
  public static final String SOURCE = "ecsl";

  private DiagnosticsConverter() {}

  /** A check's diagnostics per file. Those without a place go to the project's open files, at the top. */
  public static Map<Path, List<Diagnostic>> byFile(Snapshot s, Workspace workspace) {
    Map<Path, List<Diagnostic>> out = new HashMap<>();
    for (io.ecsl.diag.Diagnostic d : s.analysis().diagnostics().sorted()) {
      if (d.span() == null || d.span().isNone()) {
        for (Path open : workspace.openFiles(s.project())) {
          out.computeIfAbsent(open, k -> new ArrayList<>())
              .add(convert(d, new Range(new Position(0, 0), new Position(0, 0)), workspace));
        }
        continue;
      }
      Path file = Locations.path(d.span().file(), workspace);
      if (file != null) {
        out.computeIfAbsent(file, k -> new ArrayList<>()).add(convert(d, Locations.range(d.span()), workspace));
      }
    }
    return out;
  }

  static Diagnostic convert(io.ecsl.diag.Diagnostic d, Range range, Workspace workspace) {
    String message = d.message();
    if (d.span() == null && d.resource() != null) {
      message = d.resource() + ": " + message;
    }
    if (d.hint() != null && !d.hint().isBlank()) {
      message += "\nhint: " + d.hint();
    }
    Diagnostic out = new Diagnostic(range, message, severity(d.severity()), SOURCE, d.code());
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (io.ecsl.diag.Diagnostic.Label l : workspace == null ? List.<io.ecsl.diag.Diagnostic.Label>of() : d.labels()) {
      Location at = Locations.location(l.span(), workspace);
      if (at != null) {
        related.add(new DiagnosticRelatedInformation(at, l.message()));
      }
    }
    if (!related.isEmpty()) {
      out.setRelatedInformation(related);
    }
    return out;
  }

  static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      default -> DiagnosticSeverity.Information;
    };
  }
}
