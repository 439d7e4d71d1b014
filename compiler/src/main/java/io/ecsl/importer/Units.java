package io.ecsl.importer;

import io.ecsl.ast.Expr;
import io.ecsl.facts.size.TaskSize;
import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * Numbers with units, both ways: the API's unit strings ({@code "1 vCPU"}, {@code "2 GB"}) read
 * as ECS reads them ({@link TaskSize}), and plain API numbers written as the quantities the language has
 * ({@code 0.5 vcpu}, {@code 1 GiB}, {@code 30s}) when that is exact.
 */
final class Units {
  private static final BigDecimal K = BigDecimal.valueOf(1024);

  private Units() {}

  /** Task {@code cpu} in CPU units as ECS reads it ({@code "1 vCPU"} is 1024), or null if it is not a CPU amount. */
  static Long cpuUnits(String text) {
    OptionalLong units = TaskSize.cpuUnits(text);
    return units.isPresent() ? units.getAsLong() : null;
  }

  /** Task {@code memory} in MiB as ECS reads it ({@code "2 GB"} is 2048), or null. */
  static Long memoryMib(String text) {
    OptionalLong mib = TaskSize.memoryMiB(text);
    return mib.isPresent() ? mib.getAsLong() : null;
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
