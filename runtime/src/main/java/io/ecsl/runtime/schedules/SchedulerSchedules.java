package io.ecsl.runtime.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.RuleScheduleEntity;
import io.ecsl.runtime.model.RuleScheduleEntity.PendingRetry;
import io.ecsl.runtime.model.RuleScheduleEntity.TargetResult;
import io.ecsl.runtime.schedules.ScheduledRules.RunTaskCall;
import io.ecsl.runtime.schedules.TargetInvoker.Invocation;
import io.ecsl.runtime.schedules.TargetInvoker.Outcome;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * EventBridge Scheduler schedules, fired on the runtime's clock like scheduled rules: each pass asks
 * the pure {@link SchedulerTimetable} which schedules are due, calls RunTask for each due
 * schedule's target (tasks {@code startedBy chronos-schedule/NAME}), retries per the target's
 * retry policy, and deletes a completed schedule whose {@code ActionAfterCompletion} is DELETE.
 */
public final class SchedulerSchedules implements LoopStage {
  private static final Logger LOG = Logger.getLogger(SchedulerSchedules.class.getName());
  /** Scheduler targets have no id; results are recorded under this one. */
  static final String TARGET_ID = "Target";

  private final RuntimeState state;
  private final RunTaskCall runTask;

  public SchedulerSchedules(RuntimeState state, RunTaskCall runTask) {
    this.state = state;
    this.runTask = runTask;
  }

  @Override
  public String name() {
    return "scheduler schedules";
  }

  private record Due(List<Invocation> invocations, List<String> completed) {}

  @Override
  public void run(Instant now) {
    Due due = state.atomically(() -> due(now));
    if (due.invocations().isEmpty() && due.completed().isEmpty()) {
      return;
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Invocation invocation : due.invocations()) {
      outcomes.add(TargetInvoker.invoke(runTask, invocation, now));
    }
    state.atomically(() -> {
      TargetInvoker.record(state.schedulerRuns, outcomes, "schedule");
      for (String arn : due.completed()) {
        RuleScheduleEntity run = state.schedulerRuns.get(arn);
        if (run != null && !run.retries.isEmpty()) {
          continue; // completes once its retries are over
        }
        LOG.info("schedule " + Arns.lastSegment(arn) + " completed; ActionAfterCompletion DELETE deletes it");
        state.schedulerSchedules.remove(arn);
        state.schedulerRuns.remove(arn);
      }
    });
  }

  /**
   * Fires the schedule now, whatever its expression or state (for testing it: {@code ecsl run
   * --schedule}); its next fire time is unchanged.
   *
   * @throws IllegalArgumentException when there is no such schedule
   */
  public List<TargetResult> fireNow(String arn, Instant now) {
    Invocation invocation = state.atomically(() -> {
      ObjectNode schedule = state.schedulerSchedules.get(arn);
      if (schedule == null) {
        throw new IllegalArgumentException("no EventBridge Scheduler schedule " + Arns.lastSegment(arn));
      }
      if (state.schedulerRuns.get(arn) == null) {
        state.schedulerRuns.put(arn, SchedulerTimetable.step(view(schedule), null, now).record());
      }
      return invocation(schedule, now, 1);
    });
    Outcome outcome = TargetInvoker.invoke(runTask, invocation, now);
    state.atomically(() -> TargetInvoker.record(state.schedulerRuns, List.of(outcome), "schedule"));
    return List.of(outcome.result());
  }

  private Due due(Instant now) {
    List<Invocation> out = new ArrayList<>();
    List<String> completed = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (ObjectNode schedule : state.schedulerSchedules.values()) {
      String arn = Json.text(schedule, "Arn");
      present.add(arn);
      RuleScheduleEntity current = state.schedulerRuns.get(arn);
      SchedulerTimetable.Step step = SchedulerTimetable.step(view(schedule), current, now);
      RuleScheduleEntity record = step.record();
      if (step.fire() != null) {
        out.add(invocation(schedule, step.fire(), 1));
      }
      List<PendingRetry> waiting = new ArrayList<>();
      for (PendingRetry retry : record.retries) {
        if (now.isBefore(retry.notBefore)) {
          waiting.add(retry);
        } else {
          out.add(invocation(schedule, retry.eventTime, retry.attempts + 1));
        }
      }
      record.retries = waiting;
      if (step.completed() && "DELETE".equals(Json.text(schedule, "ActionAfterCompletion"))) {
        completed.add(arn);
      }
      if (current == null || !Json.tree(current).equals(Json.tree(record))) {
        state.schedulerRuns.put(arn, record);
      }
    }
    for (String arn : state.schedulerRuns.ids()) {
      if (!present.contains(arn)) {
        state.schedulerRuns.remove(arn); // the schedule was deleted
      }
    }
    return new Due(out, completed);
  }

  private static Invocation invocation(ObjectNode schedule, Instant eventTime, int attempt) {
    String arn = Json.text(schedule, "Arn");
    String name = Json.text(schedule, "Name");
    return new Invocation(arn, name, Arns.regionOf(arn), (ObjectNode) schedule.get("Target"), eventTime, attempt,
        TARGET_ID, EcsTargetRequest.SCHEDULER_STARTED_BY_PREFIX + name);
  }

  static SchedulerTimetable.Sched view(ObjectNode schedule) {
    String arn = Json.text(schedule, "Arn");
    String zone = Json.text(schedule, "ScheduleExpressionTimezone", "UTC");
    JsonNode window = schedule.path("FlexibleTimeWindow");
    int minutes = "FLEXIBLE".equals(Json.text(window, "Mode")) ? Json.integer(window, "MaximumWindowInMinutes", 0) : 0;
    return new SchedulerTimetable.Sched(arn, Json.text(schedule, "Name"), Arns.regionOf(arn),
        Json.text(schedule, "ScheduleExpression"), ZoneId.of(zone), SchedulerTimetable.date(schedule.get("StartDate")),
        SchedulerTimetable.date(schedule.get("EndDate")), minutes, !"DISABLED".equals(Json.text(schedule, "State")));
  }
}
