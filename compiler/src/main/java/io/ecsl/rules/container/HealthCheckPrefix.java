package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * W1106: a health check command starts with {@code CMD} (exec form) or {@code CMD-SHELL} (shell
 * form). The ECS API reference says it must; older guides say {@code CMD} is assumed, and tasks
 * registered without it are seen in the wild, so ecsl warns rather than fails.
 */
public final class HealthCheckPrefix extends ContainerRule {
  public HealthCheckPrefix() {
    super("W1106", "Health check commands start with `CMD` or `CMD-SHELL`", "ECS API (documented); ecsl judgement");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<String> command = Nodes.strings(Nodes.object(c.node(), "healthCheck"), "command");
    if (command.isEmpty()) {
      return;
    }
    String first = command.get(0);
    if (!first.isBlank() && !first.equals("CMD") && !first.equals("CMD-SHELL") && !first.equals("NONE")) {
      c.report(ctx, "/healthCheck/command", c.label() + "'s health check command starts with `" + first
          + "` instead of `CMD` or `CMD-SHELL`", "write `[\"CMD\", \"" + first + "\", …]`, or a string for a shell command");
    }
  }
}
