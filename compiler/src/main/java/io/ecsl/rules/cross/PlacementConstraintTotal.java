package io.ecsl.rules.cross;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.Placements;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;

/** E1716: a service's placement constraints and its task definition's together are at most 10. */
public final class PlacementConstraintTotal extends CrossServiceRule {
  public PlacementConstraintTotal() {
    super("E1716", "Service and task definition placement constraints together are at most 10", "ECS quota");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    int own = Nodes.size(s.body(), "placementConstraints");
    int inTask = Nodes.size(task.body(), "placementConstraints");
    if (own > 0 && own <= Placements.MAX_CONSTRAINTS && inTask <= Placements.MAX_CONSTRAINTS
        && own + inTask > Placements.MAX_CONSTRAINTS) {
      report(ctx, s, task, "/placementConstraints", s.label() + " has " + own + " placement constraints and " + task.label() + " "
          + inTask + "; ECS allows " + Placements.MAX_CONSTRAINTS + " per task in total", "combine expressions with `and`");
    }
  }
}
