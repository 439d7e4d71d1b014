package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.TrafficShift;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Follows one service deployment (a DescribeServiceDeployments {@code serviceDeployments[]}
 * element) through its stages, as a pure function of the previous observation and the next
 * snapshot: what changed becomes a line to print (a new stage, the new revision's share of
 * production or test traffic, a PAUSE hook awaiting {@code ecsl deploy continue}), and the
 * deployment's status decides whether to keep waiting, stop because it succeeded, or fail fast
 * (a rollback, with ECS's reason). Polling and printing stay with the caller, so the logic is
 * tested over a sequence of snapshots without an endpoint (moto has no service deployments).
 */
public final class DeploymentFollower {
  /** What the deployment has come to. */
  public enum Outcome { IN_PROGRESS, SUCCEEDED, FAILED }

  /** What was last seen, to print only what changed. */
  public record Seen(String stage, double production, double test, Set<String> awaiting) {
    public static final Seen NOTHING = new Seen(null, -1, -1, Set.of());
  }

  /** One observation: the lines to print, where the deployment stands, and what to remember. */
  public record Observation(List<String> lines, Outcome outcome, String failure, Seen seen) {}

  private static final Set<String> FAILED = Set.of("ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL",
      "ROLLBACK_FAILED", "STOP_REQUESTED", "STOPPED");

  /** Stages that follow the production traffic shift. */
  private static final Set<String> AFTER_SHIFT = Set.of("POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP");

  private DeploymentFollower() {}

  /**
   * @param testRoute whether the service has a route for test traffic (a load balancer's test
   *     listener rule, or Service Connect's test traffic rules): the share of test traffic is
   *     printed only then, since without one there is no test traffic to speak of.
   */
  public static Observation observe(Seen seen, JsonNode deployment, boolean testRoute) {
    List<String> lines = new ArrayList<>();
    String status = deployment.path("status").asText("PENDING");
    String stage = deployment.path("lifecycleStage").asText(null);
    JsonNode target = deployment.path("targetServiceRevision");
    double production = target.path("requestedProductionTrafficWeight").asDouble(-1);
    double test = target.path("requestedTestTrafficWeight").asDouble(-1);
    List<String> traffic = new ArrayList<>();
    if (testRoute && test >= 0 && test != seen.test() && !(seen.test() < 0 && test == 0)) {
      traffic.add("test traffic: " + percent(test) + " to the new revision");
    }
    if (production >= 0 && production != seen.production() && !(seen.production() < 0 && production == 0)) {
      traffic.add(productionLine(production, deployment.path("deploymentConfiguration")));
    }
    if (stage != null && !stage.equals(seen.stage())) {
      // Between two polls traffic moved and then the stage changed, or the other way round: a
      // stage after the shift comes after it, so "100 %" is never printed after "clean up".
      if (AFTER_SHIFT.contains(stage)) {
        lines.addAll(traffic);
        traffic.clear();
      }
      lines.add(stageLine(stage, target, deployment.path("deploymentConfiguration")));
    }
    lines.addAll(traffic);
    Set<String> awaiting = new java.util.LinkedHashSet<>();
    for (JsonNode hook : deployment.path("lifecycleHookDetails")) {
      if ("AWAITING_ACTION".equals(hook.path("status").asText())) {
        String id = hook.path("hookId").asText();
        awaiting.add(id);
        if (!seen.awaiting().contains(id)) {
          lines.add("paused" + (stage == null ? "" : " at " + stage.toLowerCase(Locale.ROOT)) + " (hook " + id + "): "
              + "`ecsl deploy continue" + which(deployment) + "` goes on, `ecsl deploy stop" + which(deployment)
              + "` rolls back; after " + when(hook.path("expiresAt"))
              + " ECS will " + hook.path("timeoutAction").asText("ROLLBACK").toLowerCase(Locale.ROOT));
        }
      }
    }
    Seen next = new Seen(stage, production, test, Set.copyOf(awaiting));
    if (status.equals("SUCCESSFUL")) {
      lines.add("deployment successful");
      return new Observation(lines, Outcome.SUCCEEDED, null, next);
    }
    if (FAILED.contains(status)) {
      return new Observation(lines, Outcome.FAILED, failure(deployment, status), next);
    }
    return new Observation(lines, Outcome.IN_PROGRESS, null, next);
  }

  /**
   * Whether a described service (DescribeServices) has a route for test traffic: a load
   * balancer's {@code testListenerRule}, or Service Connect, whose clients send requests matching
   * its test traffic rules (by default the {@code x-amzn-ecs-blue-green-test} header) to the new
   * revision.
   */
  public static boolean hasTestRoute(JsonNode service) {
    for (JsonNode lb : service.path("loadBalancers")) {
      if (!lb.path("advancedConfiguration").path("testListenerRule").asText("").isEmpty()) {
        return true;
      }
    }
    return service.path("serviceConnectConfiguration").path("enabled").asBoolean(false)
        || hasServiceConnectDeployment(service);
  }

  /** DescribeServices puts Service Connect on the deployments, not on the service. */
  private static boolean hasServiceConnectDeployment(JsonNode service) {
    for (JsonNode d : service.path("deployments")) {
      if (d.path("serviceConnectConfiguration").path("enabled").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /** A timestamp as the SDK gives it (epoch seconds) or as text, in ISO form. */
  private static String when(JsonNode at) {
    if (at.isNumber()) {
      return java.time.Instant.ofEpochMilli(Math.round(at.asDouble() * 1000)).toString();
    }
    return at.asText("its timeout");
  }

  /** The arguments that name the deployment's service for {@code ecsl deploy}, when the snapshot says. */
  private static String which(JsonNode deployment) {
    String service = deployment.path("serviceArn").asText("");
    String cluster = deployment.path("clusterArn").asText("");
    if (service.isEmpty()) {
      return "";
    }
    return " " + service.substring(service.lastIndexOf('/') + 1)
        + (cluster.isEmpty() ? "" : " --cluster " + cluster.substring(cluster.lastIndexOf('/') + 1));
  }

  /**
   * The new revision's share of production traffic; a share short of all of it bakes before the
   * next shift (the canary's bake, or a linear step's), which is said with it.
   */
  private static String productionLine(double production, JsonNode config) {
    String line = "production traffic: " + percent(production) + " to the new revision";
    if (production <= 0 || production >= 100) {
      return line;
    }
    JsonNode bake = switch (config.path("strategy").asText("")) {
      case "CANARY" -> config.path("canaryConfiguration").path("canaryBakeTimeInMinutes");
      case "LINEAR" -> config.path("linearConfiguration").path("stepBakeTimeInMinutes");
      default -> null;
    };
    if (bake == null) {
      return line;
    }
    int minutes = bake.isNumber() ? bake.asInt()
        : config.path("strategy").asText().equals("CANARY") ? TrafficShift.DEFAULT_CANARY_BAKE_MINUTES
        : TrafficShift.DEFAULT_STEP_BAKE_MINUTES;
    return line + "; it bakes " + minutes + "m before the next shift";
  }

  private static String stageLine(String stage, JsonNode target, JsonNode config) {
    String word = stage.toLowerCase(Locale.ROOT).replace('_', ' ');
    return switch (stage) {
      case "SCALE_UP" -> "scale up: the new revision starts " + target.path("requestedTaskCount").asInt() + " tasks ("
          + target.path("runningTaskCount").asInt() + " running)";
      case "BAKE_TIME" -> "bake time: both revisions run" + (config.path("bakeTimeInMinutes").isNumber()
          ? " for " + config.path("bakeTimeInMinutes").asInt() + "m" : "") + "; the old one stops when it ends";
      case "CLEAN_UP" -> "clean up: the old revision stops";
      default -> word;
    };
  }

  /** Why a deployment failed: the rollback's reason, else ECS's status reason. */
  private static String failure(JsonNode deployment, String status) {
    String reason = deployment.path("rollback").path("reason").asText("");
    if (reason.isEmpty()) {
      reason = deployment.path("statusReason").asText("");
    }
    String what = status.startsWith("ROLLBACK") ? "rolled back (" + status + ")" : "stopped (" + status + ")";
    return "the deployment " + what + (reason.isEmpty() ? "" : ": " + reason);
  }

  private static String percent(double p) {
    return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
  }
}
