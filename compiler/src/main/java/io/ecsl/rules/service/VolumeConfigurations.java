package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1219: service-managed EBS volumes: at most one, REPLICA services only, a role, a size or a
 * snapshot, and size, IOPS and throughput within the limits of the volume type.
 */
public final class VolumeConfigurations extends ServiceRule {
  public VolumeConfigurations() {
    super("E1219", "Managed EBS volumes: one per service, REPLICA only, role, size/IOPS/throughput within the volume type's limits",
        "ECS API; Amazon EBS limits; CDK");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    List<JsonNode> volumes = Nodes.list(s.body(), "volumeConfigurations");
    if (volumes.isEmpty()) {
      return;
    }
    if (volumes.size() > 1) {
      s.report(ctx, "/volumeConfigurations/1", s.label() + " configures " + volumes.size() + " volumes; a task definition has at "
          + "most one volume configured at launch", "keep one");
    }
    if (s.daemon()) {
      s.report(ctx, "/volumeConfigurations", "DAEMON services cannot attach managed EBS volumes (" + s.label() + ")",
          "use a REPLICA service");
    }
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode ebs = Nodes.object(volumes.get(i), "managedEBSVolume");
      if (ebs == null) {
        continue;
      }
      String at = "/volumeConfigurations/" + i + "/managedEBSVolume";
      if (Nodes.text(ebs, "roleArn") == null) {
        s.report(ctx, at, "the managed EBS volume of " + s.label() + " needs `role_arn`, the role ECS uses to create it",
            "add `role_arn = \"arn:aws:iam::…:role/ecsInfrastructureRole\"`");
      }
      Long size = Nodes.integer(ebs, "sizeInGiB");
      if (size == null && Nodes.text(ebs, "snapshotId") == null) {
        s.report(ctx, at, "the managed EBS volume of " + s.label() + " needs a size or a snapshot", "add `size_in_gib = 20`");
      }
      String type = Nodes.text(ebs, "volumeType");
      type = type == null ? "gp3" : type;
      long[] range = switch (type) {
        case "io1", "io2" -> new long[] {4, 16384};
        case "st1", "sc1" -> new long[] {125, 16384};
        case "standard" -> new long[] {1, 1024};
        default -> new long[] {1, 16384};
      };
      if (size != null && (size < range[0] || size > range[1])) {
        s.report(ctx, at + "/sizeInGiB", type + " volumes are " + range[0] + " to " + range[1] + " GiB; you set " + size + " GiB",
            "pick a size in that range");
      }
      Long iops = Nodes.integer(ebs, "iops");
      long[] iopsRange = switch (type) {
        case "gp3" -> new long[] {3000, 16000};
        case "io1" -> new long[] {100, 64000};
        case "io2" -> new long[] {100, 256000};
        default -> null;
      };
      if (iops != null && iopsRange == null) {
        s.report(ctx, at + "/iops", "IOPS are set only for gp3, io1 and io2 volumes, not " + type, "remove `iops`");
      } else if (iops != null && (iops < iopsRange[0] || iops > iopsRange[1])) {
        s.report(ctx, at + "/iops", type + " volumes take " + iopsRange[0] + " to " + iopsRange[1] + " IOPS; you set " + iops,
            "pick a value in that range");
      } else if (iops == null && (type.equals("io1") || type.equals("io2"))) {
        s.report(ctx, at, type + " volumes need `iops`", "add e.g. `iops = 3000`");
      }
      Long throughput = Nodes.integer(ebs, "throughput");
      if (throughput != null && !type.equals("gp3")) {
        s.report(ctx, at + "/throughput", "throughput is set only for gp3 volumes, not " + type, "remove `throughput`");
      } else if (throughput != null && (throughput < 125 || throughput > 1000)) {
        s.report(ctx, at + "/throughput", "gp3 throughput is 125 to 1000 MiB/s; you set " + throughput, "pick a value in that range");
      }
    }
  }
}
