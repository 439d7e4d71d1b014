package io.ecsl.runtime.deployments;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How long the runtime's deployments take where AWS leaves the runtime to choose (**EMU**,
 * docs/runtime-model.md): the length of a configured "minute" (bake times and hook timeouts are in
 * minutes; rehearsals and tests shorten it), and what a Lambda lifecycle hook does, since no Lambda
 * runs locally: it succeeds after {@code lambdaDelay}, unless its function ARN is one of
 * {@code failingLambdas}, when it fails after the same delay (to rehearse a rollback).
 */
public record DeploymentTiming(Duration minute, Duration lambdaDelay, Set<String> failingLambdas) {
  public static final String MINUTE = "ECSL_RUNTIME_DEPLOYMENT_MINUTE";
  public static final String LAMBDA_DELAY = "ECSL_RUNTIME_LAMBDA_HOOK_DELAY";
  public static final String FAILING_LAMBDAS = "ECSL_RUNTIME_FAILING_LAMBDA_HOOKS";
  public static final DeploymentTiming DEFAULT = new DeploymentTiming(Duration.ofMinutes(1), Duration.ofSeconds(5),
      Set.of());

  public DeploymentTiming {
    failingLambdas = Set.copyOf(failingLambdas);
  }

  /**
   * From {@value #MINUTE} (seconds a minute lasts), {@value #LAMBDA_DELAY} (seconds) and
   * {@value #FAILING_LAMBDAS} (comma-separated function ARNs).
   *
   * @throws IllegalArgumentException naming the variable and what it takes
   */
  public static DeploymentTiming fromEnvironment(Map<String, String> env) {
    Duration minute = seconds(env, MINUTE, DEFAULT.minute(), 1);
    Duration delay = seconds(env, LAMBDA_DELAY, DEFAULT.lambdaDelay(), 0);
    String failing = env.getOrDefault(FAILING_LAMBDAS, "");
    Set<String> arns = new java.util.LinkedHashSet<>();
    for (String arn : failing.split(",")) {
      if (!arn.isBlank()) {
        arns.add(arn.trim());
      }
    }
    return new DeploymentTiming(minute, delay, arns);
  }

  private static Duration seconds(Map<String, String> env, String name, Duration fallback, int least) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String digits = value.trim().endsWith("s") ? value.trim().substring(0, value.trim().length() - 1) : value.trim();
    if (!digits.matches("\\d{1,6}") || Integer.parseInt(digits) < least) {
      throw new IllegalArgumentException(name + " must be a number of seconds (" + least + " or more), e.g. 2 or 2s;"
          + " got `" + value + "`");
    }
    return Duration.ofSeconds(Integer.parseInt(digits));
  }

  /** {@code minutes} configured minutes. */
  public Duration minutes(long minutes) {
    return minute.multipliedBy(minutes);
  }
}
