package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.Strategies;
import java.util.List;

/**
 * E2103: a service uses a Managed Instances capacity provider only in the cluster the provider
 * belongs to.
 */
public final class ManagedInstancesStrategyCluster extends BaseRule {
  public ManagedInstancesStrategyCluster() {
    super("E2103", "A service uses a Managed Instances capacity provider only in the provider's cluster", "ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ServiceView s : ctx.index().services()) {
      List<JsonNode> strategy = Nodes.list(s.body(), "capacityProviderStrategy");
      for (int i = 0; i < strategy.size(); i++) {
        Resource provider = ctx.index().capacityProvider(Strategies.provider(strategy.get(i)));
        String home = provider == null ? null : ManagedInstancesProviders.cluster(provider);
        if (ManagedInstancesProviders.settings(provider) != null && home != null && !home.equals(s.clusterName())) {
          s.report(ctx, "/capacityProviderStrategy/" + i, s.label() + " in cluster `" + s.clusterName()
              + "` uses Managed Instances capacity provider `" + provider.name() + "`, which belongs to cluster `" + home + "`",
              "run the service in cluster `" + home + "`, or declare a Managed Instances provider for `" + s.clusterName() + "`");
        }
      }
    }
  }
}
