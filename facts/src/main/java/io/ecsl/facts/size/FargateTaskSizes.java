package io.ecsl.facts.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Fargate task sizes (ecs-semantics §2.1): for each CPU size, the memory sizes it accepts and
 * the operating systems that offer it. 74 pairs on Linux, the same table as the ECS API reference,
 * cfn-lint's {@code fargate_cpu_memory.json} and CDK; Windows offers only the 1, 2 and 4 vCPU rows.
 * There is no 32 vCPU Fargate size.
 */
public final class FargateTaskSizes {
  /** The operating-system families Fargate distinguishes in its size table. */
  public enum Os {
    LINUX,
    WINDOWS;

    /**
     * The family of a task definition's {@code runtimePlatform.operatingSystemFamily}
     * ({@code LINUX}, {@code WINDOWS_SERVER_2022_CORE}, …); null or absent means Linux.
     */
    public static Os of(String operatingSystemFamily) {
      return operatingSystemFamily != null && operatingSystemFamily.toUpperCase(Locale.ROOT).startsWith("WINDOWS")
          ? WINDOWS : LINUX;
    }
  }

  /**
   * One CPU size and the memory sizes (MiB, ascending) Fargate pairs with it.
   *
   * @param minimumPlatformVersion the oldest Linux platform version that offers the row
   */
  public record Row(long cpu, List<Long> memories, Set<Os> systems, String minimumPlatformVersion) {
    public Row {
      memories = List.copyOf(memories);
      systems = Set.copyOf(systems);
    }

    public boolean accepts(long memory) {
      return memories.contains(memory);
    }

    /** The step between memory sizes, or 0 when they are not evenly spaced (the 0.25 vCPU row). */
    public long step() {
      if (memories.size() < 3) {
        return 0;
      }
      long step = memories.get(1) - memories.get(0);
      for (int i = 2; i < memories.size(); i++) {
        if (memories.get(i) - memories.get(i - 1) != step) {
          return 0;
        }
      }
      return step;
    }
  }

  private static final Set<Os> BOTH = Set.of(Os.LINUX, Os.WINDOWS);
  private static final List<Row> ROWS = List.of(
      new Row(256, List.of(512L, 1024L, 2048L), Set.of(Os.LINUX), "1.0.0"),
      new Row(512, range(1024, 4096, 1024), Set.of(Os.LINUX), "1.0.0"),
      new Row(1024, range(2048, 8192, 1024), BOTH, "1.0.0"),
      new Row(2048, range(4096, 16384, 1024), BOTH, "1.0.0"),
      new Row(4096, range(8192, 30720, 1024), BOTH, "1.0.0"),
      new Row(8192, range(16384, 61440, 4096), Set.of(Os.LINUX), "1.4.0"),
      new Row(16384, range(32768, 122880, 8192), Set.of(Os.LINUX), "1.4.0"));

  private FargateTaskSizes() {}

  private static List<Long> range(long first, long last, long step) {
    List<Long> out = new ArrayList<>();
    for (long m = first; m <= last; m += step) {
      out.add(m);
    }
    return out;
  }

  /** Every row, smallest CPU first. */
  public static List<Row> rows() {
    return ROWS;
  }

  /** The row of this CPU size, if Fargate has one. */
  public static Optional<Row> row(long cpu) {
    for (Row r : ROWS) {
      if (r.cpu() == cpu) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public static boolean isCpu(long cpu) {
    return row(cpu).isPresent();
  }

  /** The CPU sizes (units) on any operating system, ascending. */
  public static List<Long> cpus() {
    return ROWS.stream().map(Row::cpu).toList();
  }

  /** The CPU sizes (units) this operating system offers, ascending. */
  public static List<Long> cpus(Os os) {
    return ROWS.stream().filter(r -> r.systems().contains(os)).map(Row::cpu).toList();
  }

  /** The memory sizes (MiB) Fargate accepts with this CPU, ascending; empty if the CPU is not a size. */
  public static List<Long> memories(long cpu) {
    return row(cpu).map(Row::memories).orElse(List.of());
  }

  /** True when Fargate offers this CPU and memory pair on Linux. */
  public static boolean valid(long cpu, long memory) {
    return valid(cpu, memory, Os.LINUX);
  }

  /** True when Fargate offers this CPU and memory pair on this operating system. */
  public static boolean valid(long cpu, long memory, Os os) {
    return row(cpu).filter(r -> r.systems().contains(os) && r.accepts(memory)).isPresent();
  }

  /** The CPU sizes (Linux) that accept this memory, ascending, e.g. {@code [1024, 2048]} for 4096. */
  public static List<Long> cpusFor(long memory) {
    return ROWS.stream().filter(r -> r.accepts(memory)).map(Row::cpu).toList();
  }
}
