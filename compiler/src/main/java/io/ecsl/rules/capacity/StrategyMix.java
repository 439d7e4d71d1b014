package io.ecsl.rules.capacity;

import io.ecsl.facts.capacity.CapacityKind;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;
import java.util.List;
import java.util.Map;

/** E1306: a strategy uses Fargate providers or Auto Scaling group providers, not both. */
public final class StrategyMix extends StrategyRule {
  public StrategyMix() {
    super("E1306", "A strategy does not mix Fargate and Auto Scaling group capacity providers", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    List<String> providers = site.items().stream().map(Strategies::provider).toList();
    // A provider declared elsewhere that is not Fargate's is an Auto Scaling group or a Managed
    // Instances provider, and Fargate mixes with neither: it counts as the former here. A
    // declared Managed Instances provider is E2104's.
    Map<CapacityKind, Integer> kinds = CapacityKind.firstOfEach(providers, p -> {
      CapacityKind kind = ManagedInstancesProviders.kindOf(ctx.index(), p);
      return kind == null ? CapacityKind.AUTO_SCALING_GROUP : kind;
    });
    if (CapacityKind.mixesFargateAndAutoScaling(kinds)) {
      String fargate = providers.get(kinds.get(CapacityKind.FARGATE));
      int otherIndex = kinds.get(CapacityKind.AUTO_SCALING_GROUP);
      site.report(ctx, "/" + otherIndex, "in " + site.owner() + " Fargate (`" + fargate + "`) is mixed with an Auto Scaling "
          + "group capacity provider (`" + providers.get(otherIndex) + "`); a strategy uses one kind or the other",
          "use FARGATE/FARGATE_SPOT only, or Auto Scaling group providers only (a cluster may have both kinds)");
    }
  }
}
