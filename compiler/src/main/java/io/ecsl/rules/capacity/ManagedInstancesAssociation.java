package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;
import java.util.List;

/**
 * E2102: a cluster does not list a Managed Instances capacity provider in its capacity providers
 * or its default strategy. PutClusterCapacityProviders does not take them: the provider's own
 * {@code cluster} associates it.
 */
public final class ManagedInstancesAssociation extends BaseRule {
  public ManagedInstancesAssociation() {
    super("E2102", "A cluster does not list a Managed Instances capacity provider (the provider names its cluster)",
        "ECS API (PutClusterCapacityProviders)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ClusterView c : ctx.index().clusters()) {
      List<String> providers = Nodes.strings(c.body(), "capacityProviders");
      for (int i = 0; i < providers.size(); i++) {
        Resource provider = ctx.index().capacityProvider(providers.get(i));
        if (ManagedInstancesProviders.settings(provider) != null) {
          ctx.report(c.resource(), c.request(), "/capacityProviders/" + i, "cluster `" + c.name() + "` lists Managed Instances"
              + " capacity provider `" + provider.name() + "`; ECS associates a Managed Instances provider through its own"
              + " `cluster`, and PutClusterCapacityProviders does not take one", hint(provider, c));
        }
      }
      List<JsonNode> strategy = c.defaultStrategy();
      for (int i = 0; i < strategy.size(); i++) {
        Resource provider = ctx.index().capacityProvider(Strategies.provider(strategy.get(i)));
        if (ManagedInstancesProviders.settings(provider) != null) {
          ctx.report(c.resource(), c.request(), "/defaultCapacityProviderStrategy/" + i, "the default strategy of cluster `"
              + c.name() + "` uses Managed Instances capacity provider `" + provider.name() + "`; PutClusterCapacityProviders"
              + " does not take one", "name `" + provider.name() + "` in the `strategy` of each service that runs there");
        }
      }
    }
  }

  private static String hint(Resource provider, ClusterView c) {
    return c.name().equals(ManagedInstancesProviders.cluster(provider))
        ? "remove `" + provider.name() + "` from `capacity_providers`: its `cluster = " + c.name() + "` already makes it available"
        : "remove `" + provider.name() + "` from `capacity_providers` and set `cluster = " + c.name() + "` in the provider";
  }
}
