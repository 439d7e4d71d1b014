package io.ecsl.rules.cross;

import io.ecsl.rules.Launch;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1702: a service runs a task definition registered as compatible with where it runs: on Fargate
 * (by launch type or through a Fargate capacity provider strategy) the task definition lists
 * FARGATE in {@code requires_compatibilities}; likewise EXTERNAL and MANAGED_INSTANCES. (A task
 * definition that lists nothing but happens to meet every Fargate requirement is W1701.)
 */
public final class LaunchCompatibility extends CrossServiceRule {
  public LaunchCompatibility() {
    super("E1702", "A service's task definition is compatible with where the service runs (Fargate, EXTERNAL, Managed Instances)",
        "ECS API; cfn-lint E3054");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    Launch launch = s.launch();
    String needed = switch (launch) {
      case FARGATE -> "FARGATE";
      case EXTERNAL -> "EXTERNAL";
      case MANAGED_INSTANCES -> "MANAGED_INSTANCES";
      default -> null;
    };
    if (needed == null || task.compatibilities().contains(needed)) {
      return;
    }
    if (launch == Launch.FARGATE && task.compatibilities().isEmpty() && ImplicitFargate.meetsFargate(task)) {
      return; // W1701
    }
    if (launch != Launch.FARGATE && task.compatibilities().isEmpty()) {
      return; // ECS validates a definition without requiresCompatibilities against what it meets; nothing to compare
    }
    String how = s.strategyFromCluster() ? " (through the default strategy of cluster `" + s.clusterName() + "`)"
        : s.strategy().isEmpty() ? "" : " (through its capacity provider strategy)";
    String compat = task.compatibilities().isEmpty() ? "lists no compatibilities" : "is compatible with "
        + String.join(", ", task.compatibilities());
    report(ctx, s, task, s.strategy().isEmpty() || s.strategyFromCluster() ? "/taskDefinition" : "/capacityProviderStrategy",
        s.label() + " runs on " + needed + how + ", but " + task.label() + " " + compat,
        "add " + needed + " to `requires_compatibilities` of task `" + task.family() + "` so ECS validates it for " + needed
            + ", or run the service elsewhere");
  }
}
