package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1111: a {@code HEALTHY} dependency targets a container with a health check. */
public final class DependsOnHealthy extends ContainerRule {
  public DependsOnHealthy() {
    super("E1111", "`HEALTHY` dependencies target a container with a health check", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> deps = Nodes.list(c.node(), "dependsOn");
    for (int i = 0; i < deps.size(); i++) {
      ContainerView target = task.container(String.valueOf(Nodes.text(deps.get(i), "containerName")));
      if (target != null && target != c && "HEALTHY".equals(Nodes.text(deps.get(i), "condition")) && !target.hasHealthCheck()) {
        c.report(ctx, "/dependsOn/" + i + "/condition", c.label() + " waits for `" + target.name() + "` to be HEALTHY, but `"
            + target.name() + "` has no health check, so it never becomes healthy",
            "add a `health { command = \"…\" }` to `" + target.name() + "`, or depend on START");
      }
    }
  }
}
