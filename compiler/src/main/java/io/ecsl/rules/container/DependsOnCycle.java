package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * E1109: container dependencies have no cycle. The ECS agent starts containers in dependency
 * order; with a cycle no container of it can ever start and the task never runs.
 */
public final class DependsOnCycle extends TaskDefinitionRule {
  public DependsOnCycle() {
    super("E1109", "Container dependencies have no cycle", "ECS agent (dependency graph); ecsl judgement");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    for (ContainerView c : task.containers()) {
      if (c.name() != null && !state.containsKey(c.name())) {
        List<String> path = new ArrayList<>();
        List<String> cycle = visit(task, c.name(), state, path);
        if (cycle != null) {
          report(ctx, task, cycle);
        }
      }
    }
  }

  /** Depth-first search; returns the first cycle found from {@code name}, or null. */
  private static List<String> visit(TaskDefinitionView task, String name, Map<String, Integer> state, List<String> path) {
    state.put(name, 1);
    path.add(name);
    ContainerView c = task.container(name);
    for (JsonNode dep : Nodes.list(c.node(), "dependsOn")) {
      String target = Nodes.text(dep, "containerName");
      // dependencies on unknown containers and on itself are E1108
      if (target == null || target.equals(name) || task.container(target) == null) {
        continue;
      }
      Integer s = state.get(target);
      if (s != null && s == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
        cycle.add(target);
        return cycle;
      }
      if (s == null) {
        List<String> found = visit(task, target, state, path);
        if (found != null) {
          return found;
        }
      }
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
    return null;
  }

  private static void report(RuleContext ctx, TaskDefinitionView task, List<String> cycle) {
    ContainerView first = task.container(cycle.get(0));
    int index = 0;
    List<JsonNode> deps = Nodes.list(first.node(), "dependsOn");
    for (int i = 0; i < deps.size(); i++) {
      if (cycle.get(1).equals(Nodes.text(deps.get(i), "containerName"))) {
        index = i;
      }
    }
    first.report(ctx, "/dependsOn/" + index, "containers " + String.join(" → ", cycle.stream().map(n -> "`" + n + "`").toList())
        + " depend on each other in a cycle, so none of them can start", "remove one of these dependencies");
  }
}
