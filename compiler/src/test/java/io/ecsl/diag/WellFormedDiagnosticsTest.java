package io.ecsl.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks the fuzz and robustness tests rely on find what they are meant to find. */
class WellFormedDiagnosticsTest {
  private final SourceFile file = SourceFile.of("main.ecs", "cluster prod {}\n");

  @Test
  void theLanguagesAndTheRulesCodesAreKnownAndTheInternalMarkerIsNot() {
    for (String code : List.of("E0100", "E0201", "E0302", "E0904", "W0901", "E1006", "W1101")) {
      assertTrue(WellFormedDiagnostics.KNOWN_CODES.contains(code), code);
    }
    assertTrue(!WellFormedDiagnostics.KNOWN_CODES.contains("E0000"));
  }

  @Test
  void aDiagnosticInsideItsFileWithAKnownCodeIsWellFormed() {
    assertEquals(List.of(), WellFormedDiagnostics.problems(List.of(
        Diagnostic.error("E0201", new Span(file, 8, 12), "unknown name `prod`").withLabel(new Span(file, 0, 16), "here"),
        Diagnostic.error("E1006", Span.NONE, "no span, but a resource").withResource("task definition web"))));
  }

  @Test
  void unknownCodesInternalTextsAndPlacesOutsideTheFileAreReported() {
    assertEquals(List.of(
            "ERROR E0000 `reported`: unknown code",
            "ERROR E9999 `x`: unknown code",
            "ERROR E0100 `mismatched input '}' expecting ID`: internal text (mismatched input) in the message",
            "ERROR E0201 `nowhere`: neither a span nor a resource",
            "ERROR E0201 `past the end`: span [10, 40) is outside main.ecs (16 characters)",
            "ERROR E0201 `label`: label `first`: span [17, 17) is outside main.ecs (16 characters)"),
        WellFormedDiagnostics.problems(List.of(
            Diagnostic.error("E0000", new Span(file, 0, 1), "reported"),
            Diagnostic.error("E9999", new Span(file, 0, 1), "x"),
            Diagnostic.error("E0100", new Span(file, 0, 1), "mismatched input '}' expecting ID"),
            Diagnostic.error("E0201", Span.NONE, "nowhere"),
            Diagnostic.error("E0201", new Span(file, 10, 40), "past the end"),
            Diagnostic.error("E0201", new Span(file, 0, 1), "label").withLabel(new Span(file, 17, 17), "first"))));
  }
}
