package io.ecsl.rules.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1014: Fargate has no Docker volumes and no host paths (bind mounts are task storage there). */
public final class FargateVolumes extends TaskDefinitionRule {
  public FargateVolumes() {
    super("E1014", "Fargate volumes use no Docker volume driver and no host `source_path`", "ECS API (Fargate task storage)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (!task.fargate()) {
      return;
    }
    List<JsonNode> volumes = Nodes.list(task.body(), "volumes");
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode v = volumes.get(i);
      String name = Nodes.text(v, "name");
      if (Nodes.has(v, "dockerVolumeConfiguration")) {
        task.report(ctx, "/volumes/" + i + "/dockerVolumeConfiguration", "volume `" + name
            + "` uses a Docker volume, which Fargate does not support", "use an EFS volume (`efs { … }`) or a bind mount (a volume with only a name)");
      }
      if (Nodes.has(Nodes.object(v, "host"), "sourcePath")) {
        task.report(ctx, "/volumes/" + i + "/host", "volume `" + name + "` mounts a host path, which Fargate does not support",
            "remove the host path: a volume with only a name is task storage shared by its containers");
      }
    }
  }
}
