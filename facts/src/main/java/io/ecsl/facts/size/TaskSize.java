package io.ecsl.facts.size;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-level {@code cpu} and {@code memory} as RegisterTaskDefinition reads them (ecs-semantics
 * §2.1): {@code cpu} is CPU units ({@code "1024"}) or vCPUs ({@code "1 vCPU"}, {@code ".25 vcpu"});
 * {@code memory} is MiB ({@code "2048"}) or GB ({@code "2GB"}, {@code "0.5 GB"}). Units are
 * case-insensitive and spaces around the number are allowed. ECS converts at registration
 * (1 vCPU = 1024 units, 1 GB = 1024 MiB) and stores the integer form.
 *
 * <p>Nothing else is a size: the API documents only these forms (and cfn-lint's E3047 accepts only
 * them), so {@code "512 MiB"}, {@code "1 GiB"} or {@code "2 vcpus"} are not sizes, and neither is
 * a fraction of a unit ({@code "0.3 vcpu"} would be 307.2 units).
 */
public final class TaskSize {
  /** CPU units in one vCPU, and on an EC2 instance per vCPU. */
  public static final long UNITS_PER_VCPU = 1024;
  /** MiB in one GB as ECS counts a {@code "2 GB"} task size. */
  public static final long MIB_PER_GB = 1024;

  private static final Pattern WHOLE = Pattern.compile("\\s*(\\d+)\\s*");
  private static final Pattern VCPU = Pattern.compile("\\s*(\\d*\\.?\\d+)\\s*vcpu\\s*");
  private static final Pattern GB = Pattern.compile("\\s*(\\d*\\.?\\d+)\\s*gb\\s*");
  /** Longer numbers than this are not sizes (and would not fit the API's integers). */
  private static final int MAX_DIGITS = 12;

  private TaskSize() {}

  /** The CPU units a task {@code cpu} value means, or empty if ECS would not understand it. */
  public static OptionalLong cpuUnits(String text) {
    return parse(text, VCPU, UNITS_PER_VCPU);
  }

  /** The MiB a task {@code memory} value means, or empty if ECS would not understand it. */
  public static OptionalLong memoryMiB(String text) {
    return parse(text, GB, MIB_PER_GB);
  }

  private static OptionalLong parse(String text, Pattern scaled, long factor) {
    if (text == null) {
      return OptionalLong.empty();
    }
    String t = text.toLowerCase(Locale.ROOT);
    Matcher m = WHOLE.matcher(t);
    if (m.matches()) {
      return m.group(1).length() > MAX_DIGITS ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(1)));
    }
    m = scaled.matcher(t);
    if (!m.matches() || m.group(1).length() > MAX_DIGITS) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).longValueExact());
    } catch (ArithmeticException fraction) {
      return OptionalLong.empty();
    }
  }

  /** CPU units as vCPUs, without the unit: {@code 0.25}, {@code 1}, {@code 16}. */
  public static String vcpu(long units) {
    return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(UNITS_PER_VCPU)).stripTrailingZeros().toPlainString();
  }

  /** MiB as GiB, without the unit: {@code 0.5}, {@code 2}. */
  public static String gib(long mib) {
    return BigDecimal.valueOf(mib).divide(BigDecimal.valueOf(MIB_PER_GB)).stripTrailingZeros().toPlainString();
  }

  /** {@code 512 CPU units (0.5 vCPU)}. */
  public static String describeCpu(long units) {
    return units + " CPU units (" + vcpu(units) + " vCPU)";
  }

  /** {@code 512 MiB} below 1 GiB and for sizes that are not whole GiB, else {@code 2 GiB}. */
  public static String describeMemory(long mib) {
    if (mib >= MIB_PER_GB && mib % MIB_PER_GB == 0) {
      return mib / MIB_PER_GB + " GiB";
    }
    return mib + " MiB";
  }
}
