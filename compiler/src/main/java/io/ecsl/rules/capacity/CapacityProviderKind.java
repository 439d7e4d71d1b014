package io.ecsl.rules.capacity;

import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E2105: a capacity provider is either an Auto Scaling group provider or a Managed Instances
 * provider: exactly one of {@code auto_scaling_group} and {@code managed_instances}.
 */
public final class CapacityProviderKind extends BaseRule {
  public CapacityProviderKind() {
    super("E2105", "A capacity provider has an Auto Scaling group or Managed Instances, exactly one", "ECS API (CreateCapacityProvider)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().capacityProviders()) {
      boolean asg = Nodes.has(r.primary().body(), "autoScalingGroupProvider");
      boolean managed = Nodes.has(r.primary().body(), "managedInstancesProvider");
      if (asg && managed) {
        ctx.report(r, "/managedInstancesProvider", "capacity provider `" + r.name() + "` has both an Auto Scaling group and"
            + " Managed Instances; a provider is one or the other", "declare two capacity providers");
      } else if (!asg && !managed) {
        ctx.report(r, "", "capacity provider `" + r.name() + "` has neither an Auto Scaling group nor Managed Instances",
            "add `auto_scaling_group = \"arn:…\"` or `managed_instances { … }`");
      }
    }
  }
}
