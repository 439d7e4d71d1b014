package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1115: {@code volumesFrom} names another container of the same task. */
public final class VolumesFrom extends ContainerRule {
  public VolumesFrom() {
    super("E1115", "`volumes_from` names another container of the task", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> from = Nodes.list(c.node(), "volumesFrom");
    for (int i = 0; i < from.size(); i++) {
      String source = Nodes.text(from.get(i), "sourceContainer");
      if (source == null) {
        continue;
      }
      if (source.equals(c.name())) {
        c.report(ctx, "/volumesFrom/" + i + "/sourceContainer", c.label() + " takes volumes from itself", "remove it");
      } else if (task.container(source) == null) {
        String hint = Suggestions.didYouMean(source, task.containerNames());
        c.report(ctx, "/volumesFrom/" + i + "/sourceContainer", c.label() + " takes volumes from `" + source
            + "`, which is not a container of " + task.label(), hint != null ? hint : "name a container of the same task");
      }
    }
  }
}
