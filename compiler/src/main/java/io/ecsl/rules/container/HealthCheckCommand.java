package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1112: a health check command has something to run after {@code CMD} or {@code CMD-SHELL}, and
 * is not {@code NONE} (which would disable the check while declaring it). A command without either
 * prefix is W1106: ECS documents the prefix as required, yet older guides say CMD is assumed.
 */
public final class HealthCheckCommand extends ContainerRule {
  public HealthCheckCommand() {
    super("E1112", "Health check commands are not empty and not `NONE`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode health = Nodes.object(c.node(), "healthCheck");
    if (health == null || !Nodes.has(health, "command")) {
      return;
    }
    List<String> command = Nodes.strings(health, "command");
    String first = command.isEmpty() ? null : command.get(0);
    if (first == null || first.isBlank()) {
      c.report(ctx, "/healthCheck/command", c.label() + "'s health check has an empty command",
          "write `command = \"curl -f localhost/\"` (a shell command) or `command = [\"CMD\", \"/healthz\"]`");
    } else if ("NONE".equals(first)) {
      c.report(ctx, "/healthCheck/command", c.label() + "'s health check command is `NONE`, which declares a health check that "
          + "never runs, so the container never becomes HEALTHY", "to disable the check, remove `health`");
    } else if ((first.equals("CMD") || first.equals("CMD-SHELL"))
        && command.subList(1, command.size()).stream().allMatch(String::isBlank)) {
      c.report(ctx, "/healthCheck/command", c.label() + "'s health check has no command after `" + first + "`",
          "write e.g. `command = \"curl -f localhost/\"`");
    }
  }
}
