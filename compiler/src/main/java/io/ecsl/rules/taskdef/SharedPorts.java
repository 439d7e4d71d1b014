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

/**
 * E1023: no port is bound twice in one task. With {@code awsvpc} and {@code host} all containers
 * share one network namespace, so a container port (and protocol) may appear once in the whole
 * task; with {@code bridge} a fixed host port may appear once.
 */
public final class SharedPorts extends TaskDefinitionRule {
  public SharedPorts() {
    super("E1023", "No port (and protocol) is bound twice in a task", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    String mode = task.effectiveNetworkMode();
    boolean shared = mode.equals("awsvpc") || mode.equals("host");
    Map<String, String> seen = new HashMap<>();
    for (ContainerView c : task.containers()) {
      List<JsonNode> mappings = Nodes.list(c.node(), "portMappings");
      for (int i = 0; i < mappings.size(); i++) {
        JsonNode pm = mappings.get(i);
        String protocol = Nodes.text(pm, "protocol") == null ? "tcp" : Nodes.text(pm, "protocol");
        Long port = shared ? Nodes.integer(pm, "containerPort") : Nodes.integer(pm, "hostPort");
        if (port == null || port == 0) {
          continue;
        }
        String key = port + "/" + protocol;
        String first = seen.putIfAbsent(key, c.label());
        if (first != null) {
          String where = shared ? "port " : "host port ";
          c.report(ctx, "/portMappings/" + i, where + key + " is mapped twice in " + task.label() + " (by " + first
              + (first.equals(c.label()) ? " twice" : " and " + c.label()) + ")" + (shared
                  ? "; with network mode `" + mode + "` all containers share one network namespace" : ""),
              "use a different port in one of them");
        }
      }
    }
  }
}
