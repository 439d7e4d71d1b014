package io.ecsl.rules.cross;

import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.rules.Launch;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;

/**
 * W1701: a service on Fargate runs a task definition that does not list FARGATE in
 * {@code requires_compatibilities}. ECS may still find it Fargate-compatible (awsvpc and a valid
 * Fargate size), but ecsl then cannot apply the Fargate checks to it, and ECS reports any
 * mismatch only when the service is created.
 */
public final class ImplicitFargate extends CrossServiceRule {
  public ImplicitFargate() {
    super("W1701", "A task definition run on Fargate lists FARGATE in `requires_compatibilities`", "ecsl judgement; cfn-lint E3054");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    if (s.launch() == Launch.FARGATE && task.compatibilities().isEmpty() && meetsFargate(task)) {
      report(ctx, s, task, "/taskDefinition", s.label() + " runs on Fargate, but " + task.label()
          + " does not list FARGATE in `requires_compatibilities`, so it is not checked for Fargate",
          "add `requires_compatibilities = [FARGATE]` to task `" + task.family() + "`");
    }
  }

  /** What ECS needs to find a definition Fargate-compatible without being told. */
  static boolean meetsFargate(TaskDefinitionView task) {
    Long cpu = task.cpuUnits();
    Long memory = task.memoryMiB();
    return task.awsvpc() && cpu != null && memory != null && FargateTaskSizes.valid(cpu, memory,
        task.windows() ? FargateTaskSizes.Os.WINDOWS : FargateTaskSizes.Os.LINUX);
  }
}
