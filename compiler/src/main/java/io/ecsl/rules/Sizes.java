package io.ecsl.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-level {@code cpu} and {@code memory} as ECS reads them: {@code cpu} is CPU units ("1024") or
 * vCPUs ("1 vCPU", ".5 vcpu"); {@code memory} is MiB ("2048") or GB ("2GB", "0.5 GB"). ECS
 * converts to units and MiB at registration (1 vCPU = 1024 units, 1 GB = 1024 MiB).
 */
public final class Sizes {
  private static final Pattern UNITS = Pattern.compile("\\s*(\\d+)\\s*");
  private static final Pattern VCPU = Pattern.compile("\\s*(\\d*\\.?\\d+)\\s*vcpu\\s*");
  private static final Pattern GB = Pattern.compile("\\s*(\\d*\\.?\\d+)\\s*gb\\s*");

  private Sizes() {}

  /** CPU units, or -1 if the text is not a CPU value ECS understands. */
  public static long cpuUnits(String text) {
    return parse(text, VCPU, 1024);
  }

  /** MiB, or -1 if the text is not a memory value ECS understands. */
  public static long memoryMiB(String text) {
    return parse(text, GB, 1024);
  }

  private static long parse(String text, Pattern scaled, int factor) {
    if (text == null) {
      return -1;
    }
    String t = text.toLowerCase(Locale.ROOT);
    Matcher m = UNITS.matcher(t);
    if (m.matches()) {
      return m.group(1).length() > 12 ? -1 : Long.parseLong(m.group(1));
    }
    m = scaled.matcher(t);
    if (m.matches()) {
      BigDecimal v = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
      try {
        return v.longValueExact();
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return -1;
  }

  /** {@code 512 CPU units (0.5 vCPU)}. */
  public static String cpu(long units) {
    return units + " CPU units (" + vcpu(units) + " vCPU)";
  }

  /** {@code 0.25}, {@code 1}, {@code 16}. */
  public static String vcpu(long units) {
    return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();
  }

  /** {@code 512 MiB} below 1 GiB and for odd sizes, else {@code 2 GiB}. */
  public static String memory(long mib) {
    if (mib >= 1024 && mib % 1024 == 0) {
      return mib / 1024 + " GiB";
    }
    return mib + " MiB";
  }

  /** Memory in GiB without the unit: {@code 0.5}, {@code 2}. */
  public static String gib(long mib) {
    return BigDecimal.valueOf(mib).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();
  }
}
