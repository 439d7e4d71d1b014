package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/** E1211: Fargate services take no placement constraints or strategies (Fargate has no instances to choose). */
public final class FargatePlacement extends ServiceRule {
  public FargatePlacement() {
    super("E1211", "Fargate services take no placement constraints or strategies", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    if (!s.fargate()) {
      return;
    }
    String via = s.strategyFromCluster() ? " (through the default strategy of cluster `" + s.clusterName() + "`)" : "";
    for (String member : new String[] {"placementConstraints", "placementStrategy"}) {
      if (Nodes.size(s.body(), member) > 0) {
        s.report(ctx, "/" + member, s.label() + " runs on Fargate" + via + ", which takes no "
            + (member.equals("placementStrategy") ? "placement strategies" : "placement constraints"),
            "remove `placement`: Fargate spreads tasks across the subnets' Availability Zones itself");
      }
    }
  }
}
