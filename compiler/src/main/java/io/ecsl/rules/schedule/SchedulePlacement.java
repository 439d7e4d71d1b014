package io.ecsl.rules.schedule;

import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.Placements;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;

/** E1509: a scheduled task's placement is well-formed, and absent on Fargate. */
public final class SchedulePlacement extends TargetRule {
  public SchedulePlacement() {
    super("E1509", "Scheduled task placement is well-formed and not used on Fargate", "EventBridge API; ECS RunTask");
  }

  @Override
  void check(RuleContext ctx, ScheduleTargetView t) {
    var constraints = Nodes.list(t.ecs(), "PlacementConstraints");
    var strategies = Nodes.list(t.ecs(), "PlacementStrategy");
    String base = t.ecsPointer();
    if (t.launch() == Launch.FARGATE && (!constraints.isEmpty() || !strategies.isEmpty())) {
      t.report(ctx, base + (constraints.isEmpty() ? "/PlacementStrategy" : "/PlacementConstraints"), label(t)
          + " runs on Fargate, which takes no placement constraints or strategies", "remove the placement settings");
    }
    Placements.constraints(constraints, base + "/PlacementConstraints", false, ctx.reporter(t.resource(), t.request()));
    Placements.strategies(strategies, base + "/PlacementStrategy", (p, m, h) -> t.report(ctx, p, m, h));
  }
}
