package io.ecsl.eval;

import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;

/**
 * An evaluation that stops because it used a value that already failed. Its diagnostic has the
 * reserved code {@code E0000} and is never shown: the original error was reported once already.
 */
final class Silent {
  /** Not a {@link io.ecsl.diag.LanguageCode}: no one ever sees it. */
  private static final String CODE = "E0000";

  static final EvalException INSTANCE =
      new EvalException(Diagnostic.error(CODE, Span.NONE, "already reported"));

  private Silent() {}

  static boolean is(Diagnostic d) {
    return CODE.equals(d.code());
  }
}
