package io.ecsl.runtime.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.runtime.json.Json;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether a task definition can run the way a launch asks: its {@code compatibilities} (what
 * RegisterTaskDefinition found it fit for) must include the launch type, or the kind of every
 * capacity provider of the strategy (FARGATE for FARGATE and FARGATE_SPOT, MANAGED_INSTANCES for a
 * Managed Instances provider, EC2 for an Auto Scaling group).
 */
public final class LaunchCompatibility {
  private LaunchCompatibility() {}

  /** ECS's refusal, or empty when the task definition fits. */
  public static Optional<String> problem(JsonNode taskDefinition, String launchType, JsonNode strategy,
      Predicate<String> managedInstances) {
    if (launchType != null) {
      return check(taskDefinition, launchType);
    }
    if (strategy == null || strategy.isNull()) {
      return check(taskDefinition, "EC2");
    }
    for (JsonNode item : strategy) {
      String provider = Json.text(item, "capacityProvider");
      Optional<String> problem = check(taskDefinition,
          FargateProviders.is(provider) ? "FARGATE" : managedInstances.test(provider) ? "MANAGED_INSTANCES" : "EC2");
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> check(JsonNode taskDefinition, String launchType) {
    if (Json.strings(taskDefinition, "compatibilities").contains(launchType)) {
      return Optional.empty();
    }
    return Optional.of("Task definition does not support launch_type " + launchType + ".");
  }
}
