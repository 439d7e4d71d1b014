package io.ecsl.rules.capacity;

import io.ecsl.rules.Launch;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;

/**
 * E2104: a strategy with a Managed Instances capacity provider has only Managed Instances
 * providers: tasks of one service run on one launch type (MANAGED_INSTANCES), not also on Fargate
 * or on an Auto Scaling group's instances.
 */
public final class ManagedInstancesStrategyMix extends StrategyRule {
  public ManagedInstancesStrategyMix() {
    super("E2104", "A strategy does not mix Managed Instances capacity providers with Fargate or Auto Scaling group ones", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    String managed = null;
    String other = null;
    int otherIndex = -1;
    for (int i = 0; i < site.items().size(); i++) {
      String p = Strategies.provider(site.items().get(i));
      if (p == null || !Launch.isFargateProvider(p) && ctx.index().capacityProvider(p) == null) {
        continue; // not declared here: what it is is unknown offline
      }
      if (ManagedInstancesProviders.isManaged(ctx.index(), p)) {
        managed = managed == null ? p : managed;
      } else if (other == null) {
        other = p;
        otherIndex = i;
      }
    }
    if (managed != null && other != null) {
      String kind = Launch.isFargateProvider(other) ? "Fargate (`" + other + "`)" : "Auto Scaling group capacity provider `" + other + "`";
      site.report(ctx, "/" + otherIndex, "in " + site.owner() + " Managed Instances capacity provider `" + managed
          + "` is mixed with " + kind + "; a strategy runs its tasks on one kind of capacity",
          "use Managed Instances providers only, or none");
    }
  }
}
