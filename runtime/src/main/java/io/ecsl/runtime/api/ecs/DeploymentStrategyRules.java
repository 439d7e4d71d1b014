package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.facts.deployment.LifecycleStage;
import io.ecsl.facts.deployment.TrafficShift;
import io.ecsl.runtime.api.ApiException;

/**
 * What CreateService and UpdateService refuse in a deployment configuration's strategy, bake
 * times and lifecycle hooks (integrations §1.1, §1.7), with the ranges the compiler checks too
 * ({@code io.ecsl.facts.deployment}).
 */
final class DeploymentStrategyRules {
  private DeploymentStrategyRules() {}

  static void check(JsonNode config, boolean daemon) {
    String written = config.path("strategy").asText(null);
    DeploymentStrategy strategy = DeploymentStrategy.of(written);
    if (strategy == null) {
      throw ApiException.invalidParameter("deploymentConfiguration.strategy " + written + " is not one of ROLLING,"
          + " BLUE_GREEN, LINEAR, CANARY.");
    }
    if (daemon && strategy != DeploymentStrategy.ROLLING) {
      throw ApiException.invalidParameter("A DAEMON service deploys ROLLING; " + written + " needs a REPLICA service.");
    }
    if (strategy == DeploymentStrategy.BLUE_GREEN && !config.hasNonNull("bakeTimeInMinutes")) {
      throw ApiException.invalidParameter("deploymentConfiguration.bakeTimeInMinutes is required with the BLUE_GREEN"
          + " strategy (0 to 1440 minutes both revisions run after the shift).");
    }
    minutes(config, "bakeTimeInMinutes");
    for (DeploymentStrategy other : DeploymentStrategy.values()) {
      String member = other.configurationMember();
      if (member == null || !config.has(member)) {
        continue;
      }
      if (other != strategy) {
        throw ApiException.invalidParameter("deploymentConfiguration." + member + " is only valid with the "
            + other + " strategy; this one is " + strategy + ".");
      }
      JsonNode own = config.get(member);
      String percentMember = other == DeploymentStrategy.LINEAR ? "stepPercent" : "canaryPercent";
      if (own.hasNonNull(percentMember) && !TrafficShift.percentFits(other, own.get(percentMember).asDouble())) {
        throw ApiException.invalidParameter(member + "." + percentMember + " " + own.get(percentMember).asText()
            + " must be a multiple of 0.1 from " + TrafficShift.minPercent(other) + " to 100.");
      }
      minutes(own, other.stepBakeMember());
    }
    for (JsonNode hook : config.path("lifecycleHooks")) {
      hook(hook);
    }
  }

  private static void hook(JsonNode hook) {
    String type = hook.path("targetType").asText("AWS_LAMBDA");
    if (!type.equals("AWS_LAMBDA") && !type.equals("PAUSE")) {
      throw ApiException.invalidParameter("lifecycleHooks.targetType " + type + " is not AWS_LAMBDA or PAUSE.");
    }
    JsonNode stages = hook.path("lifecycleStages");
    if (!stages.isArray() || stages.isEmpty()) {
      throw ApiException.invalidParameter("A lifecycle hook needs lifecycleStages (one or more stages).");
    }
    for (JsonNode written : stages) {
      LifecycleStage stage = LifecycleStage.of(written.asText());
      if (stage == null) {
        throw ApiException.invalidParameter("lifecycleStages: " + written.asText() + " is not a lifecycle hook stage.");
      }
      if (type.equals("PAUSE") && !stage.pauseAllowed()) {
        throw ApiException.invalidParameter("A PAUSE hook cannot stop a deployment at " + stage
            + ", while traffic moves; use the stage before or after it.");
      }
    }
    if (type.equals("AWS_LAMBDA") && !hook.hasNonNull("hookTargetArn")) {
      throw ApiException.invalidParameter("An AWS_LAMBDA lifecycle hook needs hookTargetArn (the function's ARN).");
    }
    if (type.equals("PAUSE") && hook.hasNonNull("hookTargetArn")) {
      throw ApiException.invalidParameter("A PAUSE lifecycle hook takes no hookTargetArn.");
    }
    JsonNode timeout = hook.path("timeoutConfiguration").path("timeoutInMinutes");
    if (!timeout.isMissingNode() && (timeout.asInt() < TrafficShift.MIN_HOOK_TIMEOUT_MINUTES
        || timeout.asInt() > TrafficShift.MAX_HOOK_TIMEOUT_MINUTES)) {
      throw ApiException.invalidParameter("timeoutConfiguration.timeoutInMinutes " + timeout.asText() + " is out of"
          + " range; use " + TrafficShift.MIN_HOOK_TIMEOUT_MINUTES + " to " + TrafficShift.MAX_HOOK_TIMEOUT_MINUTES + ".");
    }
    String action = hook.path("timeoutConfiguration").path("action").asText("ROLLBACK");
    if (!action.equals("ROLLBACK") && !action.equals("CONTINUE")) {
      throw ApiException.invalidParameter("timeoutConfiguration.action " + action + " is not ROLLBACK or CONTINUE.");
    }
  }

  private static void minutes(JsonNode holder, String member) {
    if (member != null && holder.hasNonNull(member) && !TrafficShift.bakeFits(holder.get(member).asLong())) {
      throw ApiException.invalidParameter(member + " " + holder.get(member).asText() + " is out of range; use "
          + TrafficShift.MIN_BAKE_MINUTES + " to " + TrafficShift.MAX_BAKE_MINUTES + " minutes.");
    }
  }
}
