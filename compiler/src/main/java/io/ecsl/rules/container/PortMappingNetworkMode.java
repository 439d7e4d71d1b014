package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1103: port mappings suit the network mode: with {@code awsvpc} and {@code host} the host port
 * is omitted or equals the container port; with {@code none} there are no port mappings.
 */
public final class PortMappingNetworkMode extends ContainerRule {
  public PortMappingNetworkMode() {
    super("E1103", "Port mappings suit the network mode (`awsvpc`/`host`: host port = container port; `none`: no ports)",
        "ECS API; cfn-lint E3053");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    String mode = task.effectiveNetworkMode();
    List<JsonNode> mappings = Nodes.list(c.node(), "portMappings");
    if (mode.equals("none") && !mappings.isEmpty()) {
      c.report(ctx, "/portMappings", c.label() + " maps ports, but network mode `none` gives the task no network",
          "remove the ports, or use network mode `bridge` or `awsvpc`");
      return;
    }
    if (!mode.equals("awsvpc") && !mode.equals("host")) {
      return;
    }
    for (int i = 0; i < mappings.size(); i++) {
      Long host = Nodes.integer(mappings.get(i), "hostPort");
      Long container = Nodes.integer(mappings.get(i), "containerPort");
      if (host != null && container != null && !host.equals(container)) {
        c.report(ctx, "/portMappings/" + i + "/hostPort", "with network mode `" + mode + "` the host port must equal the "
            + "container port (" + container + "); you set " + host, "remove `host_port` (it defaults to the container port)");
      }
    }
  }
}
