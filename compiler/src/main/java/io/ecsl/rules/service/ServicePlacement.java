package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.Placements;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/** E1210: service placement: at most 5 strategies and 10 constraints, each well-formed. */
public final class ServicePlacement extends ServiceRule {
  public ServicePlacement() {
    super("E1210", "Service placement: ≤ 5 strategies, ≤ 10 constraints, fields and expressions valid",
        "ECS API; ECS quota (placement strategies per service)");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    var strategies = Nodes.list(s.body(), "placementStrategy");
    var constraints = Nodes.list(s.body(), "placementConstraints");
    if (strategies.size() > Placements.MAX_STRATEGIES) {
      s.report(ctx, "/placementStrategy/" + Placements.MAX_STRATEGIES, s.label() + " has " + strategies.size()
          + " placement strategies; ECS allows " + Placements.MAX_STRATEGIES, "keep the most important ones (they apply in order)");
    }
    if (constraints.size() > Placements.MAX_CONSTRAINTS) {
      s.report(ctx, "/placementConstraints/" + Placements.MAX_CONSTRAINTS, s.label() + " has " + constraints.size()
          + " placement constraints; ECS allows " + Placements.MAX_CONSTRAINTS, "combine expressions with `and`");
    }
    Placements.strategies(strategies, "/placementStrategy", (p, m, h) -> s.report(ctx, p, m, h));
    Placements.constraints(constraints, "/placementConstraints", false, ctx.reporter(s.resource(), s.request()));
  }
}
