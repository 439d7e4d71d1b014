package io.ecsl.eval;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Units of the quantities the language understands. Every unit belongs to one dimension; a value
 * of one dimension is never accepted where another is expected (a duration is not memory).
 */
public enum Unit {
  KIB(Dimension.MEMORY, "KiB", 1, 1024),
  MIB(Dimension.MEMORY, "MiB", 1, 1),
  GIB(Dimension.MEMORY, "GiB", 1024, 1),
  TIB(Dimension.MEMORY, "TiB", 1024L * 1024, 1),
  VCPU(Dimension.CPU, "vcpu", 1024, 1),
  /** Plain CPU units (1 vCPU = 1024); what a bare integer means where CPU is expected. */
  CPU_UNITS(Dimension.CPU, "units", 1, 1),
  MILLISECONDS(Dimension.DURATION, "ms", 1, 1000),
  SECONDS(Dimension.DURATION, "s", 1, 1),
  MINUTES(Dimension.DURATION, "m", 60, 1),
  HOURS(Dimension.DURATION, "h", 3600, 1),
  DAYS(Dimension.DURATION, "d", 86400, 1),
  PERCENT(Dimension.PERCENT, "%", 1, 1);

  /** What a quantity measures. Base units: MiB, CPU units (1 vCPU = 1024), seconds, percent. */
  public enum Dimension {
    MEMORY("memory", "512 MiB"),
    CPU("CPU", "0.5 vcpu"),
    DURATION("duration", "30s"),
    PERCENT("percentage", "50%");

    private final String word;
    private final String example;

    Dimension(String word, String example) {
      this.word = word;
      this.example = example;
    }

    public String word() {
      return word;
    }

    public String example() {
      return example;
    }
  }

  private final Dimension dimension;
  private final String symbol;
  // How many base units one of this unit is, as a fraction: longs, not a BigDecimal, so that
  // whole quantities never load BigDecimal (see io.ecsl.ast.Amount).
  private final long baseNumerator;
  private final long baseDenominator;

  Unit(Dimension dimension, String symbol, long baseNumerator, long baseDenominator) {
    this.dimension = dimension;
    this.symbol = symbol;
    this.baseNumerator = baseNumerator;
    this.baseDenominator = baseDenominator;
  }

  public Dimension dimension() {
    return dimension;
  }

  public String symbol() {
    return symbol;
  }

  /** How many base units one of this unit is (exact: the denominators are powers of 2 and 10). */
  public BigDecimal toBase() {
    return BigDecimal.valueOf(baseNumerator).divide(BigDecimal.valueOf(baseDenominator));
  }

  /**
   * A whole number of this unit in another unit of the same dimension ({@code 2 GiB} in MiB is
   * 2048), or null when the result is not whole or does not fit a {@code long}.
   */
  public Long convertWhole(long amount, Unit to) {
    try {
      long numerator = Math.multiplyExact(Math.multiplyExact(amount, baseNumerator), to.baseDenominator);
      long denominator = Math.multiplyExact(baseDenominator, to.baseNumerator);
      return numerator % denominator == 0 ? numerator / denominator : null;
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  /** True when one of this unit is no more than one of {@code other} (same dimension). */
  public boolean notLargerThan(Unit other) {
    return baseNumerator * other.baseDenominator <= other.baseNumerator * baseDenominator;
  }

  /** The base unit of a dimension: MiB, CPU units, seconds, percent. */
  public static Unit base(Dimension dimension) {
    return switch (dimension) {
      case MEMORY -> MIB;
      case CPU -> CPU_UNITS;
      case DURATION -> SECONDS;
      case PERCENT -> PERCENT;
    };
  }

  /** The unit for a written suffix, or null. {@code MB}/{@code GB} are handled by the caller. */
  public static Unit parse(String written) {
    return switch (written) {
      case "KiB" -> KIB;
      case "MiB" -> MIB;
      case "GiB" -> GIB;
      case "TiB" -> TIB;
      case "vcpu", "vCPU", "vcpus" -> VCPU;
      case "ms" -> MILLISECONDS;
      case "s" -> SECONDS;
      case "m", "min" -> MINUTES;
      case "h" -> HOURS;
      case "d" -> DAYS;
      case "%" -> PERCENT;
      default -> null;
    };
  }

  @Override
  public String toString() {
    return symbol.toLowerCase(Locale.ROOT);
  }
}
