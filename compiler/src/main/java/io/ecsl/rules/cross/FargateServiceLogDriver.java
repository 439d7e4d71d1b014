package io.ecsl.rules.cross;

import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import io.ecsl.rules.container.FargateLogDriver;

/**
 * E1710: a service on Fargate runs containers whose log drivers Fargate supports. (For a task
 * definition that lists FARGATE itself, E1120 already reports this at the container.)
 */
public final class FargateServiceLogDriver extends CrossServiceRule {
  public FargateServiceLogDriver() {
    super("E1710", "A service on Fargate runs containers with Fargate log drivers", "ECS API; cfn-lint E3713");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    if (s.launch() != Launch.FARGATE || task.fargate()) {
      return;
    }
    for (ContainerView c : task.containers()) {
      String driver = Nodes.text(Nodes.object(c.node(), "logConfiguration"), "logDriver");
      if (driver != null && !FargateLogDriver.FARGATE_DRIVERS.contains(driver)) {
        report(ctx, s, task, "/taskDefinition", s.label() + " runs on Fargate, and " + FargateLogDriver.message(c, driver)
            .replaceFirst("^Fargate supports", "Fargate supports only"), "use `driver = awslogs` in container `" + c.name() + "`");
      }
    }
  }
}
