package io.ecsl.runtime.autoscaling;

import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A CloudWatch metric alarm on one of the service's metrics, evaluated as CloudWatch evaluates it
 * with missing data treated as missing (the default): CloudWatch reads an evaluation range longer
 * than {@code evaluationPeriods} and judges the most recent {@code evaluationPeriods} datapoints
 * that exist in it; ALARM when at least {@code datapointsToAlarm} of them breach the threshold,
 * INSUFFICIENT_DATA when the whole range is missing, OK otherwise. So a period without a reading
 * (a busy container engine answered late) delays an alarm rather than keeping it out of ALARM.
 */
public record Alarm(String name, Metric metric, String statistic, int evaluationPeriods, int datapointsToAlarm,
    double threshold, String comparison) {

  public static final String OK = "OK";
  public static final String ALARM = "ALARM";
  public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

  /**
   * **EMU** how many periods beyond {@code evaluationPeriods} the evaluation range reaches back:
   * AWS documents that it depends on the period, and its worked example (3 of 3) reads 5.
   */
  static final int EXTRA_RANGE_PERIODS = 2;

  /**
   * The datapoints the alarm judges at {@code now}: the most recent {@code evaluationPeriods} of
   * the complete periods in the evaluation range, oldest first (missing periods are skipped).
   */
  public List<Datapoint> window(List<Datapoint> datapoints, Duration period, Instant now) {
    Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period.toMillis()) * period.toMillis());
    Instant from = end.minus(period.multipliedBy(evaluationPeriods + EXTRA_RANGE_PERIODS));
    List<Datapoint> inRange = datapoints.stream()
        .filter(d -> !d.start().isBefore(from) && d.start().isBefore(end))
        .sorted(java.util.Comparator.comparing(Datapoint::start))
        .toList();
    return inRange.subList(Math.max(0, inRange.size() - evaluationPeriods), inRange.size());
  }

  public String state(List<Datapoint> window) {
    long breaching = window.stream().filter(d -> breaches(d.statistic(statistic))).count();
    if (breaching >= datapointsToAlarm) {
      return ALARM;
    }
    return window.isEmpty() ? INSUFFICIENT_DATA : OK;
  }

  boolean breaches(double value) {
    return switch (comparison) {
      case "GreaterThanOrEqualToThreshold" -> value >= threshold;
      case "GreaterThanThreshold" -> value > threshold;
      case "LessThanThreshold" -> value < threshold;
      case "LessThanOrEqualToThreshold" -> value <= threshold;
      default -> false;
    };
  }
}
