package io.ecsl.diag;

import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One problem found in the user's input: a stable code, one sentence saying what is wrong, where
 * (a source span, or a resource name when the problem has no source text), and a hint saying what
 * to do. Diagnostics are values that accumulate; the compiler never throws for a user's mistake.
 *
 * @param severity error, warning or note
 * @param code stable identifier such as {@code E0201} ({@link LanguageCode}) or {@code E1001} (a rule);
 *     documented in docs/rules.md
 * @param message one sentence, no trailing period needed
 * @param span where the problem is; may be null when {@code resource} names it instead
 * @param resource the resource concerned (e.g. {@code service prod/web}) or null
 * @param hint what to do about it, or null
 * @param labels secondary locations ("first declared here")
 */
public record Diagnostic(
    Severity severity,
    String code,
    String message,
    Span span,
    String resource,
    String hint,
    List<Label> labels) {

  /** A secondary location shown with the primary one. */
  public record Label(Span span, String message) {}

  public Diagnostic {
    labels = List.copyOf(labels);
  }

  public static Diagnostic error(String code, Span span, String message) {
    return new Diagnostic(Severity.ERROR, code, message, span, null, null, List.of());
  }

  public static Diagnostic warning(String code, Span span, String message) {
    return new Diagnostic(Severity.WARNING, code, message, span, null, null, List.of());
  }

  /** One of the language's own errors (E0xxx). */
  public static Diagnostic error(LanguageCode code, Span span, String message) {
    return error(code.code(), span, message);
  }

  /** One of the language's own warnings (W0xxx). */
  public static Diagnostic warning(LanguageCode code, Span span, String message) {
    return warning(code.code(), span, message);
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, code, message, span, resource, newHint, labels);
  }

  public Diagnostic withResource(String newResource) {
    return new Diagnostic(severity, code, message, span, newResource, hint, labels);
  }

  public Diagnostic withLabel(Span labelSpan, String labelMessage) {
    if (labelSpan == null || labelSpan.isNone()) {
      return this;
    }
    List<Label> more = new ArrayList<>(labels);
    more.add(new Label(labelSpan, labelMessage));
    return new Diagnostic(severity, code, message, span, resource, hint, more);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The {@code file:line:col} (or resource) prefix of the rendered diagnostic. */
  public String where() {
    if (span != null && !span.isNone()) {
      return span.location();
    }
    return resource != null ? resource : "ecsl";
  }
}
