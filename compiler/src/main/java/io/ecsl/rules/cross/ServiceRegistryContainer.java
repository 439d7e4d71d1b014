package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1709: a service registry names a container and port of the task definition; with network mode
 * bridge or host it must name them (the task has no IP of its own to register).
 */
public final class ServiceRegistryContainer extends CrossServiceRule {
  public ServiceRegistryContainer() {
    super("E1709", "Service registries name a container and port of the task (required for bridge/host)", "ECS API");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    List<JsonNode> registries = Nodes.list(s.body(), "serviceRegistries");
    for (int i = 0; i < registries.size(); i++) {
      JsonNode r = registries.get(i);
      String at = "/serviceRegistries/" + i;
      String name = Nodes.text(r, "containerName");
      String mode = task.effectiveNetworkMode();
      if (name == null && (mode.equals("bridge") || mode.equals("host"))) {
        report(ctx, s, task, at, "with network mode `" + mode + "` the service registry of " + s.label()
            + " must name a container and port", "add `container_name` and `container_port`");
        continue;
      }
      if (name == null) {
        continue;
      }
      ContainerView c = task.container(name);
      if (c == null) {
        report(ctx, s, task, at + "/containerName", "the service registry of " + s.label() + " names container `" + name
            + "`, which " + task.label() + " does not have", "the containers are "
                + Nodes.andList(task.containerNames().stream().sorted().toList()));
        continue;
      }
      Long port = Nodes.integer(r, "containerPort");
      if (port != null && Nodes.list(c.node(), "portMappings").stream().noneMatch(pm -> port.equals(Nodes.integer(pm, "containerPort")))) {
        report(ctx, s, task, at + "/containerPort", "the service registry of " + s.label() + " names port " + port
            + " of container `" + name + "`, which does not map it", "use a container port that `" + name + "` maps");
      }
    }
  }
}
