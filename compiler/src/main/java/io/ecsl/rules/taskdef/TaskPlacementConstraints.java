package io.ecsl.rules.taskdef;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.Placements;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1019: a task definition's placement constraints are {@code memberOf} constraints with a valid
 * cluster query expression, at most 10.
 */
public final class TaskPlacementConstraints extends TaskDefinitionRule {
  public TaskPlacementConstraints() {
    super("E1019", "Task definition placement constraints are valid `memberOf` expressions, at most 10",
        "ECS API (cluster query language)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    var list = Nodes.list(task.body(), "placementConstraints");
    if (list.size() > Placements.MAX_CONSTRAINTS) {
      task.report(ctx, "/placementConstraints/" + Placements.MAX_CONSTRAINTS, task.label() + " has " + list.size()
          + " placement constraints; ECS allows " + Placements.MAX_CONSTRAINTS + " per task", "combine them with `and`");
    }
    Placements.constraints(list, "/placementConstraints", true, ctx.reporter(task.resource(), task.request()));
  }
}
