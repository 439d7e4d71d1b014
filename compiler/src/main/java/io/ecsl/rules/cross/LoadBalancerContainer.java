package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import java.util.ArrayList;
import java.util.List;

/** E1701: a service's load balancer names a container of its task definition and one of that container's ports. */
public final class LoadBalancerContainer extends CrossServiceRule {
  public LoadBalancerContainer() {
    super("E1701", "A load balancer names a container of the service's task definition and a port it maps", "ECS API; CDK");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    List<JsonNode> lbs = Nodes.list(s.body(), "loadBalancers");
    for (int i = 0; i < lbs.size(); i++) {
      String name = Nodes.text(lbs.get(i), "containerName");
      Long port = Nodes.integer(lbs.get(i), "containerPort");
      if (name == null) {
        continue;
      }
      ContainerView c = task.container(name);
      if (c == null) {
        String hint = Suggestions.didYouMean(name, task.containerNames());
        report(ctx, s, task, "/loadBalancers/" + i + "/containerName", "the load balancer of " + s.label() + " sends traffic to "
            + "container `" + name + "`, which " + task.label() + " does not have", hint != null ? hint
                : "the containers are " + Nodes.andList(task.containerNames().stream().sorted().toList()));
        continue;
      }
      if (port != null && !maps(c, port)) {
        List<Long> ports = new ArrayList<>();
        for (JsonNode pm : Nodes.list(c.node(), "portMappings")) {
          Long p = Nodes.integer(pm, "containerPort");
          if (p != null) {
            ports.add(p);
          }
        }
        report(ctx, s, task, "/loadBalancers/" + i + "/containerPort", "the load balancer of " + s.label() + " sends traffic to port "
            + port + " of container `" + name + "`, which does not map that port", ports.isEmpty()
                ? "add `port http = " + port + "/tcp` to container `" + name + "`"
                : "container `" + name + "` maps " + Nodes.orList(ports) + "; use `container = " + name + ".PORT_NAME`");
      }
    }
  }

  private static boolean maps(ContainerView c, long port) {
    for (JsonNode pm : Nodes.list(c.node(), "portMappings")) {
      Long p = Nodes.integer(pm, "containerPort");
      String range = Nodes.text(pm, "containerPortRange");
      if (p != null && p == port) {
        return true;
      }
      if (range != null && range.matches("\\d+-\\d+")) {
        String[] r = range.split("-");
        if (port >= Long.parseLong(r[0]) && port <= Long.parseLong(r[1])) {
          return true;
        }
      }
    }
    return false;
  }
}
