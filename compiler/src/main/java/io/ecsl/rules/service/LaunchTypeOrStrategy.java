package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1202: a service sets a launch type or a capacity provider strategy, not both; Managed Instances
 * are used through a capacity provider strategy, never as a launch type.
 */
public final class LaunchTypeOrStrategy extends ServiceRule {
  public LaunchTypeOrStrategy() {
    super("E1202", "A service sets `launch_type` or `capacity_provider_strategy`, not both", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    String launchType = Nodes.text(s.body(), "launchType");
    if (launchType != null && Nodes.size(s.body(), "capacityProviderStrategy") > 0) {
      s.report(ctx, "/capacityProviderStrategy", s.label() + " sets both a launch type (" + launchType
          + ") and a capacity provider strategy; ECS takes one or the other",
          "remove `launch_type` (FARGATE as a provider is `strategy = [FARGATE weight 1]`) or remove the strategy");
    }
    if ("MANAGED_INSTANCES".equals(launchType)) {
      s.report(ctx, "/launchType", "Managed Instances are used through a capacity provider strategy, not as a launch type",
          "remove `launch_type` and set `strategy = [YOUR_MANAGED_INSTANCES_PROVIDER weight 1]`");
    }
  }
}
