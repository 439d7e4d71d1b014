package io.ecsl.parse;

import io.ecsl.source.Span;

/** Thrown inside the parse package only, at the first syntax error of a file; turned into a diagnostic. */
final class SyntaxError extends RuntimeException {
  final Span span;
  final String hint;

  SyntaxError(Span span, String message, String hint) {
    super(message, null, false, false);
    this.span = span;
    this.hint = hint;
  }
}
