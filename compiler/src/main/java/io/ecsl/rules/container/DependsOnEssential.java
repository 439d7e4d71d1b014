package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1110: {@code COMPLETE} and {@code SUCCESS} dependencies wait for a container to exit, so it
 * must not be essential (an essential container's exit stops the task).
 */
public final class DependsOnEssential extends ContainerRule {
  public DependsOnEssential() {
    super("E1110", "`COMPLETE`/`SUCCESS` dependencies target a non-essential container", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> deps = Nodes.list(c.node(), "dependsOn");
    for (int i = 0; i < deps.size(); i++) {
      String condition = Nodes.text(deps.get(i), "condition");
      ContainerView target = task.container(String.valueOf(Nodes.text(deps.get(i), "containerName")));
      if (target != null && target != c && ("COMPLETE".equals(condition) || "SUCCESS".equals(condition)) && target.essential()) {
        c.report(ctx, "/dependsOn/" + i + "/condition", c.label() + " waits for `" + target.name() + "` to exit ("
            + condition + "), but `" + target.name() + "` is essential, so its exit stops the task",
            "set `essential = false` on `" + target.name() + "`");
      }
    }
  }
}
