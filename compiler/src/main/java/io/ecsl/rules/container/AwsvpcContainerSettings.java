package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** E1117: with {@code awsvpc} a container sets no {@code hostname} and no {@code extraHosts}. */
public final class AwsvpcContainerSettings extends ContainerRule {
  public AwsvpcContainerSettings() {
    super("E1117", "With network mode awsvpc containers set no `hostname` or `extra_hosts`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    if (!task.awsvpc()) {
      return;
    }
    for (String member : new String[] {"hostname", "extraHosts"}) {
      if (Nodes.has(c.node(), member)) {
        c.report(ctx, "/" + member, Nodes.name(member) + " is not supported with network mode `awsvpc` (" + c.label() + ")",
            "remove it: the task's network interface has its own name and DNS");
      }
    }
  }
}
