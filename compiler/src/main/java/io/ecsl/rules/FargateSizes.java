package io.ecsl.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fargate task sizes: for each CPU size the memory sizes it accepts (74 pairs; the same table
 * as cfn-lint's fargate_cpu_memory.json and the ECS developer guide).
 */
public final class FargateSizes {
  /** CPU units → {first MiB, last MiB, step MiB}. */
  private static final Map<Long, long[]> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put(256L, new long[] {512, 2048, 0});
    TABLE.put(512L, new long[] {1024, 4096, 1024});
    TABLE.put(1024L, new long[] {2048, 8192, 1024});
    TABLE.put(2048L, new long[] {4096, 16384, 1024});
    TABLE.put(4096L, new long[] {8192, 30720, 1024});
    TABLE.put(8192L, new long[] {16384, 61440, 4096});
    TABLE.put(16384L, new long[] {32768, 122880, 8192});
  }

  private FargateSizes() {}

  public static boolean isCpu(long units) {
    return TABLE.containsKey(units);
  }

  public static List<Long> cpus() {
    return new ArrayList<>(TABLE.keySet());
  }

  /** The memory sizes (MiB) Fargate accepts with this CPU, in order. */
  public static List<Long> memories(long cpu) {
    long[] r = TABLE.get(cpu);
    List<Long> out = new ArrayList<>();
    if (r == null) {
      return out;
    }
    if (r[2] == 0) {
      out.addAll(List.of(512L, 1024L, 2048L));
      return out;
    }
    for (long m = r[0]; m <= r[1]; m += r[2]) {
      out.add(m);
    }
    return out;
  }

  public static boolean valid(long cpu, long memory) {
    return memories(cpu).contains(memory);
  }

  /** {@code 1, 2, 3 or 4 GiB}, {@code 512 MiB, 1 GiB or 2 GiB}, {@code 8 to 30 GiB in 1 GiB steps}. */
  public static String describeMemories(long cpu) {
    List<Long> m = memories(cpu);
    if (m.size() > 4) {
      long[] r = TABLE.get(cpu);
      return Sizes.gib(r[0]) + " to " + Sizes.gib(r[1]) + " GiB in " + Sizes.gib(r[2]) + " GiB steps";
    }
    if (m.stream().allMatch(x -> x % 1024 == 0)) {
      return Nodes.orList(m.stream().map(Sizes::gib).toList()) + " GiB";
    }
    return Nodes.orList(m.stream().map(Sizes::memory).toList());
  }

  /** {@code 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU}. */
  public static String describeCpus() {
    return Nodes.orList(TABLE.keySet().stream().map(Sizes::vcpu).toList()) + " vCPU";
  }

  /** The CPU sizes that accept this memory, e.g. {@code [1024, 2048]}. */
  public static List<Long> cpusFor(long memory) {
    List<Long> out = new ArrayList<>();
    for (long cpu : TABLE.keySet()) {
      if (valid(cpu, memory)) {
        out.add(cpu);
      }
    }
    return out;
  }
}
