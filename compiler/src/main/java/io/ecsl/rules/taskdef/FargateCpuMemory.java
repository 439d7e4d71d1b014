package io.ecsl.rules.taskdef;

import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.SizeWords;
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
    if (!FargateTaskSizes.isCpu(cpu)) {
      task.report(ctx, "/cpu", "Fargate has no task size with " + TaskSize.describeCpu(cpu) + "; it offers "
          + SizeWords.describeCpus(), "set `cpu` to one of those, e.g. `cpu = " + nearest(cpu) + " vcpu`");
      return;
    }
    if (memory == null || memory < 0 || FargateTaskSizes.valid(cpu, memory)) {
      return;
    }
    List<Long> others = FargateTaskSizes.cpusFor(memory);
    String hint = "set `memory` to one of those";
    if (!others.isEmpty()) {
      hint += ", or use " + Nodes.orList(others.stream().map(TaskSize::vcpu).toList()) + " vCPU, which accept"
          + (others.size() == 1 ? "s " : " ") + TaskSize.describeMemory(memory);
    }
    task.report(ctx, "/memory", "Fargate with " + TaskSize.describeCpu(cpu) + " accepts " + SizeWords.describeMemories(cpu)
        + "; you set " + TaskSize.describeMemory(memory), hint);
  }

  private static String nearest(long cpu) {
    long best = 256;
    for (long c : FargateTaskSizes.cpus()) {
      if (Math.abs(c - cpu) < Math.abs(best - cpu)) {
        best = c;
      }
    }
    return TaskSize.vcpu(best);
  }
}
