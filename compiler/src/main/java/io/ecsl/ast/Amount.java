package io.ecsl.ast;

import java.math.BigDecimal;

/**
 * The amount of a quantity ({@code 512} in {@code 512 MiB}, {@code 0.5} in {@code 0.5 vcpu}): a
 * {@code long} when it is a whole number, as nearly all are, and a {@link BigDecimal} otherwise.
 *
 * <p>Why not always a {@code BigDecimal}: on JDK 25 the first use of {@code BigDecimal} runs its
 * static initialiser, which squares {@code 5} up to {@code 5^65536} in interpreted code (15-20 ms
 * of CPU, at every start of a short-lived compiler). A project whose quantities are whole never
 * pays it; the decimal form is created only for a fractional amount, for arithmetic between
 * quantities, or when a caller asks for {@link #decimal()}.
 *
 * <p>Equality follows {@code BigDecimal}'s: {@code 1} and {@code 1.0} are different amounts (as
 * they are different literals); compare values with {@link #compareTo}.
 */
public final class Amount implements Comparable<Amount> {
  private final long whole;
  /** Null for the whole form. */
  private final BigDecimal decimal;

  private Amount(long whole, BigDecimal decimal) {
    this.whole = whole;
    this.decimal = decimal;
  }

  public static Amount of(long whole) {
    return new Amount(whole, null);
  }

  /** The amount of a decimal; a scale-0 value that fits a {@code long} takes the whole form. */
  public static Amount of(BigDecimal value) {
    if (value.scale() == 0 && value.unscaledValue().bitLength() < 64) {
      return new Amount(value.longValue(), null);
    }
    return new Amount(0, value);
  }

  /**
   * Reads a literal's digits ({@code 512}, {@code 0.25}; underscores already removed): whole
   * numbers of up to 18 digits without touching {@code BigDecimal}.
   */
  public static Amount parse(String digits) {
    if (digits.length() <= 18 && digits.indexOf('.') < 0) {
      return of(Long.parseLong(digits));
    }
    return of(new BigDecimal(digits));
  }

  /** True when this is a whole number held as a {@code long} ({@link #whole()}). */
  public boolean isWhole() {
    return decimal == null;
  }

  /** The whole number; only for {@link #isWhole()}. */
  public long whole() {
    if (decimal != null) {
      throw new IllegalStateException("not a whole amount: " + decimal);
    }
    return whole;
  }

  /** The amount as a {@code BigDecimal} (which the whole form creates on demand). */
  public BigDecimal decimal() {
    return decimal != null ? decimal : BigDecimal.valueOf(whole);
  }

  public Amount negate() {
    if (decimal == null && whole != Long.MIN_VALUE) {
      return of(-whole);
    }
    return of(decimal().negate());
  }

  public int signum() {
    return decimal != null ? decimal.signum() : Long.signum(whole);
  }

  /** As written in source: {@code 512}, {@code 0.50}. */
  public String toPlainString() {
    return decimal != null ? decimal.toPlainString() : Long.toString(whole);
  }

  /** Without trailing zeros, never in exponent form: {@code 0.5}, {@code 10}. */
  public String display() {
    return decimal != null ? decimal.stripTrailingZeros().toPlainString() : Long.toString(whole);
  }

  @Override
  public int compareTo(Amount other) {
    if (decimal == null && other.decimal == null) {
      return Long.compare(whole, other.whole);
    }
    return decimal().compareTo(other.decimal());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Amount a && whole == a.whole && java.util.Objects.equals(decimal, a.decimal);
  }

  @Override
  public int hashCode() {
    return decimal != null ? decimal.hashCode() : Long.hashCode(whole);
  }

  @Override
  public String toString() {
    return toPlainString();
  }
}
