package io.ecsl.eval;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Units of the quantities the language understands. Every unit belongs to one dimension; a value
 * of one dimension is never accepted where another is expected (a duration is not memory).
 */
public enum Unit {
  KIB(Dimension.MEMORY, "KiB", new BigDecimal("0.0009765625")),
  MIB(Dimension.MEMORY, "MiB", BigDecimal.ONE),
  GIB(Dimension.MEMORY, "GiB", BigDecimal.valueOf(1024)),
  TIB(Dimension.MEMORY, "TiB", BigDecimal.valueOf(1024L * 1024)),
  VCPU(Dimension.CPU, "vcpu", BigDecimal.valueOf(1024)),
  /** Plain CPU units (1 vCPU = 1024); what a bare integer means where CPU is expected. */
  CPU_UNITS(Dimension.CPU, "units", BigDecimal.ONE),
  MILLISECONDS(Dimension.DURATION, "ms", new BigDecimal("0.001")),
  SECONDS(Dimension.DURATION, "s", BigDecimal.ONE),
  MINUTES(Dimension.DURATION, "m", BigDecimal.valueOf(60)),
  HOURS(Dimension.DURATION, "h", BigDecimal.valueOf(3600)),
  DAYS(Dimension.DURATION, "d", BigDecimal.valueOf(86400)),
  PERCENT(Dimension.PERCENT, "%", BigDecimal.ONE);

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
  private final BigDecimal toBase;

  Unit(Dimension dimension, String symbol, BigDecimal toBase) {
    this.dimension = dimension;
    this.symbol = symbol;
    this.toBase = toBase;
  }

  public Dimension dimension() {
    return dimension;
  }

  public String symbol() {
    return symbol;
  }

  /** How many base units one of this unit is. */
  public BigDecimal toBase() {
    return toBase;
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
