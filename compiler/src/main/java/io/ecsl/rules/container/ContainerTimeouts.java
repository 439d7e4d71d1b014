package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** E1123: start and stop timeouts are not negative, and on Fargate 2 to 120 seconds. */
public final class ContainerTimeouts extends ContainerRule {
  public ContainerTimeouts() {
    super("E1123", "Container start/stop timeouts are 2–120 s on Fargate (and never negative)", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    for (String field : new String[] {"startTimeout", "stopTimeout"}) {
      Long v = Nodes.integer(c.node(), field);
      if (v == null) {
        continue;
      }
      if (v < 0) {
        c.report(ctx, "/" + field, Nodes.name(field) + " of " + c.label() + " is negative", "use a number of seconds");
      } else if (task.fargate() && (v < 2 || v > 120)) {
        c.report(ctx, "/" + field, "on Fargate " + Nodes.name(field) + " must be 2 to 120 seconds; " + c.label() + " sets " + v + "s",
            field.equals("stopTimeout") ? "Fargate gives a stopping container at most 120 s before SIGKILL; use 120s or less"
                : "use 2s to 120s");
      }
    }
  }
}
