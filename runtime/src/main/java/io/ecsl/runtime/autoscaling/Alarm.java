package io.ecsl.runtime.autoscaling;

import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A CloudWatch metric alarm on one of the service's metrics, evaluated as CloudWatch evaluates it:
 * ALARM when at least {@code datapointsToAlarm} of the last {@code evaluationPeriods} periods breach
 * the threshold, OK when fewer do and every period has data, INSUFFICIENT_DATA otherwise (missing
 * data is treated as missing, CloudWatch's default).
 */
public record Alarm(String name, Metric metric, String statistic, int evaluationPeriods, int datapointsToAlarm,
    double threshold, String comparison) {

  public static final String OK = "OK";
  public static final String ALARM = "ALARM";
  public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

  /** The datapoints of the last {@code evaluationPeriods} periods before {@code now} (missing ones left out). */
  public List<Datapoint> window(List<Datapoint> datapoints, Duration period, Instant now) {
    Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period.toMillis()) * period.toMillis());
    Instant from = end.minus(period.multipliedBy(evaluationPeriods));
    return datapoints.stream().filter(d -> !d.start().isBefore(from) && d.start().isBefore(end)).toList();
  }

  public String state(List<Datapoint> window) {
    long breaching = window.stream().filter(d -> breaches(d.statistic(statistic))).count();
    if (breaching >= datapointsToAlarm) {
      return ALARM;
    }
    return window.size() >= evaluationPeriods ? OK : INSUFFICIENT_DATA;
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
