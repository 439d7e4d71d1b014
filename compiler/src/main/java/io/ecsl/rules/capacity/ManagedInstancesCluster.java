package io.ecsl.rules.capacity;

import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/**
 * E2101: a Managed Instances capacity provider names the cluster it belongs to. ECS makes such a
 * provider available only within the cluster given to CreateCapacityProvider.
 */
public final class ManagedInstancesCluster extends BaseRule {
  public ManagedInstancesCluster() {
    super("E2101", "A Managed Instances capacity provider names the cluster it belongs to", "ECS API (CreateCapacityProvider `cluster`)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().capacityProviders()) {
      if (ManagedInstancesProviders.settings(r) != null && ManagedInstancesProviders.cluster(r) == null) {
        ctx.report(r, "/managedInstancesProvider", "Managed Instances capacity provider `" + r.name() + "` names no cluster;"
            + " ECS makes a Managed Instances provider available only within the cluster it is created for",
            "add `cluster = NAME` to capacity provider `" + r.name() + "`");
      }
    }
  }
}
