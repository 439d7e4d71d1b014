package io.ecsl.runtime.api.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.AwsService;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Alarms;
import io.ecsl.runtime.model.Arns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CloudWatch metric alarms subset ({@code GraniteServiceVersion20100801}): alarms created,
 * described, deleted, and their state set by hand with SetAlarmState, the way AWS's own
 * documentation tests an alarm-driven rollback. An alarm on a metric the runtime measures (a
 * service's CPU or memory utilization, a target group's requests per target) is evaluated on it
 * ({@code io.ecsl.runtime.autoscaling.AlarmEvaluation}); any other keeps the state it is set to
 * (**EMU**, docs/runtime-model.md). Deployments watch the alarms their
 * {@code deploymentConfiguration.alarms} names, and step scaling policies named in an alarm's
 * actions act when it is in ALARM.
 *
 * <p>Served in AWS JSON 1.0 ({@code X-Amz-Target}) and in Smithy RPC v2 CBOR, which the AWS CLI
 * and the newer SDKs use for CloudWatch ({@code io.ecsl.runtime.api.RpcV2Cbor}).
 */
public final class CloudWatchApi implements AwsService {
  public static final String TARGET_PREFIX = "GraniteServiceVersion20100801";
  private static final List<String> STATES = List.of(Alarms.OK, Alarms.ALARM, Alarms.INSUFFICIENT_DATA);
  private static final List<String> OPERATORS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
      "LessThanThreshold", "LessThanOrEqualToThreshold");
  /** Operators of anomaly detection alarms: the band a {@code ThresholdMetricId} model gives. */
  private static final List<String> BAND_OPERATORS = List.of("LessThanLowerOrGreaterThanUpperThreshold",
      "LessThanLowerThreshold", "GreaterThanUpperThreshold");
  private static final List<String> STATISTICS = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
  private static final List<String> MISSING_DATA = List.of("breaching", "notBreaching", "ignore", "missing");
  /** The members of a MetricAlarm that PutMetricAlarm copies as given. */
  private static final List<String> COPIED = List.of("AlarmDescription", "OKActions", "AlarmActions",
      "InsufficientDataActions", "MetricName", "Namespace", "Statistic", "ExtendedStatistic", "Dimensions", "Period",
      "Unit", "EvaluationPeriods", "DatapointsToAlarm", "Threshold", "ComparisonOperator", "TreatMissingData",
      "EvaluateLowSampleCountPercentile", "Metrics", "ThresholdMetricId");
  /** Response members that are timestamps (RPC v2 CBOR tags them as such). */
  private static final Set<String> TIMESTAMPS = Set.of("AlarmConfigurationUpdatedTimestamp", "StateUpdatedTimestamp",
      "StateTransitionedTimestamp");

  private final ControlPlane plane;
  private final RuntimeState state;

  public CloudWatchApi(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  @Override
  public String signingName() {
    return "monitoring";
  }

  @Override
  public String errorNamespace() {
    return "com.amazonaws.cloudwatch";
  }

  @Override
  public Set<String> timestampMembers() {
    return TIMESTAMPS;
  }

  @Override
  public boolean speaksCbor() {
    return true;
  }

  /**
   * CloudWatch is "AWS Query compatible": its errors are named by their shapes ({@code __type}) and
   * also carry the Query protocol's code in {@code x-amzn-query-error}, which the AWS CLI reports.
   */
  @Override
  public String queryErrorCode(String type) {
    return QUERY_CODES.getOrDefault(type, type);
  }

  private static final java.util.Map<String, String> QUERY_CODES = java.util.Map.of(
      "InvalidParameterValueException", "InvalidParameterValue",
      "InvalidParameterCombinationException", "InvalidParameterCombination",
      "MissingRequiredParameterException", "MissingParameter",
      "InvalidFormatFault", "InvalidFormat",
      "LimitExceededFault", "LimitExceeded");

  @Override
  public JsonNode call(String operation, JsonNode request, RequestContext context) {
    return switch (operation) {
      case "PutMetricAlarm" -> putMetricAlarm(request, context);
      case "DescribeAlarms" -> describeAlarms(request, context);
      case "SetAlarmState" -> setAlarmState(request, context);
      case "DeleteAlarms" -> deleteAlarms(request, context);
      default -> throw new ApiException("UnknownOperationException", "The ecsl runtime does not implement CloudWatch "
          + operation + "; it supports metric alarms (PutMetricAlarm, DescribeAlarms, SetAlarmState, DeleteAlarms),"
          + " which service deployments watch.");
    };
  }

  private JsonNode putMetricAlarm(JsonNode request, RequestContext context) {
    String name = alarmName(Requests.required(request, "AlarmName", "MissingRequiredParameterException"));
    Integer periods = Json.integer(request, "EvaluationPeriods");
    if (periods == null || periods < 1) {
      throw invalid("The parameter EvaluationPeriods is required and must be 1 or more.");
    }
    String operator = Requests.required(request, "ComparisonOperator", "MissingRequiredParameterException");
    boolean anomaly = request.hasNonNull("ThresholdMetricId");
    if (!OPERATORS.contains(operator) && !BAND_OPERATORS.contains(operator)) {
      throw invalid("Invalid ComparisonOperator '" + operator + "': use one of " + String.join(", ", OPERATORS)
          + " (or, for an anomaly detection alarm, " + String.join(", ", BAND_OPERATORS) + ").");
    }
    if (BAND_OPERATORS.contains(operator) != anomaly) {
      throw invalid(anomaly ? "An anomaly detection alarm (ThresholdMetricId) takes " + String.join(", ", BAND_OPERATORS)
          + "; got " + operator + "." : operator + " is for anomaly detection alarms: give Metrics with a"
          + " ThresholdMetricId, or use " + String.join(", ", OPERATORS) + " with a Threshold.");
    }
    if (!anomaly && !request.hasNonNull("Threshold")) {
      throw missing("Threshold", "the value the statistic is compared with");
    }
    String missingData = Json.text(request, "TreatMissingData");
    if (missingData != null && !MISSING_DATA.contains(missingData)) {
      throw invalid("Invalid TreatMissingData '" + missingData + "': use one of " + String.join(", ", MISSING_DATA)
          + ".");
    }
    Integer period = Json.integer(request, "Period");
    if (period != null && !(period == 10 || period == 20 || period == 30 || period > 0 && period % 60 == 0)) {
      throw invalid("The parameter Period must be 10, 20, 30 or a multiple of 60; got " + period + ".");
    }
    if (period != null && (long) period * periods > (period < 3600 ? 86_400 : 604_800)) {
      throw invalid("EvaluationPeriods x Period is " + (long) period * periods + " seconds: an alarm evaluates at"
          + " most one day of data (seven days when Period is an hour or more).");
    }
    Integer datapoints = Json.integer(request, "DatapointsToAlarm");
    if (datapoints != null && (datapoints < 1 || datapoints > periods)) {
      throw invalid("DatapointsToAlarm must be between 1 and EvaluationPeriods (" + periods + "); got " + datapoints
          + ".");
    }
    boolean named = request.hasNonNull("MetricName");
    boolean math = request.hasNonNull("Metrics") && !request.path("Metrics").isEmpty();
    if (named == math) {
      throw new ApiException("InvalidParameterCombinationException", named
          ? "Give either MetricName (with Namespace, Period and a statistic) or Metrics, not both."
          : "Either MetricName (with Namespace, Period and a statistic) or Metrics must be specified.");
    }
    if (named) {
      for (String member : List.of("Namespace", "Period")) {
        if (!request.hasNonNull(member)) {
          throw missing(member, "an alarm on MetricName needs it");
        }
      }
      String statistic = Json.text(request, "Statistic");
      boolean extended = request.hasNonNull("ExtendedStatistic");
      if ((statistic != null) == extended) {
        throw new ApiException("InvalidParameterCombinationException", "Give exactly one of Statistic and"
            + " ExtendedStatistic.");
      }
      if (statistic != null && !STATISTICS.contains(statistic)) {
        throw invalid("Invalid Statistic '" + statistic + "': use one of " + String.join(", ", STATISTICS) + ".");
      }
    }
    Instant now = plane.clock().instant();
    JsonNode response = state.atomically(() -> {
      String arn = Alarms.arn(context.region(), name);
      ObjectNode existing = state.alarms.get(arn);
      ObjectNode alarm = Json.object();
      alarm.put("AlarmName", name);
      alarm.put("AlarmArn", arn);
      alarm.put("ActionsEnabled", Json.bool(request, "ActionsEnabled", true));
      for (String member : COPIED) {
        if (request.hasNonNull(member)) {
          alarm.set(member, request.get(member).deepCopy());
        }
      }
      for (String list : List.of("OKActions", "AlarmActions", "InsufficientDataActions", "Dimensions")) {
        if (!alarm.has(list)) {
          alarm.putArray(list);
        }
      }
      alarm.set("AlarmConfigurationUpdatedTimestamp", Json.timestamp(now));
      // Updating an alarm keeps its state (AWS: "its state is left unchanged").
      if (existing != null) {
        for (String member : List.of("StateValue", "StateReason", "StateReasonData", "StateUpdatedTimestamp",
            "StateTransitionedTimestamp")) {
          if (existing.has(member)) {
            alarm.set(member, existing.get(member).deepCopy());
          }
        }
      } else {
        alarm.put("StateValue", Alarms.INSUFFICIENT_DATA);
        alarm.put("StateReason", "Unchecked: Initial alarm creation");
        alarm.set("StateUpdatedTimestamp", Json.timestamp(now));
        alarm.set("StateTransitionedTimestamp", Json.timestamp(now));
      }
      state.alarms.put(arn, alarm);
      return Json.object();
    });
    plane.requestTick();
    return response;
  }

  private JsonNode describeAlarms(JsonNode request, RequestContext context) {
    List<String> names = Json.strings(request, "AlarmNames");
    if (names.size() > 100) {
      throw invalid("AlarmNames may list at most 100 names; got " + names.size() + ".");
    }
    String prefix = Json.text(request, "AlarmNamePrefix");
    if (prefix != null && !names.isEmpty()) {
      throw invalid("AlarmNamePrefix and AlarmNames cannot be given together.");
    }
    String stateValue = Json.text(request, "StateValue");
    if (stateValue != null && !STATES.contains(stateValue)) {
      throw invalid("Invalid StateValue '" + stateValue + "': use OK, ALARM or INSUFFICIENT_DATA.");
    }
    List<String> types = Json.strings(request, "AlarmTypes");
    // The runtime holds no composite alarms: a metric alarm is no composite's parent or child.
    boolean metricAlarms = (types.isEmpty() || types.contains("MetricAlarm"))
        && !request.hasNonNull("ChildrenOfAlarmName") && !request.hasNonNull("ParentsOfAlarmName");
    String actionPrefix = Json.text(request, "ActionPrefix");
    Integer max = Json.integer(request, "MaxRecords");
    return state.atomically(() -> {
      List<ObjectNode> found = new ArrayList<>();
      for (ObjectNode alarm : state.alarms.values()) {
        String name = Json.text(alarm, "AlarmName");
        boolean matches = metricAlarms && context.region().equals(Arns.regionOf(Json.text(alarm, "AlarmArn")))
            && (names.isEmpty() || names.contains(name)) && (prefix == null || name.startsWith(prefix))
            && (stateValue == null || stateValue.equals(Json.text(alarm, "StateValue")))
            && (actionPrefix == null || actionsOf(alarm).stream().anyMatch(a -> a.startsWith(actionPrefix)));
        if (matches) {
          found.add(alarm.deepCopy());
        }
      }
      found.sort(java.util.Comparator.comparing(a -> Json.text(a, "AlarmName")));
      Pages.Page<ObjectNode> page;
      try {
        page = Pages.of(found, Json.text(request, "NextToken"), max, 50, 100, "InvalidParameterValueException");
      } catch (ApiException e) {
        throw e.getMessage().startsWith("Invalid nextToken") ? new ApiException("InvalidNextToken", e.getMessage()) : e;
      }
      ObjectNode response = Json.object();
      ArrayNode alarms = response.putArray("MetricAlarms");
      page.items().forEach(alarms::add);
      response.putArray("CompositeAlarms");
      Json.putIfPresent(response, "NextToken", page.nextToken());
      return response;
    });
  }

  private JsonNode setAlarmState(JsonNode request, RequestContext context) {
    String name = alarmName(Requests.required(request, "AlarmName", "MissingRequiredParameterException"));
    String value = Requests.required(request, "StateValue", "MissingRequiredParameterException");
    if (!STATES.contains(value)) {
      throw invalid("Invalid StateValue '" + value + "': use OK, ALARM or INSUFFICIENT_DATA.");
    }
    String reason = Requests.required(request, "StateReason", "MissingRequiredParameterException");
    if (reason.length() > 1023) {
      throw invalid("StateReason is at most 1023 characters; got " + reason.length() + ".");
    }
    String data = Json.text(request, "StateReasonData");
    if (data != null) {
      try {
        if (data.length() > 4000 || !Json.parse(data).isObject()) {
          throw new IllegalArgumentException("not a JSON object of at most 4000 characters");
        }
      } catch (RuntimeException e) {
        throw new ApiException("InvalidFormatFault", "StateReasonData must be a JSON object of at most 4000 characters.");
      }
    }
    Instant now = plane.clock().instant();
    JsonNode response = state.atomically(() -> {
      String arn = Alarms.arn(context.region(), name);
      ObjectNode alarm = state.alarms.get(arn);
      if (alarm == null) {
        throw new ApiException("ResourceNotFound", "Alarm " + name + " not found (create it with PutMetricAlarm"
            + " first).", 404);
      }
      alarm = alarm.deepCopy();
      boolean changed = !value.equals(Json.text(alarm, "StateValue"));
      alarm.put("StateValue", value);
      alarm.put("StateReason", reason);
      if (data != null) {
        alarm.put("StateReasonData", data);
      } else {
        alarm.remove("StateReasonData");
      }
      alarm.set("StateUpdatedTimestamp", Json.timestamp(now));
      if (changed) {
        alarm.set("StateTransitionedTimestamp", Json.timestamp(now));
      }
      state.alarms.put(arn, alarm);
      return Json.object();
    });
    plane.requestTick();
    return response;
  }

  private JsonNode deleteAlarms(JsonNode request, RequestContext context) {
    List<String> names = Json.strings(request, "AlarmNames");
    if (names.isEmpty() || names.size() > 100) {
      throw invalid("AlarmNames must list 1 to 100 alarm names.");
    }
    JsonNode response = state.atomically(() -> {
      Set<String> missing = new LinkedHashSet<>();
      for (String name : names) {
        if (!state.alarms.contains(Alarms.arn(context.region(), name))) {
          missing.add(name);
        }
      }
      // As CloudWatch: any wrong name and no alarm is deleted.
      if (!missing.isEmpty()) {
        throw new ApiException("ResourceNotFound", "Alarm(s) not found: " + String.join(", ", missing)
            + "; no alarm was deleted.", 404);
      }
      names.forEach(name -> state.alarms.remove(Alarms.arn(context.region(), name)));
      return Json.object();
    });
    plane.requestTick();
    return response;
  }

  private static String alarmName(String name) {
    if (name.isEmpty() || name.length() > 255) {
      throw invalid("AlarmName must be 1 to 255 characters; got " + name.length() + ".");
    }
    return name;
  }

  private static List<String> actionsOf(ObjectNode alarm) {
    List<String> actions = new ArrayList<>();
    for (String list : List.of("AlarmActions", "OKActions", "InsufficientDataActions")) {
      actions.addAll(Json.strings(alarm, list));
    }
    return actions;
  }

  private static ApiException missing(String member, String why) {
    return new ApiException("MissingRequiredParameterException", "Missing required parameter " + member + ": " + why
        + ".");
  }

  private static ApiException invalid(String message) {
    return new ApiException("InvalidParameterValueException", message);
  }
}
