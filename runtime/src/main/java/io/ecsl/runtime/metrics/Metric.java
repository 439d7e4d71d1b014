package io.ecsl.runtime.metrics;

/** The ECS service metrics the runtime measures (namespace {@code AWS/ECS}, per cluster and service). */
public enum Metric {
  CPU_UTILIZATION("CPUUtilization"),
  MEMORY_UTILIZATION("MemoryUtilization");

  private final String cloudWatchName;

  Metric(String cloudWatchName) {
    this.cloudWatchName = cloudWatchName;
  }

  /** The metric's name in CloudWatch. */
  public String cloudWatchName() {
    return cloudWatchName;
  }

  /** The metric a CloudWatch metric name or a predefined metric type stands for, or null. */
  public static Metric named(String name) {
    if (name == null) {
      return null;
    }
    return switch (name) {
      case "CPUUtilization", "ECSServiceAverageCPUUtilization", "ECSServiceAverageCPUUtilizationHighResolution" ->
          CPU_UTILIZATION;
      case "MemoryUtilization", "ECSServiceAverageMemoryUtilization",
          "ECSServiceAverageMemoryUtilizationHighResolution" -> MEMORY_UTILIZATION;
      default -> null;
    };
  }
}
