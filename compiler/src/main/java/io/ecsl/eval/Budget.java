package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.EVALUATION_TOO_LARGE;

import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;

/**
 * How much one evaluation may make, so that a definition that grows without bound stops with an
 * error at the expression that crossed the line instead of exhausting the heap: forty lines of
 * {@code let b = a + a} make a list of 2^40 items. Two measures, both counted over the whole run:
 *
 * <ul>
 *   <li>steps: values evaluated, list items and object fields made by operations and built-in
 *       functions, and comparisons made by {@code distinct}. The 10,000 services of
 *       {@code bench/gen-services} take 390,000, so the limit leaves room for 50 times that;
 *   <li>text: characters of the strings built by interpolation, {@code +} and the string functions
 *       (the same services: 40,000).
 * </ul>
 *
 * A doubling list stops at 8 million items, well inside the launcher's heap.
 *
 * Each operation that can make much more than it was given (joining lists or strings, a
 * {@code replace}, a {@code jsonencode}) asks before it builds. Once the budget is spent the error
 * is reported once, and the rest of the evaluation stops silently.
 */
final class Budget {
  static final long STEPS = 20_000_000L;
  static final long TEXT = 64L * 1024 * 1024;

  private long steps;
  private long text;
  private boolean spent;

  /** One value evaluated at {@code at}. */
  void step(Span at) {
    if (++steps > STEPS) {
      throw spent(at, pastSteps("evaluating this"));
    }
  }

  /**
   * {@code count} items, fields or comparisons about to be made; {@code what} says what makes them,
   * with {@code %s} for the count (formatted only when it is reported).
   */
  void steps(long count, Span at, String what) {
    steps += count;
    if (steps > STEPS || steps < 0) {
      throw spent(at, pastSteps(what.formatted(count(count))));
    }
  }

  /** Fails, without counting them, when {@code count} more steps would spend the budget. */
  void ensure(long count, Span at, String what) {
    if (steps + count > STEPS || count < 0) {
      throw spent(at, pastSteps(what.formatted(count(count))));
    }
  }

  /** Fails, without counting it, when {@code length} more characters would spend the budget. */
  void ensureText(long length, Span at) {
    if (text + length > TEXT || length < 0) {
      throw spent(at, pastText());
    }
  }

  /** {@code length} characters of a string about to be built. */
  void text(long length, Span at) {
    text += length;
    if (text > TEXT || text < 0) {
      throw spent(at, pastText());
    }
  }

  private EvalException spent(Span at, String what) {
    if (spent) {
      return Silent.INSTANCE;
    }
    spent = true;
    return new EvalException(Diagnostic.error(EVALUATION_TOO_LARGE, at, what).withHint(HINT));
  }

  private String pastText() {
    return "this string takes the text built while evaluating the project past " + (TEXT >> 20) + " MiB";
  }

  private String pastSteps(String what) {
    return what + " takes the evaluation of the project past " + count(STEPS) + " steps";
  }

  /** 16777216 → "16,777,216". */
  static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  private static final String HINT = "a definition probably grows without bound (a `let` that doubles a list or a"
      + " string, a loop over a loop); a project that is really this large must be split into several";
}
