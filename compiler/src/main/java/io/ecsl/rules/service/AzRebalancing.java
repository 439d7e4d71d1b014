package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1220: Availability Zone rebalancing needs room to start a task before stopping one (maximum
 * percent above 100), a REPLICA service, no Classic Load Balancer, and a first placement strategy
 * (if any) that spreads over Availability Zones.
 */
public final class AzRebalancing extends ServiceRule {
  public AzRebalancing() {
    super("E1220", "AZ rebalancing: REPLICA, maximum percent > 100, AZ spread first, no Classic Load Balancer",
        "ECS API (availability zone rebalancing); CDK");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    if (!"ENABLED".equals(Nodes.text(s.body(), "availabilityZoneRebalancing"))) {
      return;
    }
    String at = "/availabilityZoneRebalancing";
    if (s.daemon()) {
      s.report(ctx, at, "DAEMON services cannot rebalance across Availability Zones (" + s.label() + ")",
          "remove `availability_zone_rebalancing`");
    }
    Long max = Nodes.integer(Nodes.object(s.body(), "deploymentConfiguration"), "maximumPercent");
    if (max != null && max <= 100) {
      s.report(ctx, "/deploymentConfiguration/maximumPercent", "Availability Zone rebalancing starts a task before stopping one, "
          + "so the maximum percent of " + s.label() + " must be above 100%; it is " + max + "%", "raise `max` (e.g. 200%)");
    }
    List<JsonNode> strategies = Nodes.list(s.body(), "placementStrategy");
    if (!strategies.isEmpty()) {
      JsonNode first = strategies.get(0);
      if (!"spread".equals(Nodes.text(first, "type")) || !"attribute:ecs.availability-zone".equals(Nodes.text(first, "field"))) {
        s.report(ctx, "/placementStrategy/0", "with Availability Zone rebalancing the first placement strategy of " + s.label()
            + " must spread over Availability Zones", "put `spread = az` first in `placement`");
      }
    }
    for (JsonNode lb : Nodes.list(s.body(), "loadBalancers")) {
      if (Nodes.has(lb, "loadBalancerName")) {
        s.report(ctx, at, "Availability Zone rebalancing does not work with a Classic Load Balancer (" + s.label() + ")",
            "use an Application or Network Load Balancer target group");
        break;
      }
    }
  }
}
