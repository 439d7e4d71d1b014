package io.ecsl.rules.taskdef;

import io.ecsl.rules.ContainerView;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1003: at least one container is essential (containers are essential unless they say otherwise). */
public final class EssentialContainer extends TaskDefinitionRule {
  public EssentialContainer() {
    super("E1003", "At least one container is essential", "ECS API; cfn-lint E3042");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (task.containers().isEmpty()) {
      return;
    }
    for (ContainerView c : task.containers()) {
      if (c.essential()) {
        return;
      }
    }
    ContainerView first = task.containers().get(0);
    first.report(ctx, "/essential", "no container of " + task.label() + " is essential; ECS needs at least one",
        "remove `essential = false` from the container whose exit should stop the task");
  }
}
