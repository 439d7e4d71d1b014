package io.ecsl.rules.taskdef;

import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1012: without task-level memory, every container sets a memory limit or reservation. */
public final class ContainerMemoryRequired extends TaskDefinitionRule {
  public ContainerMemoryRequired() {
    super("E1012", "Without task-level memory every container sets `memory` or `memory_reservation`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    // Fargate requires task memory; E1005 reports its absence there.
    if (task.memoryText() != null || task.fargate()) {
      return;
    }
    for (ContainerView c : task.containers()) {
      Long hard = Nodes.integer(c.node(), "memory");
      Long soft = Nodes.integer(c.node(), "memoryReservation");
      if ((hard == null || hard == 0) && (soft == null || soft == 0)) {
        c.report(ctx, "", c.label() + " needs `memory` or `memory_reservation`, because " + task.label()
            + " sets no task-level memory", "add `memory_reservation = 256 MiB` to the container, or `memory = 512 MiB` to the task");
      }
    }
  }
}
