package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1132: a container's {@code cpu}, {@code memory} and {@code memoryReservation} are not negative.
 * The API model gives them no minimum, so nothing else catches `cpu = -5`; ECS rejects the
 * definition, and a negative value would also make E1011's sums wrong.
 */
public final class ContainerResourcesNotNegative extends ContainerRule {
  public ContainerResourcesNotNegative() {
    super("E1132", "Container `cpu`, `memory` and `memory_reservation` are not negative", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    Long cpu = Nodes.integer(c.node(), "cpu");
    if (cpu != null && cpu < 0) {
      c.report(ctx, "/cpu", c.label() + " reserves " + cpu + " CPU units; `cpu` cannot be negative",
          "use 0 or more CPU units (1 vcpu = 1024), or leave `cpu` out to share the instance's CPU");
    }
    Long memory = Nodes.integer(c.node(), "memory");
    if (memory != null && memory < 0) {
      c.report(ctx, "/memory", c.label() + " has a memory limit of " + memory + " MiB; `memory` cannot be negative",
          "set a positive size such as `512 MiB`, or leave it out where the task sets its memory");
    }
    Long reservation = Nodes.integer(c.node(), "memoryReservation");
    if (reservation != null && reservation < 0) {
      c.report(ctx, "/memoryReservation", c.label() + " reserves " + reservation + " MiB of memory; `memory_reservation`"
          + " cannot be negative", "set a positive size such as `256 MiB`");
    }
  }
}
