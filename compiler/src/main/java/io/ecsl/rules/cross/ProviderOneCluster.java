package io.ecsl.rules.cross;

import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** E1714: an Auto Scaling group capacity provider is associated with at most one cluster. */
public final class ProviderOneCluster extends BaseRule {
  public ProviderOneCluster() {
    super("E1714", "An Auto Scaling group capacity provider belongs to one cluster", "ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, ClusterView> owner = new HashMap<>();
    for (ClusterView c : ctx.index().clusters()) {
      List<String> providers = Nodes.strings(c.body(), "capacityProviders");
      for (int i = 0; i < providers.size(); i++) {
        String p = providers.get(i);
        Resource declared = ctx.index().capacityProvider(p);
        if (declared == null) {
          continue;
        }
        ClusterView first = owner.putIfAbsent(p, c);
        if (first != null && first != c) {
          ctx.report(c.resource(), c.request(), "/capacityProviders/" + i, "capacity provider `" + p + "` is already associated "
              + "with cluster `" + first.name() + "`; an Auto Scaling group provider serves one cluster",
              "create a second capacity provider (and Auto Scaling group) for cluster `" + c.name() + "`",
              first.resource().span(), "cluster `" + first.name() + "` is declared here");
        }
      }
    }
  }
}
