package io.ecsl.runtime.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.Metric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored Application Auto Scaling documents (PutScalingPolicy, PutScheduledAction) read into the
 * autoscaler's terms, with the API's defaults (cooldowns 300 s, §9.2), and the reasons a policy the
 * runtime stores cannot act.
 */
public final class Policies {
  static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

  private Policies() {}

  /** The policy, or null for a type the runtime does not evaluate ({@link #inert} says why). */
  public static ScalingPolicy of(JsonNode policy, Alarm stepAlarm) {
    String name = Json.text(policy, "PolicyName");
    switch (Json.text(policy, "PolicyType", "StepScaling")) {
      case "TargetTrackingScaling" -> {
        JsonNode config = policy.path("TargetTrackingScalingPolicyConfiguration");
        String high = null;
        String low = null;
        for (JsonNode alarm : Json.list(policy, "Alarms")) {
          String alarmName = Json.text(alarm, "AlarmName", "");
          if (alarmName.contains("-AlarmHigh-")) {
            high = alarmName;
          } else if (alarmName.contains("-AlarmLow-")) {
            low = alarmName;
          }
        }
        return new ScalingPolicy.TargetTracking(name, metric(config), describeMetric(config),
            config.path("TargetValue").asDouble(), seconds(config, "ScaleOutCooldown"),
            seconds(config, "ScaleInCooldown"), Json.bool(config, "DisableScaleIn", false), high, low);
      }
      case "StepScaling" -> {
        JsonNode config = policy.path("StepScalingPolicyConfiguration");
        List<ScalingPolicy.Step> steps = new ArrayList<>();
        for (JsonNode step : Json.list(config, "StepAdjustments")) {
          steps.add(new ScalingPolicy.Step(number(step, "MetricIntervalLowerBound"),
              number(step, "MetricIntervalUpperBound"), Json.integer(step, "ScalingAdjustment", 0)));
        }
        return new ScalingPolicy.StepScaling(name, Json.text(config, "AdjustmentType"), steps,
            Json.integer(config, "MinAdjustmentMagnitude"), seconds(config, "Cooldown"),
            Json.text(config, "MetricAggregationType"), stepAlarm);
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * Why the stored policy cannot act on the local runtime, or null when it can: the metric the
   * runtime does not measure, a step policy no alarm invokes, predictive scaling.
   */
  public static String inert(JsonNode policy, Alarm stepAlarm) {
    String name = Json.text(policy, "PolicyName");
    return switch (Json.text(policy, "PolicyType", "StepScaling")) {
      case "TargetTrackingScaling" -> {
        JsonNode config = policy.path("TargetTrackingScalingPolicyConfiguration");
        yield metric(config) == null ? "policy " + name + " tracks " + describeMetric(config)
            + ", which the local runtime does not measure (it measures the services' CPU and memory utilization"
            + " and its load balancers' requests per target)"
            : null;
      }
      case "StepScaling" -> stepAlarm == null ? "step scaling policy " + name + " has no CloudWatch alarm that"
          + " invokes it, so it never acts (on AWS either)" : null;
      default -> "policy " + name + " is " + Json.text(policy, "PolicyType")
          + ", which the local runtime does not evaluate";
    };
  }

  private static Metric metric(JsonNode config) {
    JsonNode predefined = config.get("PredefinedMetricSpecification");
    if (predefined != null) {
      return Metric.named(Json.text(predefined, "PredefinedMetricType"));
    }
    JsonNode custom = config.get("CustomizedMetricSpecification");
    if (custom != null && "AWS/ECS".equals(Json.text(custom, "Namespace"))
        && "Average".equals(Json.text(custom, "Statistic", "Average"))) {
      Metric metric = Metric.named(Json.text(custom, "MetricName"));
      return metric != null && !metric.perTargetGroup() ? metric : null;
    }
    if (custom != null && "AWS/ApplicationELB".equals(Json.text(custom, "Namespace"))
        && "RequestCountPerTarget".equals(Json.text(custom, "MetricName"))
        && "Sum".equals(Json.text(custom, "Statistic"))) {
      return Metric.REQUEST_COUNT_PER_TARGET;
    }
    return null;
  }

  private static String describeMetric(JsonNode config) {
    JsonNode predefined = config.get("PredefinedMetricSpecification");
    if (predefined != null) {
      return Json.text(predefined, "PredefinedMetricType");
    }
    JsonNode custom = config.path("CustomizedMetricSpecification");
    return Json.text(custom, "Namespace", "a customized metric") + " " + Json.text(custom, "MetricName", "");
  }

  private static Duration seconds(JsonNode config, String field) {
    Integer value = Json.integer(config, field);
    return value == null ? DEFAULT_COOLDOWN : Duration.ofSeconds(value);
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }
}
