package io.ecsl.runtime.scheduler;

/**
 * The arithmetic of rolling deployments and the circuit breaker, exactly as ECS rounds it
 * (ECS semantics §3.3, §3.4).
 */
public final class DeploymentMath {
  /** Circuit breaker threshold bounds (current API docs: at least 3, at most 200). */
  static final int MIN_THRESHOLD = 3;
  static final int MAX_THRESHOLD = 200;

  private DeploymentMath() {}

  /** The fewest tasks that must stay RUNNING and healthy: {@code ceil(desired × min% / 100)}. */
  public static int minimumHealthy(int desiredCount, int minimumHealthyPercent) {
    return (int) Math.ceil(desiredCount * (double) minimumHealthyPercent / 100.0);
  }

  /** The most tasks that may run or be pending at once: {@code floor(desired × max% / 100)}. */
  public static int maximumTasks(int desiredCount, int maximumPercent) {
    return (int) Math.floor(desiredCount * (double) maximumPercent / 100.0);
  }

  /**
   * How many failed tasks fail a deployment. Default (no threshold configuration) and
   * BOUNDED_PERCENT: {@code value}% of the desired count rounded up, clamped to [3, 200] (default
   * value 50). COUNT: the value itself. UNBOUNDED_PERCENT: the percentage without the clamp.
   */
  public static int circuitBreakerThreshold(int desiredCount, String type, Integer value) {
    String kind = type == null ? "BOUNDED_PERCENT" : type;
    int percent = value == null ? 50 : value;
    return switch (kind) {
      case "COUNT" -> Math.max(1, percent);
      case "UNBOUNDED_PERCENT" -> Math.max(1, (int) Math.ceil(desiredCount * percent / 100.0));
      default -> Math.min(MAX_THRESHOLD,
          Math.max(MIN_THRESHOLD, (int) Math.ceil(desiredCount * percent / 100.0)));
    };
  }
}
