package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.RuleScheduleEntity;
import io.ecsl.runtime.model.RuleScheduleEntity.TargetResult;
import io.ecsl.runtime.schedules.ScheduledRules;
import io.ecsl.runtime.schedules.SchedulerSchedules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /_ecsl/schedules[?region=R]}: every scheduled rule with its next fire time, its last
 * invocations' results and pending retries (what EventBridge keeps to itself), for
 * {@code ecsl schedules}, then every EventBridge Scheduler schedule ({@code "via": "scheduler"}, its
 * expression followed by its time zone). {@code POST /_ecsl/schedules/fire} with {@code {"rule":
 * NAME|ARN, "region": R}} fires a rule, or else a schedule of that name, now through the same path
 * as its schedule ({@code ecsl run --schedule}).
 */
public final class ScheduleEndpoints {
  private final ControlPlane plane;
  private final RuntimeState state;
  private final ScheduledRules rules;
  private final SchedulerSchedules schedules;

  public ScheduleEndpoints(ControlPlane plane, ScheduledRules rules, SchedulerSchedules schedules) {
    this.plane = plane;
    this.state = plane.state();
    this.rules = rules;
    this.schedules = schedules;
  }

  /** Registers both endpoints. */
  public void addTo(InternalEndpoints internal) {
    internal.add("schedules", this::list);
    internal.add("schedules/fire", this::fire);
  }

  private void list(HttpExchange exchange, byte[] body) throws IOException {
    InternalEndpoints.requireMethod(exchange, "GET");
    String region = InternalEndpoints.query(exchange.getRequestURI().getRawQuery()).get("region");
    ArrayNode out = state.atomically(() -> {
      ArrayNode list = Json.array();
      for (ObjectNode rule : state.rules.values()) {
        String arn = Json.text(rule, "Arn");
        if (Json.text(rule, "ScheduleExpression") != null && (region == null || region.equals(Arns.regionOf(arn)))) {
          list.add(describe(rule, state.ruleSchedules.get(arn)));
        }
      }
      for (ObjectNode schedule : state.schedulerSchedules.values()) {
        String arn = Json.text(schedule, "Arn");
        if (region == null || region.equals(Arns.regionOf(arn))) {
          list.add(describeSchedule(schedule, state.schedulerRuns.get(arn)));
        }
      }
      return list;
    });
    InternalEndpoints.send(exchange, 200, Json.write(out));
  }

  private ObjectNode describe(ObjectNode rule, RuleScheduleEntity record) {
    String arn = Json.text(rule, "Arn");
    ObjectNode out = Json.object();
    out.put("name", Json.text(rule, "Name"));
    out.put("arn", arn);
    out.put("region", Arns.regionOf(arn));
    out.put("expression", Json.text(rule, "ScheduleExpression"));
    out.put("state", Json.text(rule, "State"));
    ArrayNode targets = out.putArray("targets");
    for (String key : state.ruleTargets.ids()) {
      if (key.startsWith(arn + "|")) {
        ObjectNode target = state.ruleTargets.get(key);
        ObjectNode summary = targets.addObject();
        summary.put("id", Json.text(target, "Id"));
        summary.put("arn", Json.text(target, "Arn"));
        Json.putIfPresent(summary, "taskDefinition", Json.text(target.path("EcsParameters"), "TaskDefinitionArn"));
        if (target.has("EcsParameters")) {
          summary.put("taskCount", Json.integer(target.get("EcsParameters"), "TaskCount", 1));
        }
      }
    }
    record(out, record);
    return out;
  }

  /** A Scheduler schedule in the same form as a rule, its one target listed under the id {@code Target}. */
  private ObjectNode describeSchedule(ObjectNode schedule, RuleScheduleEntity record) {
    String arn = Json.text(schedule, "Arn");
    ObjectNode out = Json.object();
    out.put("name", Json.text(schedule, "Name"));
    out.put("arn", arn);
    out.put("region", Arns.regionOf(arn));
    out.put("via", "scheduler");
    String zone = Json.text(schedule, "ScheduleExpressionTimezone");
    out.put("expression", Json.text(schedule, "ScheduleExpression") + (zone == null ? "" : " " + zone));
    out.put("state", Json.text(schedule, "State"));
    JsonNode target = schedule.path("Target");
    ObjectNode summary = out.putArray("targets").addObject();
    summary.put("id", "Target");
    summary.put("arn", Json.text(target, "Arn"));
    Json.putIfPresent(summary, "taskDefinition", Json.text(target.path("EcsParameters"), "TaskDefinitionArn"));
    summary.put("taskCount", Json.integer(target.path("EcsParameters"), "TaskCount", 1));
    record(out, record);
    return out;
  }

