package io.ecsl.rules.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Set;

/**
 * E1018: an App Mesh proxy configuration uses network mode {@code awsvpc}, names a container of
 * the task, and uses only the property names App Mesh knows.
 */
public final class ProxyConfiguration extends TaskDefinitionRule {
  static final Set<String> PROPERTIES = Set.of("IgnoredUID", "IgnoredGID", "AppPorts", "ProxyIngressPort",
      "ProxyEgressPort", "EgressIgnoredPorts", "EgressIgnoredIPs");

  public ProxyConfiguration() {
    super("E1018", "A proxy configuration uses `awsvpc`, names a container of the task and known properties", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    JsonNode proxy = Nodes.object(task.body(), "proxyConfiguration");
    if (proxy == null) {
      return;
    }
    if (!task.awsvpc()) {
      task.report(ctx, "/proxyConfiguration", "an App Mesh proxy configuration requires network mode `awsvpc`, not `"
          + task.effectiveNetworkMode() + "`", "set `network_mode = awsvpc`");
    }
    String container = Nodes.text(proxy, "containerName");
    if (container != null && task.container(container) == null) {
      task.report(ctx, "/proxyConfiguration/containerName", "proxy container `" + container + "` is not a container of "
          + task.label(), hint(task));
    }
    List<JsonNode> props = Nodes.list(proxy, "properties");
    for (int i = 0; i < props.size(); i++) {
      String name = Nodes.text(props.get(i), "name");
      if (name != null && !PROPERTIES.contains(name)) {
        task.report(ctx, "/proxyConfiguration/properties/" + i + "/name", "`" + name + "` is not an App Mesh proxy property",
            "the properties are " + Nodes.andList(PROPERTIES.stream().sorted().toList()));
      }
    }
  }

  static String hint(TaskDefinitionView task) {
    return task.containerNames().isEmpty() ? "declare the container in the task definition"
        : "the containers are " + Nodes.andList(task.containerNames().stream().sorted().toList());
  }
}
