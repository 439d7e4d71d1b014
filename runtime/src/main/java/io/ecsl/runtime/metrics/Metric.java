package io.ecsl.runtime.metrics;

/**
 * The metrics the runtime measures: the ECS service metrics (namespace {@code AWS/ECS}, per cluster
 * and service, averaged) and the Application Load Balancer's requests per target (namespace
 * {@code AWS/ApplicationELB}, per target group, summed over the period), the metrics target tracking
 * scales ECS services on.
 */
public enum Metric {
  CPU_UTILIZATION("CPUUtilization", "Average"),
  MEMORY_UTILIZATION("MemoryUtilization", "Average"),
  /** Requests the target group received in the period, over its healthy targets (CloudWatch's RequestCountPerTarget). */
  REQUEST_COUNT_PER_TARGET("RequestCountPerTarget", "Sum");

  private final String cloudWatchName;
  private final String statistic;

  Metric(String cloudWatchName, String statistic) {
    this.cloudWatchName = cloudWatchName;
    this.statistic = statistic;
  }

  /** The metric's name in CloudWatch. */
  public String cloudWatchName() {
    return cloudWatchName;
  }

  /**
   * The statistic target tracking's alarms read: ECS utilization is an average; requests per target
   * are counted, so the period's sum (ALBRequestCountPerTarget's statistic is Sum).
   */
  public String statistic() {
    return statistic;
  }

  /** Measured per target group rather than per service. */
  public boolean perTargetGroup() {
    return this == REQUEST_COUNT_PER_TARGET;
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
      case "RequestCountPerTarget", "ALBRequestCountPerTarget" -> REQUEST_COUNT_PER_TARGET;
      default -> null;
    };
  }
}
