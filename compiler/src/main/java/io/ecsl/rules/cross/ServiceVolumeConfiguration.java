package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import java.util.ArrayList;
import java.util.List;

/** E1711: a service's volume configuration names a volume its task definition configures at launch. */
public final class ServiceVolumeConfiguration extends CrossServiceRule {
  public ServiceVolumeConfiguration() {
    super("E1711", "Service volume configurations name a task volume with `configured_at_launch = true`", "ECS API");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    List<String> atLaunch = new ArrayList<>();
    for (JsonNode v : Nodes.list(task.body(), "volumes")) {
      if (Boolean.TRUE.equals(Nodes.bool(v, "configuredAtLaunch")) && Nodes.text(v, "name") != null) {
        atLaunch.add(Nodes.text(v, "name"));
      }
    }
    List<JsonNode> configs = Nodes.list(s.body(), "volumeConfigurations");
    for (int i = 0; i < configs.size(); i++) {
      String name = Nodes.text(configs.get(i), "name");
      if (name != null && !atLaunch.contains(name)) {
        report(ctx, s, task, "/volumeConfigurations/" + i + "/name", s.label() + " configures volume `" + name + "`, but "
            + task.label() + " has no volume of that name configured at launch", atLaunch.isEmpty()
                ? "declare it in the task: `volume " + name + " { configured_at_launch = true }`"
                : "the volume configured at launch is `" + atLaunch.get(0) + "`");
      }
    }
  }
}
