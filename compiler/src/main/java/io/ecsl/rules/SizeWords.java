package io.ecsl.rules;

import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.facts.size.TaskSize;
import java.util.List;

/** The Fargate sizes in words, for messages: {@code 1, 2, 3 or 4 GiB}, {@code 0.25, 0.5, … or 16 vCPU}. */
public final class SizeWords {
  private SizeWords() {}

  /** {@code 1, 2, 3 or 4 GiB}, {@code 512 MiB, 1 GiB or 2 GiB}, {@code 8 to 30 GiB in 1 GiB steps}. */
  public static String describeMemories(long cpu) {
    List<Long> m = FargateTaskSizes.memories(cpu);
    long step = FargateTaskSizes.row(cpu).map(FargateTaskSizes.Row::step).orElse(0L);
    if (m.size() > 4 && step > 0) {
      return TaskSize.gib(m.get(0)) + " to " + TaskSize.gib(m.get(m.size() - 1)) + " GiB in " + TaskSize.gib(step) + " GiB steps";
    }
    if (m.stream().allMatch(x -> x % TaskSize.MIB_PER_GB == 0)) {
      return Nodes.orList(m.stream().map(TaskSize::gib).toList()) + " GiB";
    }
    return Nodes.orList(m.stream().map(TaskSize::describeMemory).toList());
  }

  /** {@code 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU}. */
  public static String describeCpus() {
    return Nodes.orList(FargateTaskSizes.cpus().stream().map(TaskSize::vcpu).toList()) + " vCPU";
  }
}
