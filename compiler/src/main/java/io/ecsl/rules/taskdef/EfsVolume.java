package io.ecsl.rules.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1015: EFS volumes that use IAM authorization or an access point enable transit encryption, and
 * with an access point the root directory is omitted or {@code /}.
 */
public final class EfsVolume extends TaskDefinitionRule {
  public EfsVolume() {
    super("E1015", "EFS volumes with IAM or an access point use transit encryption and the root directory", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    List<JsonNode> volumes = Nodes.list(task.body(), "volumes");
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode efs = Nodes.object(volumes.get(i), "efsVolumeConfiguration");
      if (efs == null) {
        continue;
      }
      String at = "/volumes/" + i + "/efsVolumeConfiguration";
      String name = Nodes.text(volumes.get(i), "name");
      JsonNode auth = Nodes.object(efs, "authorizationConfig");
      boolean iam = "ENABLED".equals(Nodes.text(auth, "iam"));
      boolean accessPoint = Nodes.text(auth, "accessPointId") != null;
      if ((iam || accessPoint) && !"ENABLED".equals(Nodes.text(efs, "transitEncryption"))) {
        task.report(ctx, Nodes.has(efs, "transitEncryption") ? at + "/transitEncryption" : at + "/authorizationConfig",
            "EFS volume `" + name + "` uses " + (iam ? "IAM authorization" : "an access point")
                + ", which requires transit encryption", "add `transit_encryption = ENABLED`");
      }
      String root = Nodes.text(efs, "rootDirectory");
      if (accessPoint && root != null && !root.equals("/")) {
        task.report(ctx, at + "/rootDirectory", "EFS volume `" + name + "` uses an access point, so its root directory must be `/` or omitted, not `"
            + root + "`", "remove `root_directory`; the access point sets the directory");
      }
    }
  }
}
