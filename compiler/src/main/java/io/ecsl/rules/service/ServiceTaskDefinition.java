package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1222: a service names the task definition it runs. CreateService accepts a service without one
 * only under the EXTERNAL deployment controller, whose task sets carry the task definition.
 */
public final class ServiceTaskDefinition extends ServiceRule {
  public ServiceTaskDefinition() {
    super("E1222", "A service names its task definition (unless its deployment controller is EXTERNAL)", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    if (!Nodes.has(s.body(), "taskDefinition") && !"EXTERNAL".equals(s.controller())) {
      s.report(ctx, "/serviceName", s.label() + " runs no task definition: ECS needs one to start its tasks",
          "add `task = NAME` naming a task definition of the project (or a family:revision or ARN)");
    }
  }
}
