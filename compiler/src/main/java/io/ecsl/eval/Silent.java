package io.ecsl.eval;

import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;

/**
 * An evaluation that stops because it used a value that already failed. Its diagnostic has the
 * reserved code {@code E0000} and is never shown: the original error was reported once already.
 */
final class Silent {
  static final EvalException INSTANCE =
      new EvalException(Diagnostic.error("E0000", Span.NONE, "already reported"));

  private Silent() {}

  static boolean is(EvalException e) {
    return "E0000".equals(e.diagnostic().code());
  }
}
