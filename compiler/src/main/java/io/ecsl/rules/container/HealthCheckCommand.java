package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1112: a health check command starts with {@code CMD} or {@code CMD-SHELL} and has something to run. */
public final class HealthCheckCommand extends ContainerRule {
  public HealthCheckCommand() {
    super("E1112", "Health check commands start with `CMD` or `CMD-SHELL` followed by the command", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode health = Nodes.object(c.node(), "healthCheck");
    if (health == null || !Nodes.has(health, "command")) {
      return;
    }
    List<String> command = Nodes.strings(health, "command");
    String first = command.isEmpty() ? null : command.get(0);
    if (!"CMD".equals(first) && !"CMD-SHELL".equals(first)) {
      c.report(ctx, "/healthCheck/command", c.label() + "'s health check command must start with `CMD` or `CMD-SHELL`"
          + (first == null ? "" : ", not `" + first + "`"), "NONE".equals(first) ? "to disable the check, remove the health check"
              : "write `command = \"curl -f localhost/\"` (a shell command) or `command = [\"CMD\", \"/healthz\"]`");
    } else if (command.size() < 2 || command.subList(1, command.size()).stream().allMatch(String::isBlank)) {
      c.report(ctx, "/healthCheck/command", c.label() + "'s health check has no command after `" + first + "`",
          "write e.g. `command = \"curl -f localhost/\"`");
    }
  }
}
