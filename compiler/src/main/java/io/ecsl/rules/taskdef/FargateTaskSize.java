package io.ecsl.rules.taskdef;

import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.SizeWords;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1005: a Fargate task definition sets task-level cpu and memory. */
public final class FargateTaskSize extends TaskDefinitionRule {
  public FargateTaskSize() {
    super("E1005", "A Fargate task definition sets task-level `cpu` and `memory`", "ECS API; cfn-lint E3048; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (!task.fargate()) {
      return;
    }
    if (task.cpuText() == null) {
      task.report(ctx, "/requiresCompatibilities", "Fargate requires task-level `cpu`, and " + task.label() + " sets none",
          "add `cpu = 0.25 vcpu` or another Fargate size: " + SizeWords.describeCpus());
    }
    if (task.memoryText() == null) {
      Long cpu = task.cpuUnits();
      String sizes = cpu != null && FargateTaskSizes.isCpu(cpu)
          ? "with " + TaskSize.vcpu(cpu) + " vCPU Fargate accepts " + SizeWords.describeMemories(cpu)
          : "e.g. `memory = 512 MiB` with 0.25 vCPU";
      task.report(ctx, "/requiresCompatibilities", "Fargate requires task-level `memory`, and " + task.label()
          + " sets none", "add `memory = …`; " + sizes);
    }
  }
}
