package io.ecsl.rules.taskdef;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1002: a task definition has 1 to 10 containers. */
public final class ContainerCount extends TaskDefinitionRule {
  private static final int MAX = EcsLimit.CONTAINERS_PER_TASK_DEFINITION.maxInt();

  public ContainerCount() {
    super("E1002", "A task definition has 1 to " + MAX + " containers",
        "ECS quota (containers per task definition, not adjustable)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    int n = task.containers().size();
    if (n == 0) {
      task.report(ctx, "/containerDefinitions", task.label() + " has no containers; ECS needs 1 to " + MAX,
          "add one: `container app { image = \"…\" }`");
    } else if (n > MAX) {
      task.report(ctx, "/containerDefinitions/" + MAX, task.label() + " has " + n + " containers; ECS allows at most " + MAX,
          "split it into several task definitions (this quota cannot be raised)");
    }
  }
}
