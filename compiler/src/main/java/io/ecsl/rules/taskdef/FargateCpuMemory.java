package io.ecsl.rules.taskdef;

import io.ecsl.rules.FargateSizes;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Sizes;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1006: a Fargate task's cpu and memory are one of the 74 sizes Fargate offers. */
public final class FargateCpuMemory extends TaskDefinitionRule {
  public FargateCpuMemory() {
    super("E1006", "A Fargate task's `cpu` and `memory` are one of the Fargate task sizes", "ECS API; cfn-lint E3047");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Long cpu = task.cpuUnits();
    Long memory = task.memoryMiB();
    if (!task.fargate() || cpu == null || cpu < 0) {
      return;
    }
    if (!FargateSizes.isCpu(cpu)) {
      task.report(ctx, "/cpu", "Fargate has no task size with " + Sizes.cpu(cpu) + "; it offers "
          + FargateSizes.describeCpus(), "set `cpu` to one of those, e.g. `cpu = " + nearest(cpu) + " vcpu`");
      return;
    }
    if (memory == null || memory < 0 || FargateSizes.valid(cpu, memory)) {
      return;
    }
    List<Long> others = FargateSizes.cpusFor(memory);
    String hint = "set `memory` to one of those";
    if (!others.isEmpty()) {
      hint += ", or use " + Nodes.orList(others.stream().map(Sizes::vcpu).toList()) + " vCPU, which accept"
          + (others.size() == 1 ? "s " : " ") + Sizes.memory(memory);
    }
    task.report(ctx, "/memory", "Fargate with " + Sizes.cpu(cpu) + " accepts " + FargateSizes.describeMemories(cpu)
        + "; you set " + Sizes.memory(memory), hint);
  }

  private static String nearest(long cpu) {
    long best = 256;
    for (long c : FargateSizes.cpus()) {
      if (Math.abs(c - cpu) < Math.abs(best - cpu)) {
        best = c;
      }
    }
    return Sizes.vcpu(best);
  }
}
