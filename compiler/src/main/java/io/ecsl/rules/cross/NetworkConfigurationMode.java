package io.ecsl.rules.cross;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1707: a service running an {@code awsvpc} task definition has a network configuration, and one
 * running any other network mode has none.
 */
public final class NetworkConfigurationMode extends CrossServiceRule {
  public NetworkConfigurationMode() {
    super("E1707", "awsvpc task definitions need a service network configuration; other modes take none",
        "ECS API; cfn-lint E3052");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    boolean configured = Nodes.has(s.body(), "networkConfiguration");
    if (task.awsvpc() && !configured) {
      report(ctx, s, task, "/taskDefinition", s.label() + " runs " + task.label() + " with network mode `awsvpc`, which needs a "
          + "network configuration", "add `network { subnets = [\"subnet-…\"], security_groups = [\"sg-…\"] }` to the service");
    } else if (!task.awsvpc() && configured) {
      report(ctx, s, task, "/networkConfiguration", s.label() + " has a network configuration, but " + task.label()
          + " uses network mode `" + task.effectiveNetworkMode() + "`; only `awsvpc` takes one",
          "remove `network` from the service, or set `network_mode = awsvpc` on the task");
    }
  }
}
