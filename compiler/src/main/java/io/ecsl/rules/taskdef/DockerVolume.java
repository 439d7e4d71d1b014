package io.ecsl.rules.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1016: Docker volume {@code autoprovision} applies only to {@code shared} scope. */
public final class DockerVolume extends TaskDefinitionRule {
  public DockerVolume() {
    super("E1016", "Docker volume `autoprovision` is used only with `scope = shared`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    List<JsonNode> volumes = Nodes.list(task.body(), "volumes");
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode docker = Nodes.object(volumes.get(i), "dockerVolumeConfiguration");
      if (docker != null && Boolean.TRUE.equals(Nodes.bool(docker, "autoprovision"))
          && !"shared".equals(Nodes.text(docker, "scope"))) {
        task.report(ctx, "/volumes/" + i + "/dockerVolumeConfiguration/autoprovision", "Docker volume `"
            + Nodes.text(volumes.get(i), "name") + "` sets `autoprovision`, which applies only to `scope = shared`",
            "set `scope = shared`, or remove `autoprovision`");
      }
    }
  }
}
