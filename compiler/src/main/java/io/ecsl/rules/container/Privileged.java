package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** W1102: a privileged container has root on the container instance. */
public final class Privileged extends ContainerRule {
  public Privileged() {
    super("W1102", "Containers do not run privileged", "ecsl judgement (security)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    // On Fargate privileged is an error (E1118), not a warning.
    if (!task.fargate() && Boolean.TRUE.equals(Nodes.bool(c.node(), "privileged"))) {
      c.report(ctx, "/privileged", c.label() + " runs privileged: it has root access to the container instance and all its tasks",
          "grant only the capabilities it needs: `linux_parameters { capabilities { add = [\"NET_ADMIN\"] } }`");
    }
  }
}
