package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.Set;

/** E1120: on Fargate the log driver is awslogs, splunk or awsfirelens. */
public final class FargateLogDriver extends ContainerRule {
  public static final Set<String> FARGATE_DRIVERS = Set.of("awslogs", "splunk", "awsfirelens");

  public FargateLogDriver() {
    super("E1120", "On Fargate the log driver is `awslogs`, `splunk` or `awsfirelens`", "ECS API; cfn-lint E3048");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    String driver = Nodes.text(Nodes.object(c.node(), "logConfiguration"), "logDriver");
    if (task.fargate() && driver != null && !FARGATE_DRIVERS.contains(driver)) {
      c.report(ctx, "/logConfiguration/logDriver", message(c, driver), HINT);
    }
  }

  static final String HINT = "use `driver = awslogs` (CloudWatch Logs), `splunk`, or `awsfirelens` to route logs anywhere";

  /** Shared with E1711, which applies the same limit to services that run a task definition on Fargate. */
  public static String message(ContainerView c, String driver) {
    return "Fargate supports the log drivers `awslogs`, `splunk` and `awsfirelens`, not `" + driver + "` (" + c.label() + ")";
  }
}
