package io.ecsl.eval;

import io.ecsl.diag.Diagnostic;

/**
 * Unwinds evaluation of one expression that cannot go on. Caught at the enclosing entry, which is
 * then skipped (its value becomes {@link Value.Error}) so the rest of the project is still checked.
 */
public final class EvalException extends RuntimeException {
  private final transient Diagnostic diagnostic;

  public EvalException(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }

  /** Stops an evaluation whose problem was just reported: nothing more is said about it. */
  public static EvalException alreadyReported() {
    return Silent.INSTANCE;
  }
}
