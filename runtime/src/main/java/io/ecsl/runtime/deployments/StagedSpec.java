package io.ecsl.runtime.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.facts.deployment.TrafficShift;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service's deployment configuration asks of a BLUE_GREEN, LINEAR or CANARY deployment
 * (integrations §1.1): the production traffic steps (from {@link TrafficShift#steps}, the one
 * table the plan prints too), the bake time after the last shift, and the lifecycle hooks.
 */
public record StagedSpec(DeploymentStrategy strategy, List<TrafficShift.Step> steps, int bakeMinutes,
    List<Hook> hooks) {

  public StagedSpec {
    steps = List.copyOf(steps);
    hooks = List.copyOf(hooks);
  }

  /** A configured lifecycle hook. */
  public record Hook(String targetType, String targetArn, List<String> stages, int timeoutMinutes,
      String timeoutAction) {
    public static final String PAUSE = "PAUSE";
    public static final String AWS_LAMBDA = "AWS_LAMBDA";
  }

  /** The spec of a stored {@code deploymentConfiguration}; null for ROLLING (or no strategy). */
  public static StagedSpec of(JsonNode config) {
    if (config == null) {
      return null;
    }
    DeploymentStrategy strategy = DeploymentStrategy.of(config.path("strategy").asText(null));
    if (strategy == null || !strategy.shiftsTraffic()) {
      return null;
    }
    Double percent = null;
    Integer stepBake = null;
    if (strategy.configurationMember() != null) {
      JsonNode own = config.path(strategy.configurationMember());
      String percentMember = strategy == DeploymentStrategy.LINEAR ? "stepPercent" : "canaryPercent";
      percent = own.hasNonNull(percentMember) ? own.get(percentMember).asDouble() : null;
      stepBake = own.hasNonNull(strategy.stepBakeMember()) ? own.get(strategy.stepBakeMember()).asInt() : null;
    }
    List<Hook> hooks = new ArrayList<>();
    for (JsonNode hook : config.path("lifecycleHooks")) {
      List<String> stages = new ArrayList<>();
      hook.path("lifecycleStages").forEach(s -> stages.add(s.asText()));
      JsonNode timeout = hook.path("timeoutConfiguration");
      hooks.add(new Hook(hook.path("targetType").asText(Hook.AWS_LAMBDA), hook.path("hookTargetArn").asText(null),
          List.copyOf(stages),
          timeout.path("timeoutInMinutes").asInt(TrafficShift.DEFAULT_HOOK_TIMEOUT_MINUTES),
          timeout.path("action").asText(TrafficShift.DEFAULT_HOOK_TIMEOUT_ACTION)));
    }
    return new StagedSpec(strategy, TrafficShift.steps(strategy, percent, stepBake),
        config.path("bakeTimeInMinutes").asInt(0), hooks);
  }
}
