package io.ecsl.rules.taskdef;

import static io.ecsl.facts.limits.EcsName.TASK_DEFINITION_FAMILY;

import io.ecsl.rules.Names;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1001: the family is 1–255 letters, digits, underscores and hyphens. */
public final class FamilyName extends TaskDefinitionRule {
  public FamilyName() {
    super("E1001", "Task definition family is " + TASK_DEFINITION_FAMILY.describe(), "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    String family = io.ecsl.rules.Nodes.text(task.body(), "family");
    if (family != null && !TASK_DEFINITION_FAMILY.isValid(family)) {
      task.report(ctx, "/family", "task definition family `" + family + "` " + Names.problem(TASK_DEFINITION_FAMILY, family),
          Names.hint(TASK_DEFINITION_FAMILY, "family", family));
    }
  }
}
