package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/** E1203: a REPLICA service sets a non-negative desired count; a DAEMON service sets none. */
public final class DesiredCount extends ServiceRule {
  public DesiredCount() {
    super("E1203", "REPLICA services set a desired count ≥ 0; DAEMON services set none", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    Long desired = Nodes.integer(s.body(), "desiredCount");
    if (s.daemon()) {
      if (Nodes.has(s.body(), "desiredCount")) {
        s.report(ctx, "/desiredCount", "DAEMON " + s.label() + " runs one task per container instance and takes no desired count",
            "remove `desired_count`");
      }
      return;
    }
    if (!Nodes.has(s.body(), "desiredCount") && "ECS".equals(s.controller())) {
      s.report(ctx, "/serviceName", s.label() + " needs a desired count: ECS requires it for REPLICA services",
          "add `desired = 2` (with autoscaling, the starting count; scaling takes over after)");
    } else if (desired != null && desired < 0) {
      s.report(ctx, "/desiredCount", "the desired count of " + s.label() + " is negative", "use 0 or more");
    }
  }
}
