package io.ecsl.runtime.autoscaling;

import io.ecsl.runtime.metrics.Metric;
import java.time.Duration;
import java.util.List;

/** A scaling policy of a target, in the terms the autoscaler evaluates (§9.2). */
public sealed interface ScalingPolicy {
  String name();

  /**
   * Target tracking: keep {@code metric} at {@code targetValue}. {@code metric} is null when the
   * runtime does not measure the policy's metric (ALBRequestCountPerTarget without load balancers, a
   * customized metric it does not publish): such a policy never acts, and says so.
   * {@code alarmHigh}/{@code alarmLow} name the alarms the policy's activities cite.
   */
  record TargetTracking(String name, Metric metric, String metricDescription, double targetValue,
      Duration scaleOutCooldown, Duration scaleInCooldown, boolean disableScaleIn, String alarmHigh,
      String alarmLow) implements ScalingPolicy {}

  /** Step scaling, driven by {@code alarm} (null when no alarm invokes it: it never acts). */
  record StepScaling(String name, String adjustmentType, List<Step> steps, Integer minAdjustmentMagnitude,
      Duration cooldown, String aggregation, Alarm alarm) implements ScalingPolicy {}

  /** A step: the adjustment for breaches in [lower, upper) above the alarm's threshold (null: unbounded). */
  record Step(Double lower, Double upper, int adjustment) {
    boolean contains(double delta) {
      return (lower == null || delta >= lower) && (upper == null || delta < upper);
    }
  }
}
