package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1708: a service running an {@code awsvpc} task definition uses no Classic Load Balancer and no
 * service {@code role} (ECS uses its service-linked role to register task IPs).
 */
public final class AwsvpcLoadBalancing extends CrossServiceRule {
  public AwsvpcLoadBalancing() {
    super("E1708", "awsvpc services use target groups, not Classic Load Balancers, and no service `role`", "ECS API");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    if (!task.awsvpc()) {
      return;
    }
    List<JsonNode> lbs = Nodes.list(s.body(), "loadBalancers");
    for (int i = 0; i < lbs.size(); i++) {
      if (Nodes.has(lbs.get(i), "loadBalancerName")) {
        report(ctx, s, task, "/loadBalancers/" + i + "/loadBalancerName", "Classic Load Balancers cannot route to tasks with "
            + "network mode `awsvpc` (" + s.label() + ")", "use an Application or Network Load Balancer target group of target type `ip`");
      }
    }
    if (Nodes.has(s.body(), "role")) {
      report(ctx, s, task, "/role", s.label() + " runs an `awsvpc` task definition, which requires the service-linked role, so "
          + "it takes no `role`", "remove `role`");
    }
  }
}
