package io.ecsl.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;
import io.ecsl.rules.capacity.ManagedInstancesProviders;
import java.util.List;
import java.util.Set;

/** E1403: a cluster's default strategy uses only capacity providers associated with the cluster. */
public final class DefaultStrategyProviders extends ClusterRule {
  public DefaultStrategyProviders() {
    super("E1403", "A cluster's default strategy uses only the cluster's capacity providers", "ECS API");
  }

  @Override
  void check(RuleContext ctx, ClusterView c) {
    Set<String> providers = c.capacityProviders();
    List<JsonNode> strategy = c.defaultStrategy();
    for (int i = 0; i < strategy.size(); i++) {
      String p = Strategies.provider(strategy.get(i));
      if (p != null && !providers.contains(p) && !ManagedInstancesProviders.isManaged(ctx.index(), p)) { // E2102
        report(ctx, c, "/defaultCapacityProviderStrategy/" + i, "the default strategy of cluster `" + c.name() + "` uses `" + p
            + "`, which is not one of its capacity providers", "add `" + p + "` to `capacity_providers` of cluster `" + c.name() + "`");
      }
    }
  }
}
