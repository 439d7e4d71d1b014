package io.ecsl.rules.cross;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1712: a scheduled task's task definition (when declared in the project) suits how it is run:
 * Fargate-compatible when run on Fargate, with a network configuration exactly when it uses
 * awsvpc. EventBridge accepts these targets; every run then fails.
 */
public final class ScheduledTaskDefinition extends BaseRule {
  public ScheduledTaskDefinition() {
    super("E1712", "A scheduled task's task definition suits its launch type and network configuration",
        "ECS RunTask (fails at every run); EventBridge");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ScheduleTargetView t : ctx.index().scheduleTargets()) {
      TaskDefinitionView task = t.task();
      if (task == null) {
        continue;
      }
      String label = "schedule `" + t.resource().name() + "`";
      String base = t.ecsPointer();
      if (t.launch() == Launch.FARGATE && !task.fargate() && !ImplicitFargate.meetsFargate(task)) {
        ctx.report(t.resource(), t.request(), base, label + " runs " + task.label() + " on Fargate, but it is not Fargate-compatible",
            "add `requires_compatibilities = [FARGATE]` to task `" + task.family() + "` (ecsl then checks it for Fargate)",
            task.resource().span(), task.label() + " is declared here");
      }
      boolean configured = Nodes.has(t.ecs(), "NetworkConfiguration");
      if (task.awsvpc() && !configured && t.launch() != Launch.FARGATE) { // on Fargate E1506 reports it
        ctx.report(t.resource(), t.request(), base, label + " runs " + task.label() + " with network mode `awsvpc`, which needs a "
            + "network configuration", "add `network { subnets = [\"subnet-…\"] }` to the schedule", task.resource().span(),
            task.label() + " is declared here");
      } else if (!task.awsvpc() && configured) {
        ctx.report(t.resource(), t.request(), base + "/NetworkConfiguration", label + " has a network configuration, but "
            + task.label() + " uses network mode `" + task.effectiveNetworkMode() + "`; every run would fail",
            "remove `network` from the schedule", task.resource().span(), task.label() + " is declared here");
      }
    }
  }
}
