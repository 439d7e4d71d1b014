package io.ecsl.rules.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.capacity.ManagedInstancesProviders;

/**
 * E2153: a daemon's Managed Instances capacity providers belong to the daemon's cluster. Such a
 * provider is cluster-scoped (CreateCapacityProvider's {@code cluster}): its instances register
 * with that cluster only, so a daemon of another cluster never sees them.
 */
public final class DaemonProviderCluster extends DaemonRule {
  public DaemonProviderCluster() {
    super("E2153", "A daemon's capacity providers belong to its cluster", "ECS API (CreateCapacityProvider `cluster`)");
  }

  @Override
  void check(RuleContext ctx, Resource r, JsonNode request) {
    JsonNode arns = request.path("capacityProviderArns");
    for (int i = 0; i < arns.size(); i++) {
      String name = nameIn(arns.get(i).asText(), "capacity-provider/");
      Resource provider = ctx.index().capacityProvider(name);
      String cluster = provider == null ? null : ManagedInstancesProviders.cluster(provider);
      if (cluster != null && !nameIn(cluster, "cluster/").equals(r.cluster())) {
        ctx.report(r, "/capacityProviderArns/" + i, label(r) + " is in cluster `" + r.cluster() + "`, but capacity provider `"
            + name + "` belongs to cluster `" + cluster + "`; its instances join that cluster only",
            "declare the daemon `in " + cluster + "`, or name a provider of cluster `" + r.cluster() + "`");
      }
    }
  }
}
