package io.ecsl.runtime.schedules;

import io.ecsl.facts.schedule.Schedule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.RuleScheduleEntity;
import io.ecsl.runtime.model.RuleScheduleEntity.PendingRetry;
import io.ecsl.runtime.model.RuleScheduleEntity.TargetResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.ecsl.runtime.schedules.TargetInvoker.Invocation;
import io.ecsl.runtime.schedules.TargetInvoker.Outcome;

/**
 * Scheduled EventBridge rules, fired on the runtime's clock: each pass asks the pure
 * {@link RuleTimetable} which rules are due, makes each due rule's ECS targets' RunTask calls (the
 * very API a client calls, through {@link RunTaskCall}, outside the state lock), and records what
 * happened for {@code ecsl schedules}: the tasks started, RunTask's {@code failures}, or the error,
 * retried per the target's {@link RetryPolicy}.
 */
public final class ScheduledRules implements LoopStage {
  /** RunTask as EventBridge calls it, in the rule's region. */
  @FunctionalInterface
  public interface RunTaskCall {
    /**
     * Returns RunTask's response.
     *
     * @throws InvocationError when ECS answers with an error
     */
    JsonNode runTask(String region, ObjectNode request);
  }

  /** ECS answered an invocation with an error: its type and HTTP status decide whether to retry. */
  public static final class InvocationError extends RuntimeException {
    private final String type;
    private final int status;

    public InvocationError(String type, String message, int status) {
      super(message);
      this.type = type;
      this.status = status;
    }

    public String type() {
      return type;
    }

    public int status() {
      return status;
    }
  }

  private final RuntimeState state;
  private final RunTaskCall runTask;

  public ScheduledRules(RuntimeState state, RunTaskCall runTask) {
    this.state = state;
    this.runTask = runTask;
  }

  @Override
  public String name() {
    return "scheduled rules";
  }

  @Override
  public void run(Instant now) {
    List<Invocation> due = state.atomically(() -> due(now));
    if (due.isEmpty()) {
      return;
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Invocation invocation : due) {
      outcomes.add(invoke(invocation, now));
    }
    state.atomically(() -> record(outcomes));
  }

  /**
   * Fires {@code rule} now, whatever its schedule or state (for testing a schedule:
   * {@code ecsl run --schedule}); its next fire time is unchanged. Returns each target's result.
   *
   * @throws IllegalArgumentException when there is no such scheduled rule
   */
  public List<TargetResult> fireNow(String ruleArn, Instant now) {
    List<Invocation> invocations = state.atomically(() -> {
      ObjectNode rule = state.rules.get(ruleArn);
      if (rule == null || Json.text(rule, "ScheduleExpression") == null) {
        throw new IllegalArgumentException("no scheduled rule " + Arns.lastSegment(ruleArn) + " in region "
            + Arns.regionOf(ruleArn));
      }
      List<Invocation> out = new ArrayList<>();
      for (ObjectNode target : targetsOf(ruleArn)) {
        out.add(invocation(ruleArn, Json.text(rule, "Name"), Arns.regionOf(ruleArn), target, now, 1));
      }
      return out;
    });
    List<Outcome> outcomes = new ArrayList<>();
    for (Invocation invocation : invocations) {
      outcomes.add(invoke(invocation, now));
    }
    state.atomically(() -> {
      ObjectNode rule = state.rules.get(ruleArn);
      RuleScheduleEntity record = state.ruleSchedules.copyOf(ruleArn);
      if (record == null && rule != null) {
        record = RuleTimetable.step(view(rule), null, now).record();
      }
      if (record != null) {
        record.lastFiredAt = now;
        state.ruleSchedules.put(ruleArn, record);
      }
      record(outcomes);
    });
    return outcomes.stream().map(Outcome::result).toList();
  }

  private List<Invocation> due(Instant now) {
    List<Invocation> out = new ArrayList<>();
    Set<String> scheduled = new HashSet<>();
    for (ObjectNode rule : state.rules.values()) {
      String expression = Json.text(rule, "ScheduleExpression");
      if (expression == null) {
        continue; // an event-pattern rule: the runtime emits no events to match
      }
      String arn = Json.text(rule, "Arn");
      scheduled.add(arn);
      RuleTimetable.Rule view = view(rule);
      RuleScheduleEntity current = state.ruleSchedules.get(arn);
      RuleTimetable.Step step = RuleTimetable.step(view, current, now);
      RuleScheduleEntity record = step.record();
      List<ObjectNode> targets = step.fire() != null || !record.retries.isEmpty() ? targetsOf(arn) : List.of();
      if (step.fire() != null) {
        for (ObjectNode target : targets) {
          out.add(invocation(arn, view.name(), view.region(), target, step.fire(), 1));
        }
      }
      List<PendingRetry> waiting = new ArrayList<>();
      for (PendingRetry retry : record.retries) {
        ObjectNode target = targets.stream().filter(t -> retry.targetId.equals(Json.text(t, "Id"))).findFirst()
            .orElse(null);
        if (target == null) {
          continue; // the target was removed: nothing left to retry
        }
        if (now.isBefore(retry.notBefore)) {
          waiting.add(retry);
        } else {
          out.add(invocation(arn, view.name(), view.region(), target, retry.eventTime, retry.attempts + 1));
        }
      }
      record.retries = waiting;
      if (current == null || !Json.tree(current).equals(Json.tree(record))) {
        state.ruleSchedules.put(arn, record);
      }
    }
    for (String arn : state.ruleSchedules.ids()) {
      if (!scheduled.contains(arn)) {
        state.ruleSchedules.remove(arn); // the rule was deleted, or is no longer scheduled
      }
    }
    return out;
  }

  private static Invocation invocation(String arn, String name, String region, ObjectNode target, Instant eventTime,
      int attempt) {
    return new Invocation(arn, name, region, target, eventTime, attempt, Json.text(target, "Id"),
        EcsTargetRequest.STARTED_BY_PREFIX + name);
  }

  private static RuleTimetable.Rule view(ObjectNode rule) {
    String arn = Json.text(rule, "Arn");
    return new RuleTimetable.Rule(arn, Json.text(rule, "Name"), Arns.regionOf(arn), Json.text(rule, "ScheduleExpression"),
        !"DISABLED".equals(Json.text(rule, "State")));
  }

  private List<ObjectNode> targetsOf(String ruleArn) {
    List<ObjectNode> out = new ArrayList<>();
    for (String key : state.ruleTargets.ids()) {
      if (key.startsWith(ruleArn + "|")) {
        out.add(state.ruleTargets.get(key));
      }
    }
    return out;
  }

  private Outcome invoke(Invocation invocation, Instant now) {
    return TargetInvoker.invoke(runTask, invocation, now);
  }

  private void record(List<Outcome> outcomes) {
    TargetInvoker.record(state.ruleSchedules, outcomes, "rule");
  }
}
