package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.facts.deployment.TrafficShift;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a service deployment will take, in words, from its deployment configuration: "canary
 * 10% for 5m, then 100%, bake 10m". The plan prints it for a deployment that a change starts, and
 * for a strategy that changes in place; the traffic steps themselves are {@link TrafficShift#steps}.
 */
public final class DeploymentSteps {
  private DeploymentSteps() {}

  /** The strategy a deployment configuration names (ROLLING when it names none); null when unknown. */
  public static DeploymentStrategy strategy(JsonNode config) {
    JsonNode s = config == null ? null : config.get("strategy");
    return DeploymentStrategy.of(s == null || s.isNull() ? null : s.asText());
  }

  /**
   * "rolling deployment", or the strategy with its steps: "canary deployment (10% for 5m, then
   * 100%, bake 10m)", with its hooks after a semicolon.
   */
  public static String describe(JsonNode config) {
    DeploymentStrategy strategy = strategy(config);
    if (strategy == null) {
      return config.path("strategy").asText() + " deployment";
    }
    if (strategy == DeploymentStrategy.ROLLING) {
      return "rolling deployment";
    }
    JsonNode own = strategy.configurationMember() == null ? null : config.path(strategy.configurationMember());
    Double percent = number(own, strategy == DeploymentStrategy.LINEAR ? "stepPercent" : "canaryPercent");
    Integer stepBake = integer(own, strategy.stepBakeMember());
    List<TrafficShift.Step> steps = TrafficShift.steps(strategy, percent, stepBake);
    List<String> parts = new ArrayList<>();
    switch (strategy) {
      case BLUE_GREEN -> parts.add("all traffic at once");
      case CANARY -> {
        TrafficShift.Step first = steps.get(0);
        parts.add(steps.size() == 1 ? "100% at once" : percent(first.percent()) + " for " + duration(first.bakeMinutes()));
        if (steps.size() > 1) {
          parts.add("then 100%");
        }
      }
      case LINEAR -> {
        List<String> shares = new ArrayList<>();
        steps.forEach(s -> shares.add(percent(s.percent())));
        parts.add(percent(steps.get(0).percent()) + " every " + duration(steps.get(0).bakeMinutes()) + " ("
            + String.join(", ", shares) + ")");
      }
      default -> {}
    }
    Integer bake = integer(config, "bakeTimeInMinutes");
    parts.add("bake " + (bake == null ? "(not set)" : duration(bake)));
    String hooks = hooks(config);
    String word = strategy == DeploymentStrategy.BLUE_GREEN ? "blue/green" : strategy.word();
    return word + " deployment (" + String.join(", ", parts) + (hooks.isEmpty() ? "" : "; " + hooks) + ")";
  }

  /**
   * How a Managed Daemon deployment rolls (ecs-runtime-integrations §7.4), from its
   * DaemonDeploymentConfiguration: "rolls instances 25% at a time, bake 5m, rolls back on alarm
   * exporter-down". Without a drain percent ECS chooses how many instances drain at once; the bake
   * time defaults to 0.
   */
  public static String daemon(JsonNode config) {
    Double drain = number(config, "drainPercent");
    Integer bake = integer(config, "bakeTimeInMinutes");
    String text = drain == null ? "rolls instances as many at a time as ECS chooses"
        : "rolls instances " + percent(drain) + " at a time";
    text += bake == null || bake == 0 ? ", no bake" : ", bake " + duration(bake);
    JsonNode alarms = config == null ? null : config.path("alarms");
    if (alarms != null && alarms.path("enable").asBoolean(false) && !alarms.path("alarmNames").isEmpty()) {
      List<String> names = new ArrayList<>();
      alarms.path("alarmNames").forEach(n -> names.add(n.asText()));
      text += ", rolls back on alarm " + String.join(", ", names);
    }
    return text;
  }

  /** "lambda at post_scale_up; pause at post_test_traffic_shift (2h, then rollback)". */
  private static String hooks(JsonNode config) {
    List<String> out = new ArrayList<>();
    for (JsonNode hook : config.path("lifecycleHooks")) {
      List<String> stages = new ArrayList<>();
      hook.path("lifecycleStages").forEach(s -> stages.add(s.asText().toLowerCase(java.util.Locale.ROOT)));
      boolean pause = "PAUSE".equals(hook.path("targetType").asText());
      String text = (pause ? "pause" : "lambda " + functionName(hook.path("hookTargetArn").asText(""))) + " at "
          + String.join(", ", stages);
      if (pause) {
        JsonNode timeout = hook.path("timeoutConfiguration");
        int minutes = timeout.path("timeoutInMinutes").asInt(TrafficShift.DEFAULT_HOOK_TIMEOUT_MINUTES);
        String action = timeout.path("action").asText(TrafficShift.DEFAULT_HOOK_TIMEOUT_ACTION).toLowerCase(java.util.Locale.ROOT);
        text += " (up to " + duration(minutes) + ", then " + action + ")";
      }
      out.add(text);
    }
    return String.join("; ", out);
  }

  private static String functionName(String arn) {
    String[] parts = arn.split(":");
    return parts.length >= 7 && parts[5].equals("function") ? parts[6] : arn;
  }

  /** Minutes as people say them: 5m, 2h, 1h30m, 0m. */
  static String duration(int minutes) {
    if (minutes >= 60 && minutes % 60 == 0) {
      return minutes / 60 + "h";
    }
    return minutes > 60 ? minutes / 60 + "h" + minutes % 60 + "m" : minutes + "m";
  }

  private static String percent(double p) {
    return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
  }

  private static Double number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode v = node == null || field == null ? null : node.get(field);
    return v != null && v.isNumber() ? v.asInt() : null;
  }
}
