package io.ecsl.rules.cross;

import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;

/**
 * W1705: a health check grace period does something only when there are health checks to ignore:
 * a load balancer, VPC Lattice, or an essential container's health check.
 */
public final class GracePeriodUnused extends CrossServiceRule {
  public GracePeriodUnused() {
    super("W1705", "A health check grace period is set only where there are health checks", "ECS API (documented no-op)");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    Long grace = Nodes.integer(s.body(), "healthCheckGracePeriodSeconds");
    if (grace == null || grace == 0 || Nodes.size(s.body(), "loadBalancers") > 0 || Nodes.size(s.body(), "vpcLatticeConfigurations") > 0) {
      return;
    }
    for (ContainerView c : task.containers()) {
      if (c.essential() && c.hasHealthCheck()) {
        return;
      }
    }
    report(ctx, s, task, "/healthCheckGracePeriodSeconds", s.label() + " sets a health check grace period, but it has no load "
        + "balancer and no essential container with a health check, so there is nothing to ignore",
        "remove `grace_period`, or add a `health { … }` check to the essential container");
  }
}
