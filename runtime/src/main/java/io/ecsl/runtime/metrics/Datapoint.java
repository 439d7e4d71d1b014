package io.ecsl.runtime.metrics;

import java.time.Instant;

/**
 * One period of a metric, as CloudWatch aggregates it: the statistics of the samples taken in
 * [{@code start}, {@code start} + period).
 */
public record Datapoint(Instant start, double average, double minimum, double maximum, int samples) {

  /** The named CloudWatch statistic ({@code Average}, {@code Minimum}, {@code Maximum}, {@code SampleCount}, {@code Sum}). */
  public double statistic(String name) {
    return switch (name == null ? "Average" : name) {
      case "Sum" -> average * samples;
      case "Minimum" -> minimum;
      case "Maximum" -> maximum;
      case "SampleCount" -> samples;
      default -> average;
    };
  }
}
