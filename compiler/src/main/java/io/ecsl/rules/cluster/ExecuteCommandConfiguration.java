package io.ecsl.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E1405: ECS Exec logging: {@code OVERRIDE} comes with a log configuration and only
 * {@code OVERRIDE} does; encryption flags come with the log group or bucket they encrypt.
 */
public final class ExecuteCommandConfiguration extends ClusterRule {
  public ExecuteCommandConfiguration() {
    super("E1405", "ECS Exec logging OVERRIDE has a log configuration (and only OVERRIDE); encryption has a destination",
        "ECS API; CDK");
  }

  @Override
  void check(RuleContext ctx, ClusterView c) {
    JsonNode exec = Nodes.object(Nodes.object(c.body(), "configuration"), "executeCommandConfiguration");
    if (exec == null) {
      return;
    }
    String base = "/configuration/executeCommandConfiguration";
    String logging = Nodes.text(exec, "logging");
    JsonNode log = Nodes.object(exec, "logConfiguration");
    if ("OVERRIDE".equals(logging) && log == null) {
      report(ctx, c, base + "/logging", "ECS Exec logging `OVERRIDE` on cluster `" + c.name() + "` needs a `log_configuration`",
          "add `log_configuration { cloud_watch_log_group_name = \"/ecs/exec\" }`");
    } else if (!"OVERRIDE".equals(logging) && log != null) {
      report(ctx, c, base + "/logConfiguration", "an ECS Exec `log_configuration` on cluster `" + c.name()
          + "` is used only with `logging = OVERRIDE`", "set `logging = OVERRIDE`, or remove the log configuration");
    }
    if (Boolean.TRUE.equals(Nodes.bool(log, "cloudWatchEncryptionEnabled")) && Nodes.text(log, "cloudWatchLogGroupName") == null) {
      report(ctx, c, base + "/logConfiguration/cloudWatchEncryptionEnabled", "CloudWatch encryption is enabled for ECS Exec logs "
          + "but no log group is named", "add `cloud_watch_log_group_name`");
    }
    if (Boolean.TRUE.equals(Nodes.bool(log, "s3EncryptionEnabled")) && Nodes.text(log, "s3BucketName") == null) {
      report(ctx, c, base + "/logConfiguration/s3EncryptionEnabled", "S3 encryption is enabled for ECS Exec logs but no bucket "
          + "is named", "add `s3_bucket_name`");
    }
  }
}
