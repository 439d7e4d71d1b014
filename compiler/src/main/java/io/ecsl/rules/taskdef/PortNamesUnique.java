package io.ecsl.rules.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** E1024: port mapping names are unique across all containers of a task (Service Connect refers to them). */
public final class PortNamesUnique extends TaskDefinitionRule {
  public PortNamesUnique() {
    super("E1024", "Port mapping names are unique across the task's containers", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Map<String, String> seen = new HashMap<>();
    for (ContainerView c : task.containers()) {
      List<JsonNode> mappings = Nodes.list(c.node(), "portMappings");
      for (int i = 0; i < mappings.size(); i++) {
        String name = Nodes.text(mappings.get(i), "name");
        if (name == null) {
          continue;
        }
        String first = seen.putIfAbsent(name, c.label());
        if (first != null) {
          c.report(ctx, "/portMappings/" + i + "/name", "port name `" + name + "` is used twice in " + task.label()
              + " (first in " + first + ")", "give each port mapping its own name");
        }
      }
    }
  }
}
