package io.ecsl.rules.cluster;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** E1402: a cluster has at most 20 capacity providers, each listed once. */
public final class ClusterCapacityProviders extends ClusterRule {
  private static final int MAX = EcsLimit.CAPACITY_PROVIDERS_PER_CLUSTER.maxInt();

  public ClusterCapacityProviders() {
    super("E1402", "A cluster has at most " + MAX + " capacity providers, each listed once", "ECS quota (capacity providers per cluster)");
  }

  @Override
  void check(RuleContext ctx, ClusterView c) {
    List<String> providers = Nodes.strings(c.body(), "capacityProviders");
    if (providers.size() > MAX) {
      report(ctx, c, "/capacityProviders/" + MAX, "cluster `" + c.name() + "` has " + providers.size()
          + " capacity providers; ECS allows " + MAX, "remove the ones no strategy uses");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < providers.size(); i++) {
      if (!seen.add(providers.get(i))) {
        report(ctx, c, "/capacityProviders/" + i, "`" + providers.get(i) + "` is listed twice in the capacity providers of cluster `"
            + c.name() + "`", "list it once");
      }
    }
  }
}
