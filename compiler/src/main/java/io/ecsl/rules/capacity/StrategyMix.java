package io.ecsl.rules.capacity;

import io.ecsl.rules.Launch;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;

/** E1306: a strategy uses Fargate providers or Auto Scaling group providers, not both. */
public final class StrategyMix extends StrategyRule {
  public StrategyMix() {
    super("E1306", "A strategy does not mix Fargate and Auto Scaling group capacity providers", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    String fargate = null;
    String other = null;
    int otherIndex = -1;
    for (int i = 0; i < site.items().size(); i++) {
      String p = Strategies.provider(site.items().get(i));
      if (p == null) {
        continue;
      }
      if (Launch.isFargateProvider(p)) {
        fargate = fargate == null ? p : fargate;
      } else if (ManagedInstancesProviders.isManaged(ctx.index(), p)) {
        continue; // E2104
      } else if (other == null) {
        other = p;
        otherIndex = i;
      }
    }
    if (fargate != null && other != null) {
      site.report(ctx, "/" + otherIndex, "in " + site.owner() + " Fargate (`" + fargate + "`) is mixed with an Auto Scaling "
          + "group capacity provider (`" + other + "`); a strategy uses one kind or the other",
          "use FARGATE/FARGATE_SPOT only, or Auto Scaling group providers only (a cluster may have both kinds)");
    }
  }
}
