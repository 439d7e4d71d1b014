package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import java.util.HashSet;
import java.util.Set;

/**
 * W1703: an essential container behind a load balancer has a container health check. Without
 * one, ECS counts the task healthy on the target group's word alone, and a container that hangs
 * but keeps its port open is never replaced.
 */
public final class LoadBalancedHealthCheck extends CrossServiceRule {
  public LoadBalancedHealthCheck() {
    super("W1703", "Essential containers behind a load balancer have a container health check", "ecsl judgement");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    Set<String> reported = new HashSet<>();
    var lbs = Nodes.list(s.body(), "loadBalancers");
    for (int i = 0; i < lbs.size(); i++) {
      JsonNode lb = lbs.get(i);
      ContainerView c = task.container(String.valueOf(Nodes.text(lb, "containerName")));
      if (c != null && c.essential() && !c.hasHealthCheck() && reported.add(c.name())) {
        report(ctx, s, task, "/loadBalancers/" + i, "container `" + c.name() + "` receives " + s.label()
            + "'s load-balanced traffic but has no health check", "add `health { command = \"curl -f http://localhost:PORT/health\" }`"
                + " to container `" + c.name() + "`");
      }
    }
  }
}
