package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Set;

/**
 * E1104: each port mapping has a container port (or range) in 1–65535, a host port in 0–65535, and
 * with {@code bridge} no host port the ECS agent reserves (22, 2375, 2376, 51678–51680): a task
 * that needs one can never be placed.
 */
public final class PortNumbers extends ContainerRule {
  static final Set<Long> RESERVED = Set.of(22L, 2375L, 2376L, 51678L, 51679L, 51680L);

  public PortNumbers() {
    super("E1104", "Ports are in 1–65535 and bridge host ports avoid the agent's reserved ports",
        "ECS API; ECS agent (reserved ports)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> mappings = Nodes.list(c.node(), "portMappings");
    for (int i = 0; i < mappings.size(); i++) {
      JsonNode pm = mappings.get(i);
      String at = "/portMappings/" + i;
      Long container = Nodes.integer(pm, "containerPort");
      Long host = Nodes.integer(pm, "hostPort");
      if (container == null && !Nodes.has(pm, "containerPortRange")) {
        c.report(ctx, at, "a port mapping of " + c.label() + " has no container port", "add `container_port = 8080`");
      } else if (container != null && (container < 1 || container > 65535)) {
        c.report(ctx, at + "/containerPort", "container port " + container + " is not a port; ports are 1 to 65535",
            "use a port between 1 and 65535");
      }
      if (host != null && (host < 0 || host > 65535)) {
        c.report(ctx, at + "/hostPort", "host port " + host + " is not a port; host ports are 0 (dynamic) to 65535",
            "use 0 for a dynamic port, or a port up to 65535");
      } else if (host != null && RESERVED.contains(host) && task.effectiveNetworkMode().equals("bridge")) {
        c.report(ctx, at + "/hostPort", "host port " + host + " is reserved by the ECS agent on every container instance, "
            + "so the task can never be placed", "use another host port, or 0 for a dynamic one");
      }
    }
  }
}
