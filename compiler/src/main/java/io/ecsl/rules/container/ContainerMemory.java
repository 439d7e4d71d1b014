package io.ecsl.rules.container;

import io.ecsl.facts.size.TaskSize;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1107: a container's memory limit is at least its reservation and at least 6 MiB (Docker's
 * minimum). Negative sizes are E1132.
 */
public final class ContainerMemory extends ContainerRule {
  static final long DOCKER_MINIMUM = 6;

  public ContainerMemory() {
    super("E1107", "Container memory ≥ memory reservation, and at least 6 MiB", "ECS API; CDK; Docker (minimum)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    Long hard = Nodes.integer(c.node(), "memory");
    Long soft = Nodes.integer(c.node(), "memoryReservation");
    if (hard != null && hard > 0 && hard < DOCKER_MINIMUM) {
      c.report(ctx, "/memory", c.label() + " has a memory limit of " + hard + " MiB; containers need at least "
          + DOCKER_MINIMUM + " MiB", "raise `memory`");
    }
    if (hard != null && soft != null && hard > 0 && hard < soft) {
      c.report(ctx, "/memory", c.label() + "'s memory limit (" + TaskSize.describeMemory(hard) + ") is below its reservation ("
          + TaskSize.describeMemory(soft) + ")", "the limit (`memory`) must be at least the reservation (`memory_reservation`)");
    }
  }
}
