package io.ecsl.rules.taskdef;

import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E2108: a task definition compatible with MANAGED_INSTANCES sets its network mode, to one that
 * Managed Instances run: awsvpc or host (the developer guide), or none (the API model). ECS does
 * not run a task without a network mode there, and does not default it to bridge.
 */
public final class ManagedInstancesNetworkMode extends TaskDefinitionRule {
  static final List<String> MODES = List.of("awsvpc", "host", "none");

  public ManagedInstancesNetworkMode() {
    super("E2108", "A task definition for Managed Instances sets network mode awsvpc, host or none",
        "ECS Developer Guide (task networking for Managed Instances); ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (!task.compatibilities().contains("MANAGED_INSTANCES")) {
      return;
    }
    String mode = task.networkMode();
    if (mode == null) {
      task.report(ctx, "/requiresCompatibilities", task.label() + " is compatible with MANAGED_INSTANCES but sets no network"
          + " mode; ECS does not run a task without one on Managed Instances", "add `network = awsvpc` (or host)");
    } else if (!MODES.contains(mode)) {
      task.report(ctx, "/networkMode", task.label() + " is compatible with MANAGED_INSTANCES but uses network mode `" + mode
          + "`; Managed Instances run awsvpc, host or none", "use `network = awsvpc` (or host)");
    }
  }
}
