package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1108: a dependency names another container of the same task definition. */
public final class DependsOnTarget extends ContainerRule {
  public DependsOnTarget() {
    super("E1108", "`depends_on` names another container of the task", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> deps = Nodes.list(c.node(), "dependsOn");
    for (int i = 0; i < deps.size(); i++) {
      String target = Nodes.text(deps.get(i), "containerName");
      if (target == null) {
        continue;
      }
      if (target.equals(c.name())) {
        c.report(ctx, "/dependsOn/" + i + "/containerName", c.label() + " depends on itself", "remove that dependency");
      } else if (task.container(target) == null) {
        c.report(ctx, "/dependsOn/" + i + "/containerName", c.label() + " depends on `" + target + "`, which is not a container of "
            + task.label(), io.ecsl.diag.Suggestions.didYouMean(target, task.containerNames()) != null
                ? io.ecsl.diag.Suggestions.didYouMean(target, task.containerNames())
                : "the containers are " + Nodes.andList(task.containerNames().stream().sorted().toList()));
      }
    }
  }
}