  private static void record(ObjectNode out, RuleScheduleEntity record) {
    if (record != null) {
      Json.putIfPresent(out, "nextFireAt", record.nextFireAt == null ? null : record.nextFireAt.toString());
      Json.putIfPresent(out, "lastFiredAt", record.lastFiredAt == null ? null : record.lastFiredAt.toString());
      out.put("invocations", record.invocations);
      out.put("failedInvocations", record.failedInvocations);
      out.put("missedFires", record.missedFires);
      ArrayNode results = out.putArray("lastResults");
      record.lastResults.forEach(result -> results.add(result(result)));
      ArrayNode retries = out.putArray("pendingRetries");
      for (RuleScheduleEntity.PendingRetry retry : record.retries) {
        retries.addObject().put("targetId", retry.targetId).put("eventTime", retry.eventTime.toString())
            .put("attempts", retry.attempts).put("notBefore", retry.notBefore.toString());
      }
    }
  }

  private static ObjectNode result(TargetResult result) {
    ObjectNode out = Json.object();
    out.put("targetId", result.targetId);
    out.put("outcome", result.outcome);
    out.put("eventTime", result.eventTime.toString());
    out.put("invokedAt", result.invokedAt.toString());
    out.put("attempt", result.attempt);
    out.set("taskArns", Json.arrayOf(result.taskArns));
    out.set("failures", Json.arrayOf(result.failures));
    Json.putIfPresent(out, "error", result.error);
    return out;
  }

  private void fire(HttpExchange exchange, byte[] requestBody) throws IOException {
    InternalEndpoints.requireMethod(exchange, "POST");
    JsonNode body = Json.parseRequest(requestBody);
    String rule = Json.text(body, "rule");
    if (rule == null || rule.isEmpty()) {
      throw new ApiException("ValidationException", "name the rule to fire: {\"rule\": NAME|ARN}");
    }
    List<String> arns = state.atomically(() -> matching(rule, Json.text(body, "region")));
    boolean scheduler = false;
    if (arns.isEmpty()) {
      arns = state.atomically(() -> matchingSchedules(rule, Json.text(body, "region")));
      scheduler = true;
    }
    if (arns.isEmpty()) {
      throw new ApiException("ResourceNotFoundException", "no scheduled rule or Scheduler schedule named " + rule
          + (body.has("region") ? " in " + Json.text(body, "region") : "") + "; list them with: ecsl schedules", 404);
    }
    if (arns.size() > 1) {
      throw new ApiException("ConflictException", (scheduler ? "schedule " : "rule ") + rule + " exists in several"
          + " places (" + String.join(", ", arns) + "); pass --region" + (scheduler ? ", or the schedule's ARN" : ""), 409);
    }
    List<TargetResult> results = scheduler ? schedules.fireNow(arns.get(0), plane.clock().instant())
        : rules.fireNow(arns.get(0), plane.clock().instant());
    ObjectNode out = Json.object();
    out.put("rule", arns.get(0));
    ArrayNode list = out.putArray("results");
    results.forEach(result -> list.add(result(result)));
    InternalEndpoints.send(exchange, 200, Json.write(out));
  }

  /** Scheduler schedules named {@code name} (in any group) or with that ARN. */
  private List<String> matchingSchedules(String name, String region) {
    List<String> out = new ArrayList<>();
    for (ObjectNode stored : state.schedulerSchedules.values()) {
      String arn = Json.text(stored, "Arn");
      if ((name.equals(arn) || name.equals(Json.text(stored, "Name")))
          && (region == null || region.equals(Arns.regionOf(arn)))) {
        out.add(arn);
      }
    }
    return out;
  }

  private List<String> matching(String rule, String region) {
    List<String> out = new ArrayList<>();
    for (ObjectNode stored : state.rules.values()) {
      String arn = Json.text(stored, "Arn");
      boolean named = rule.equals(arn) || (rule.equals(Json.text(stored, "Name"))
          && "default".equals(Json.text(stored, "EventBusName")));
      if (named && Json.text(stored, "ScheduleExpression") != null
          && (region == null || region.equals(Arns.regionOf(arn)))) {
        out.add(arn);
      }
    }
    return out;
  }
}
