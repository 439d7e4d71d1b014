package io.ecsl.rules.capacity;

import io.ecsl.facts.capacity.CapacityKind;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;
import java.util.List;
import java.util.Map;

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
    List<String> providers = site.items().stream().map(Strategies::provider).toList();
    // Providers declared elsewhere are left out: offline, what they are is unknown.
    Map<CapacityKind, Integer> kinds = CapacityKind.firstOfEach(providers, p -> ManagedInstancesProviders.kindOf(ctx.index(), p));
    if (!CapacityKind.mixesManagedInstances(kinds)) {
      return;
    }
    String managed = providers.get(kinds.get(CapacityKind.MANAGED_INSTANCES));
    int otherIndex = kinds.entrySet().stream().filter(e -> e.getKey() != CapacityKind.MANAGED_INSTANCES)
        .mapToInt(Map.Entry::getValue).min().orElseThrow();
    String other = providers.get(otherIndex);
    String kind = ManagedInstancesProviders.kindOf(ctx.index(), other) == CapacityKind.FARGATE
        ? "Fargate (`" + other + "`)" : "Auto Scaling group capacity provider `" + other + "`";
    site.report(ctx, "/" + otherIndex, "in " + site.owner() + " Managed Instances capacity provider `" + managed
        + "` is mixed with " + kind + "; a strategy runs its tasks on one kind of capacity",
        "use Managed Instances providers only, or none");
  }
}
