package io.ecsl.rules.taskdef;

import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.facts.size.FargateTaskSizes.Os;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1007: Windows on Fargate runs with 1, 2 or 4 vCPU on X86_64. */
public final class WindowsFargate extends TaskDefinitionRule {
  public WindowsFargate() {
    super("E1007", "Windows on Fargate uses 1, 2 or 4 vCPU and X86_64", "ECS API (Fargate Windows task sizes); CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (!task.fargate() || !task.windows()) {
      return;
    }
    Long cpu = task.cpuUnits();
    List<Long> sizes = FargateTaskSizes.cpus(Os.WINDOWS);
    if (cpu != null && cpu > 0 && !sizes.contains(cpu)) {
      task.report(ctx, "/cpu", "Windows on Fargate needs " + Nodes.orList(sizes.stream().map(TaskSize::vcpu).toList())
          + " vCPU; you set " + TaskSize.vcpu(cpu) + " vCPU",
          "set `cpu = 1 vcpu`, `2 vcpu` or `4 vcpu` (8 and 16 vCPU are Linux only)");
    }
    if ("ARM64".equals(task.cpuArchitecture())) {
      task.report(ctx, "/runtimePlatform/cpuArchitecture", "Windows on Fargate runs only on X86_64, not ARM64",
          "set `cpu_architecture = X86_64` in `runtime_platform`");
    }
  }
}
