package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.Reporter;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.Strategies;
import io.ecsl.rules.capacity.ManagedInstancesProviders;
import java.util.List;

/**
 * E1703: a service's or scheduled task's capacity provider strategy names only capacity
 * providers associated with its cluster (when the project declares the cluster).
 */
public final class StrategyProviders extends BaseRule {
  public StrategyProviders() {
    super("E1703", "A strategy names only capacity providers associated with its cluster", "ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ServiceView s : ctx.index().services()) {
      if (s.cluster() != null) {
        check(ctx, s.cluster(), Nodes.list(s.body(), "capacityProviderStrategy"), "/capacityProviderStrategy", s.label(),
            (p, m, h) -> ctx.report(s.resource(), s.request(), p, m, h, s.cluster().resource().span(),
                "cluster `" + s.cluster().name() + "` is declared here"));
      }
    }
    for (ScheduleTargetView t : ctx.index().scheduleTargets()) {
      if (t.cluster() != null) {
        check(ctx, t.cluster(), Nodes.list(t.ecs(), "CapacityProviderStrategy"), t.ecsPointer() + "/CapacityProviderStrategy",
            "schedule `" + t.resource().name() + "`", (p, m, h) -> t.report(ctx, p, m, h));
      }
    }
  }

  private static void check(RuleContext ctx, ClusterView cluster, List<JsonNode> strategy, String base, String owner,
      Reporter r) {
    var attached = cluster.capacityProviders();
    for (int i = 0; i < strategy.size(); i++) {
      String p = Strategies.provider(strategy.get(i));
      // A Managed Instances provider is associated through its own `cluster` (E2103), never listed.
      Resource provider = ctx.index().capacityProvider(p);
      if (ManagedInstancesProviders.settings(provider) != null) {
        continue;
      }
      if (p != null && !attached.contains(p)) {
        r.report(base + "/" + i, owner + " uses capacity provider `" + p + "`, which is not associated with cluster `"
            + cluster.name() + "`", "add `" + p + "` to `capacity_providers` of cluster `" + cluster.name() + "`");
      }
    }
  }
}
