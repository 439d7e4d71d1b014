package io.ecsl.facts.ec2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EC2 instance types a simulated Auto Scaling group can hold: vCPUs, memory and
 * architecture of the common general purpose (t, m), compute (c) and memory (r) families. The
 * compiler checks a {@code local_group}'s {@code instance_type} against it; the runtime sizes the
 * group's container instances by it.
 *
 * <p>Within a family memory per vCPU is fixed (m: 4 GiB, c: 2 GiB, r: 8 GiB), and the size names
 * the vCPUs ({@code medium} 1, {@code large} 2, {@code xlarge} 4, {@code Nxlarge} 4N), so the
 * table is those rules plus the burstable t sizes, which follow none. A container instance
 * registers {@code vCPUs × 1024} CPU units and the type's memory in MiB (**EMU**: a real agent
 * registers a few hundred MiB less, what the operating system keeps; leave that headroom).
 */
public final class InstanceTypes {
  /** One instance type. */
  public record InstanceType(String name, int vcpus, int memoryMib, String architecture) {
    public int cpuUnits() {
      return vcpus * 1024;
    }
  }

  private static final Pattern NAME = Pattern.compile("^([a-z][a-z0-9-]*)\\.(nano|micro|small|medium|large|xlarge|(\\d+)xlarge)$");

  /** Family → GiB of memory per vCPU; families ending in g are Graviton (arm64). */
  private static final Map<String, Integer> FAMILIES = new LinkedHashMap<>();
  /** The burstable families' sizes: vCPUs and MiB. */
  private static final Map<String, int[]> BURSTABLE = Map.of(
      "nano", new int[] {2, 512}, "micro", new int[] {2, 1024}, "small", new int[] {2, 2048},
      "medium", new int[] {2, 4096}, "large", new int[] {2, 8192}, "xlarge", new int[] {4, 16384},
      "2xlarge", new int[] {8, 32768});

  static {
    for (String family : List.of("m5", "m5a", "m5n", "m6i", "m6a", "m7i", "m7a", "m6g", "m7g", "m8g")) {
      FAMILIES.put(family, 4);
    }
    for (String family : List.of("c5", "c5a", "c5n", "c6i", "c6a", "c7i", "c7a", "c6g", "c7g", "c8g")) {
      FAMILIES.put(family, 2);
    }
    for (String family : List.of("r5", "r5a", "r6i", "r6a", "r7i", "r7a", "r6g", "r7g", "r8g")) {
      FAMILIES.put(family, 8);
    }
  }

  /** The default type of a simulated group nobody described (**EMU**). */
  public static final String DEFAULT = "m5.large";

  private InstanceTypes() {}

  /** The type called {@code name}, or empty when the table does not know it. */
  public static Optional<InstanceType> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    String family = m.group(1);
    String size = m.group(2);
    boolean graviton = family.matches("^[a-z]\\d+g$");
    String architecture = graviton ? "arm64" : "x86_64";
    if (family.equals("t2") || family.equals("t3") || family.equals("t3a") || family.equals("t4g")) {
      int[] shape = BURSTABLE.get(size);
      if (shape == null) {
        return Optional.empty();
      }
      // t2 sizes below medium have one vCPU
      int vcpus = family.equals("t2") && shape[0] == 2 && shape[1] <= 2048 ? 1 : shape[0];
      return Optional.of(new InstanceType(name, vcpus, shape[1], family.equals("t4g") ? "arm64" : "x86_64"));
    }
    Integer perVcpu = FAMILIES.get(family);
    if (perVcpu == null) {
      return Optional.empty();
    }
    int vcpus = switch (size) {
      case "medium" -> graviton ? 1 : 0;
      case "large" -> 2;
      case "xlarge" -> 4;
      case "nano", "micro", "small" -> 0;
      default -> 4 * Integer.parseInt(m.group(3));
    };
    if (vcpus == 0 || vcpus > 192) {
      return Optional.empty();
    }
    return Optional.of(new InstanceType(name, vcpus, vcpus * perVcpu * 1024, architecture));
  }

  /** The families this table knows, for error messages. */
  public static String known() {
    return "t2, t3, t3a, t4g, " + String.join(", ", FAMILIES.keySet())
        + " (sizes nano…2xlarge for t, medium (Graviton), large, xlarge, 2xlarge … 48xlarge for the others)";
  }
}
