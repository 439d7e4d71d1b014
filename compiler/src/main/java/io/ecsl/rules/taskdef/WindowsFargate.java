package io.ecsl.rules.taskdef;

import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Sizes;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

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
    if (cpu != null && cpu > 0 && cpu != 1024 && cpu != 2048 && cpu != 4096) {
      task.report(ctx, "/cpu", "Windows on Fargate needs 1, 2 or 4 vCPU; you set " + Sizes.vcpu(cpu) + " vCPU",
          "set `cpu = 1 vcpu`, `2 vcpu` or `4 vcpu` (8 and 16 vCPU are Linux only)");
    }
    if ("ARM64".equals(task.cpuArchitecture())) {
      task.report(ctx, "/runtimePlatform/cpuArchitecture", "Windows on Fargate runs only on X86_64, not ARM64",
          "set `cpu_architecture = X86_64` in `runtime_platform`");
    }
  }
}
