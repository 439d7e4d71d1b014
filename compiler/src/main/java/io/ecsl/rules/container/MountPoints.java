package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1114: a mount point names a volume of the task definition and a container path. */
public final class MountPoints extends ContainerRule {
  public MountPoints() {
    super("E1114", "Mount points name a declared volume and a container path", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> mounts = Nodes.list(c.node(), "mountPoints");
    for (int i = 0; i < mounts.size(); i++) {
      String volume = Nodes.text(mounts.get(i), "sourceVolume");
      String path = Nodes.text(mounts.get(i), "containerPath");
      if (volume == null || volume.isEmpty()) {
        c.report(ctx, "/mountPoints/" + i, "a mount point of " + c.label() + " names no volume", "write `mount VOLUME = \"/path\"`");
      } else if (!task.volumeNames().contains(volume)) {
        String hint = Suggestions.didYouMean(volume, task.volumeNames());
        c.report(ctx, "/mountPoints/" + i + "/sourceVolume", c.label() + " mounts volume `" + volume + "`, which "
            + task.label() + " does not declare", hint != null ? hint : "declare it in the task: `volume " + volume + " {}`");
      }
      if (path == null || path.isEmpty()) {
        c.report(ctx, "/mountPoints/" + i, "the mount of `" + volume + "` in " + c.label() + " has no container path",
            "write `mount " + volume + " = \"/data\"`");
      }
    }
  }
}
