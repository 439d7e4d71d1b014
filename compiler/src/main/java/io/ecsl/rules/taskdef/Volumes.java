package io.ecsl.rules.taskdef;

import static io.ecsl.facts.limits.EcsName.VOLUME;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Names;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * E1013: volumes have valid, unique names, at most one volume type each, and at most one volume
 * is configured at launch.
 */
public final class Volumes extends TaskDefinitionRule {
  private static final List<String> TYPES = List.of("host", "dockerVolumeConfiguration", "efsVolumeConfiguration",
      "fsxWindowsFileServerVolumeConfiguration", "s3filesVolumeConfiguration");

  public Volumes() {
    super("E1013", "Volumes have unique valid names, one type each, and at most one is configured at launch", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    List<JsonNode> volumes = Nodes.list(task.body(), "volumes");
    Set<String> seen = new HashSet<>();
    int atLaunch = 0;
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode v = volumes.get(i);
      String at = "/volumes/" + i;
      String name = Nodes.text(v, "name");
      List<String> types = new ArrayList<>();
      for (String t : TYPES) {
        if (Nodes.has(v, t)) {
          types.add(t);
        }
      }
      boolean configuredAtLaunch = Boolean.TRUE.equals(Nodes.bool(v, "configuredAtLaunch"));
      if (name == null || name.isEmpty()) {
        if (configuredAtLaunch || types.stream().anyMatch(t -> !t.equals("host"))) {
          task.report(ctx, at, "volume #" + (i + 1) + " of " + task.label() + " needs a name", "add `name = \"data\"`");
        }
      } else if (!VOLUME.isValid(name)) {
        task.report(ctx, at + "/name", "volume name `" + name + "` " + Names.problem(VOLUME, name),
            Names.hint(VOLUME, "name", name));
      } else if (!seen.add(name)) {
        task.report(ctx, at + "/name", "volume `" + name + "` is declared twice in " + task.label(),
            "give each volume its own name");
      }
      if (types.size() > 1) {
        task.report(ctx, at + "/" + types.get(1), "volume `" + name + "` has " + types.size() + " types ("
            + Nodes.andList(types.stream().map(io.ecsl.schema.Shape::snake).toList()) + "); a volume has at most one",
            "split it into one volume per type");
      }
      if (configuredAtLaunch && ++atLaunch == 2) {
        task.report(ctx, at + "/configuredAtLaunch", task.label() + " has more than one volume configured at launch; ECS allows one",
            "keep `configured_at_launch = true` on one volume");
      }
    }
  }
}
