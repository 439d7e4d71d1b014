package io.ecsl.runtime.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.DocumentTable;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.RuleScheduleEntity;
import io.ecsl.runtime.model.RuleScheduleEntity.PendingRetry;
import io.ecsl.runtime.model.RuleScheduleEntity.TargetResult;
import io.ecsl.runtime.schedules.ScheduledRules.InvocationError;
import io.ecsl.runtime.schedules.ScheduledRules.RunTaskCall;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * One invocation of an ECS target, as EventBridge rules and EventBridge Scheduler make it alike
 * (ecs-runtime-integrations §6.1, §6.2): the RunTask call, its result, the retry the target's
 * {@link RetryPolicy} allows, and the bookkeeping {@code ecsl schedules} shows.
 */
final class TargetInvoker {
  private static final Logger LOG = Logger.getLogger(TargetInvoker.class.getName());

  private TargetInvoker() {}

  /**
   * One call to make: a target of a rule or schedule ({@code arn}, {@code name}), for the fire at
   * {@code eventTime}, as attempt {@code attempt}; tasks carry {@code startedBy}.
   */
  record Invocation(String arn, String name, String region, ObjectNode target, Instant eventTime, int attempt,
      String targetId, String startedBy) {}

  record Outcome(Invocation invocation, TargetResult result, Instant retryAt) {}

  static Outcome invoke(RunTaskCall runTask, Invocation invocation, Instant now) {
    TargetResult result = new TargetResult();
    result.targetId = invocation.targetId();
    result.eventTime = invocation.eventTime();
    result.invokedAt = now;
    result.attempt = invocation.attempt();
    if (!EcsTargetRequest.isEcsTarget(invocation.target())) {
      result.outcome = TargetResult.NOT_INVOKED;
      result.error = "the local runtime invokes only ECS targets (EcsParameters with a cluster ARN); target "
          + result.targetId + " is " + Json.text(invocation.target(), "Arn");
      return new Outcome(invocation, result, null);
    }
    ObjectNode request;
    try {
      request = EcsTargetRequest.of(invocation.target(), invocation.startedBy());
    } catch (IllegalArgumentException e) {
      result.outcome = TargetResult.FAILED;
      result.error = "InvalidParameterException: " + e.getMessage();
      return new Outcome(invocation, result, null);
    }
    try {
      JsonNode response = runTask.runTask(invocation.region(), request);
      for (JsonNode task : Json.list(response, "tasks")) {
        result.taskArns.add(Json.text(task, "taskArn"));
      }
      for (JsonNode failure : Json.list(response, "failures")) {
        result.failures.add(Json.text(failure, "reason", "") + (failure.has("arn") ? " (" + Json.text(failure, "arn")
            + ")" : "") + (failure.has("detail") ? ": " + Json.text(failure, "detail") : ""));
      }
      result.outcome = result.failures.isEmpty() ? TargetResult.STARTED : TargetResult.PARTIAL;
      return new Outcome(invocation, result, null);
    } catch (InvocationError e) {
      result.error = e.type() + ": " + e.getMessage();
      Instant retryAt = null;
      if (RetryPolicy.retriable(e.status(), e.type())) {
        retryAt = RetryPolicy.of(invocation.target()).nextAttempt(invocation.eventTime(), invocation.attempt(), now,
            invocation.arn() + "|" + result.targetId + "|" + invocation.eventTime());
      }
      result.outcome = retryAt != null ? TargetResult.RETRYING : TargetResult.FAILED;
      return new Outcome(invocation, result, retryAt);
    }
  }

  /** Records what the invocations did in {@code table} (keyed by the rule's or schedule's ARN). */
  static void record(DocumentTable<RuleScheduleEntity> table, List<Outcome> outcomes, String what) {
    for (Outcome outcome : outcomes) {
      Invocation invocation = outcome.invocation();
      RuleScheduleEntity record = table.copyOf(invocation.arn());
      if (record == null) {
        continue; // deleted meanwhile
      }
      TargetResult result = outcome.result();
      record.invocations++;
      if (TargetResult.FAILED.equals(result.outcome)) {
        record.failedInvocations++;
        String deadLetter = Json.text(invocation.target().path("DeadLetterConfig"), "Arn");
        if (deadLetter != null) {
          result.error += " (EventBridge would send the event to the dead-letter queue " + deadLetter
              + "; the local runtime has no SQS, so it is dropped)";
        }
      }
      if (outcome.retryAt() != null) {
        PendingRetry retry = new PendingRetry();
        retry.targetId = result.targetId;
        retry.eventTime = invocation.eventTime();
        retry.attempts = invocation.attempt();
        retry.notBefore = outcome.retryAt();
        record.retries.add(retry);
      }
      record.lastResults.removeIf(r -> r.targetId.equals(result.targetId));
      record.lastResults.add(result);
      table.put(invocation.arn(), record);
      LOG.info(what + " " + invocation.name() + " target " + result.targetId + " (" + invocation.eventTime() + ", attempt "
          + invocation.attempt() + "): " + result.outcome + (result.taskArns.isEmpty() ? "" : " " + result.taskArns)
          + (result.failures.isEmpty() ? "" : " failures " + result.failures)
          + (result.error == null ? "" : " " + result.error));
    }
  }
}
