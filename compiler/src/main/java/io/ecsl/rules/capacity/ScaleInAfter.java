package io.ecsl.rules.capacity;

import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E2107: a Managed Instances provider's {@code scale_in_after} is -1 (never optimise) or 0 to 3600
 * seconds.
 */
public final class ScaleInAfter extends BaseRule {
  public ScaleInAfter() {
    super("E2107", "Managed Instances `scale_in_after` is -1 (never) or 0 to 3600 seconds", "ECS API (InfrastructureOptimization)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().capacityProviders()) {
      Long seconds = Nodes.integer(Nodes.object(ManagedInstancesProviders.settings(r), "infrastructureOptimization"),
          "scaleInAfter");
      if (seconds != null && (seconds < -1 || seconds > 3600)) {
        ctx.report(r, "/managedInstancesProvider/infrastructureOptimization/scaleInAfter", "`scale_in_after` of capacity"
            + " provider `" + r.name() + "` is " + seconds + " seconds; ECS takes 0 to 3600 seconds, or -1 to never scale in",
            "use a delay up to 1h, or -1");
      }
    }
  }
}
