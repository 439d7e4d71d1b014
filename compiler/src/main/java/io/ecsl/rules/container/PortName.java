package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1106: port mapping names are up to 64 lowercase letters, digits, {@code _} or {@code -} (not
 * starting with {@code -}); an application protocol needs a name and network mode bridge or awsvpc.
 */
public final class PortName extends ContainerRule {
  public PortName() {
    super("E1106", "Port names are ≤ 64 lowercase letters, digits, `_`, `-`; `app_protocol` needs a name and bridge/awsvpc",
        "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> mappings = Nodes.list(c.node(), "portMappings");
    for (int i = 0; i < mappings.size(); i++) {
      JsonNode pm = mappings.get(i);
      String name = Nodes.text(pm, "name");
      String at = "/portMappings/" + i;
      if (name != null && !EcsName.PORT_MAPPING.isValid(name)) {
        c.report(ctx, at + "/name", "port name `" + name + "` must be up to " + EcsName.PORT_MAPPING.maxLength() + " "
            + EcsName.PORT_MAPPING.allowedCharacters(), "rename it, e.g. `" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-")
                .replaceAll("^-+", "") + "`");
      }
      String protocol = Nodes.text(pm, "appProtocol");
      if (protocol == null) {
        continue;
      }
      if (name == null) {
        c.report(ctx, at + "/appProtocol", "a port with an application protocol (`" + protocol + "`) needs a name",
            "name the port: `port http = 8080/tcp { app_protocol = " + protocol + " }`");
      }
      String mode = task.effectiveNetworkMode();
      if (!mode.equals("bridge") && !mode.equals("awsvpc")) {
        c.report(ctx, at + "/appProtocol", "an application protocol applies only with network mode `bridge` or `awsvpc`, "
            + "not `" + mode + "`", "remove `app_protocol`, or change the network mode");
      }
    }
  }
}
