package io.ecsl.importer;

import io.ecsl.ast.Expr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers with units, both ways: the API's unit strings ({@code "1 vCPU"}, {@code "2 GB"}) read
 * as ECS reads them, and plain API numbers written as the quantities the language has
 * ({@code 0.5 vcpu}, {@code 1 GiB}, {@code 30s}) when that is exact.
 */
final class Units {
  private static final Pattern VCPU = Pattern.compile("(?i)^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(vcpus?)?\\s*$");
  private static final Pattern MEMORY = Pattern.compile("(?i)^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(gb|gib|mb|mib)?\\s*$");
  private static final BigDecimal K = BigDecimal.valueOf(1024);

  private Units() {}

  /** Task {@code cpu} in CPU units as ECS reads it ({@code "1 vCPU"} is 1024), or null if it is not a CPU amount. */
  static Long cpuUnits(String text) {
    Matcher m = VCPU.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigDecimal n = new BigDecimal(m.group(1));
    BigDecimal units = m.group(2) != null ? n.multiply(K) : n;
    return whole(units);
  }

  /** Task {@code memory} in MiB as ECS reads it ({@code "2 GB"} is 2048), or null. */
  static Long memoryMib(String text) {
    Matcher m = MEMORY.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigDecimal n = new BigDecimal(m.group(1));
    String unit = m.group(2) == null ? "mib" : m.group(2).toLowerCase(Locale.ROOT);
    return whole(unit.startsWith("g") ? n.multiply(K) : n);
  }

  private static Long whole(BigDecimal n) {
    try {
      return n.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** {@code 0.5 vcpu} for "512" (quarter-vCPU steps), else the string as it is. */
  static Expr taskCpu(String text) {
    Long units = cpuUnits(text);
    if (units != null && units > 0 && units % 256 == 0 && String.valueOf(units).equals(text)) {
      return Ast.quantity(BigDecimal.valueOf(units).divide(K), "vcpu");
    }
    return Ast.str(text);
  }

  /** {@code 2 GiB} for "2048", {@code 512 MiB} for "512", else the string as it is. */
  static Expr taskMemory(String text) {
    Long mib = memoryMib(text);
    if (mib != null && mib > 0 && String.valueOf(mib).equals(text)) {
      return mib % 1024 == 0 ? Ast.quantity(BigDecimal.valueOf(mib / 1024), "GiB") : Ast.quantity(BigDecimal.valueOf(mib), "MiB");
    }
    return Ast.str(text);
  }

  /** {@code 5m} for 300 seconds, {@code 30s} for 30. */
  static Expr duration(long seconds) {
    if (seconds < 0) {
      return Ast.integer(seconds);
    }
    if (seconds >= 60 && seconds % 60 == 0) {
      return Ast.quantity(BigDecimal.valueOf(seconds / 60), "m");
    }
    return Ast.quantity(BigDecimal.valueOf(seconds), "s");
  }
}
