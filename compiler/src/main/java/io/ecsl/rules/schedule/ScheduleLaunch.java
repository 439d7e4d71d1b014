package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;
import io.ecsl.rules.service.NetworkConfiguration;

/**
 * E1506: a scheduled task sets a launch type or a capacity provider strategy, not both; Fargate
 * tasks have a network configuration; public IPs and platform versions are for Fargate only.
 */
public final class ScheduleLaunch extends TargetRule {
  public ScheduleLaunch() {
    super("E1506", "Scheduled tasks: launch type or strategy; Fargate needs a network configuration; Fargate-only settings",
        "EventBridge API; ECS RunTask");
  }

  @Override
  void check(RuleContext ctx, ScheduleTargetView t) {
    JsonNode ecs = t.ecs();
    String base = t.ecsPointer();
    if (Nodes.has(ecs, "LaunchType") && Nodes.size(ecs, "CapacityProviderStrategy") > 0) {
      t.report(ctx, base + "/CapacityProviderStrategy", label(t) + " sets both a launch type and a capacity provider strategy; "
          + "ECS takes one or the other", "remove `launch_type` or the strategy");
    }
    JsonNode vpc = Nodes.object(Nodes.object(ecs, "NetworkConfiguration"), "awsvpcConfiguration");
    if (t.launch() == Launch.FARGATE && vpc == null) {
      t.report(ctx, base, label(t) + " runs on Fargate, which needs a network configuration (subnets)",
          "add `network { subnets = [\"subnet-…\"], security_groups = [\"sg-…\"] }`");
    }
    if (vpc != null) {
      NetworkConfiguration.check(vpc, base + "/NetworkConfiguration/awsvpcConfiguration", "Subnets", "SecurityGroups",
          "AssignPublicIp", t.launch(), (p, m, h) -> t.report(ctx, p, m + " (" + label(t) + ")", h));
    }
    String version = Nodes.text(ecs, "PlatformVersion");
    if (version != null && t.launch() != Launch.FARGATE && t.launch() != Launch.UNKNOWN) {
      t.report(ctx, base + "/PlatformVersion", "a platform version applies only to Fargate, and " + label(t) + " runs on "
          + t.launch(), "remove `platform_version`");
    } else if (version != null && !version.equals("LATEST") && !version.matches("\\d+\\.\\d+\\.\\d+")) {
      t.report(ctx, base + "/PlatformVersion", "platform version `" + version + "` of " + label(t)
          + " is not `LATEST` or a version number such as `1.4.0`", "EventBridge takes the numeric part only: `1.4.0`");
    }
  }
}
