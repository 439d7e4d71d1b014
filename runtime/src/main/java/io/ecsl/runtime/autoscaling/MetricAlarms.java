package io.ecsl.runtime.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.Metric;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudWatch metric alarms (PutMetricAlarm's documents) on the metrics the runtime measures, read
 * into the autoscaler's {@link Alarm} and judged as CloudWatch judges them. Pure: the alarm's
 * document, its metric's datapoints and the time in; a state and CloudWatch's kind of reason out.
 */
public final class MetricAlarms {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private MetricAlarms() {}

  /**
   * An alarm on a metric the runtime measures: a service's {@code AWS/ECS} CPU or memory
   * utilization (dimensions ClusterName and ServiceName), or a target group's
   * {@code AWS/ApplicationELB} RequestCountPerTarget (dimension TargetGroup, {@code targetgroup/NAME/ID}).
   *
   * @param treatMissingData missing (the default), notBreaching, breaching or ignore
   */
  public record Watched(Alarm alarm, String clusterName, String serviceName, String targetGroup,
      String treatMissingData) {

    /** True when it watches {@code service} of the cluster named {@code clusterName}. */
    public boolean watchesService(String clusterName, String serviceName) {
      return clusterName.equals(this.clusterName) && serviceName.equals(this.serviceName);
    }
  }

  /** A state an evaluation reached, with its reason. */
  public record Judgement(String state, String reason) {}

  /** What the alarm watches, or null when the runtime does not measure it (its state is then set by hand). */
  public static Watched of(JsonNode alarm) {
    if (!alarm.path("Metrics").isEmpty() || alarm.hasNonNull("ExtendedStatistic")) {
      return null; // metric math and percentiles: not measured here
    }
    String namespace = Json.text(alarm, "Namespace", "");
    String name = Json.text(alarm, "MetricName", "");
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (JsonNode d : Json.list(alarm, "Dimensions")) {
      dimensions.put(Json.text(d, "Name", ""), Json.text(d, "Value", ""));
    }
    Metric metric = null;
    if (namespace.equals("AWS/ECS") && (name.equals("CPUUtilization") || name.equals("MemoryUtilization"))
        && dimensions.keySet().equals(java.util.Set.of("ClusterName", "ServiceName"))) {
      metric = Metric.named(name);
    } else if (namespace.equals("AWS/ApplicationELB") && name.equals("RequestCountPerTarget")
        && dimensions.containsKey("TargetGroup")) {
      metric = Metric.REQUEST_COUNT_PER_TARGET;
    }
    String statistic = Json.text(alarm, "Statistic");
    Integer periods = Json.integer(alarm, "EvaluationPeriods");
    if (metric == null || statistic == null || periods == null || !alarm.hasNonNull("Threshold")) {
      return null;
    }
    Alarm judged = new Alarm(Json.text(alarm, "AlarmName"), metric, statistic, periods,
        Json.integer(alarm, "DatapointsToAlarm", periods), alarm.path("Threshold").asDouble(),
        Json.text(alarm, "ComparisonOperator", ""));
    return new Watched(judged, dimensions.get("ClusterName"), dimensions.get("ServiceName"),
        dimensions.get("TargetGroup"), Json.text(alarm, "TreatMissingData", "missing"));
  }

  /**
   * The state the alarm is in at {@code now} over {@code series} (its metric's datapoints, each a
   * {@code period} long); null when it keeps its state ({@code TreatMissingData: ignore} with no data).
   */
  public static Judgement judge(Watched watched, List<Datapoint> series, Duration period, Instant now) {
    Alarm alarm = watched.alarm();
    List<Datapoint> window = alarm.window(series, period, now);
    if (window.isEmpty()) {
      String none = "no datapoints were received for " + alarm.evaluationPeriods() + " period"
          + (alarm.evaluationPeriods() == 1 ? "" : "s");
      return switch (watched.treatMissingData()) {
        case "notBreaching" -> new Judgement(Alarm.OK, "Threshold Crossed: " + none + " (treated as not breaching).");
        case "breaching" -> new Judgement(Alarm.ALARM, "Threshold Crossed: " + none + " (treated as breaching).");
        case "ignore" -> null;
        default -> new Judgement(Alarm.INSUFFICIENT_DATA, "Insufficient Data: " + none + ".");
      };
    }
    String state = alarm.state(window);
    StringBuilder values = new StringBuilder();
    int breaching = 0;
    for (Datapoint d : window) {
      double value = d.statistic(alarm.statistic());
      breaching += alarm.breaches(value) ? 1 : 0;
      values.append(values.isEmpty() ? "" : ", ").append(number(value)).append(" (").append(WHEN.format(d.start()))
          .append(')');
    }
    String relation = switch (alarm.comparison()) {
      case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
      case "GreaterThanThreshold" -> "greater than";
      case "LessThanThreshold" -> "less than";
      case "LessThanOrEqualToThreshold" -> "less than or equal to";
      default -> "outside the band of";
    };
    String reason = Alarm.ALARM.equals(state)
        ? "Threshold Crossed: " + breaching + " out of the last " + window.size() + " datapoints [" + values + "] "
            + (breaching == 1 ? "was " : "were ") + relation + " the threshold (" + number(alarm.threshold())
            + ") (minimum " + alarm.datapointsToAlarm() + " datapoint" + (alarm.datapointsToAlarm() == 1 ? "" : "s")
            + " for OK -> ALARM transition)."
        : "Threshold Crossed: " + (window.size() - breaching) + " out of the last " + window.size() + " datapoints ["
            + values + "] " + (window.size() - breaching == 1 ? "was not " : "were not ") + relation
            + " the threshold (" + number(alarm.threshold()) + ").";
    return new Judgement(state, reason);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.1f", value)
        : String.format(Locale.ROOT, "%.4g", value);
  }
}
