package io.ecsl.rules.container;

import static io.ecsl.facts.limits.EcsName.CONTAINER;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Names;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** E1101: every container has a name of 1–255 letters, digits, {@code _} or {@code -}, unique in its task. */
public final class ContainerName extends ContainerRule {
  public ContainerName() {
    super("E1101", "Containers have unique names of " + CONTAINER.describe(), "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    String name = c.name();
    if (name == null || name.isEmpty()) {
      c.report(ctx, "/name", c.label() + " of " + task.label() + " has no name",
          "name it: `container app { … }` (ECS rejects `Container.name should not be null or empty`)");
    } else if (!CONTAINER.isValid(name)) {
      c.report(ctx, "/name", "container name `" + name + "` " + Names.problem(CONTAINER, name),
          Names.hint(CONTAINER, "name", name));
    } else if (task.container(name) != c) {
      c.report(ctx, "/name", "container `" + name + "` is declared twice in " + task.label(),
          "container names must be unique within a task definition; rename one");
    }
  }
}
