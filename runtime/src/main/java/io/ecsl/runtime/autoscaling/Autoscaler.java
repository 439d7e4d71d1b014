package io.ecsl.runtime.autoscaling;

import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.Metric;
import io.ecsl.runtime.model.ScalingStateEntity;
import io.ecsl.facts.schedule.InvalidScheduleException;
import io.ecsl.facts.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Service Auto Scaling (ECS semantics §9) as a pure function of the scalable target, its policies
 * and scheduled actions, the service's metric history, the autoscaler's memory and the clock.
 *
 * <ul>
 *   <li>Scheduled actions set the bounds at their times; a change of bounds (scheduled or
 *       registered) moves a desired count outside them inside, once.
 *   <li>Policies are evaluated once per complete metric period. Target tracking proposes
 *       {@code ceil(running × metric / target)} when its high alarm is in ALARM (the metric above the
 *       target for {@value #HIGH_ALARM_PERIODS} periods) or its low alarm is (below
 *       {@value #LOW_ALARM_FRACTION} × target for {@value #LOW_ALARM_PERIODS} periods); step scaling
 *       applies the step its alarm's breach falls in.
 *   <li>Scale out when any policy wants to (the largest proposal); scale in only when every target
 *       tracking policy that may scale in agrees (the largest proposal), never during a deployment.
 *   <li>During a scale-out cooldown only a larger scale-out goes ahead; no scale-in during a scale-in
 *       cooldown; the bounds clamp every result; suspended states switch each kind off.
 * </ul>
 *
 * <p>EMU: the alarms target tracking creates are not documented beyond their names; the runtime's
 * are the ones AWS creates for ECS services as commonly observed (3 of 3 above the target, 15 of 15
 * below 90% of it). Scale-in goes straight to the proportional count, not in smaller steps. While a
 * scale-out cools down, target tracking reads only the periods that began after it ("the capacity
 * added by the initiating scale-out is part of the desired capacity for the next one").
 */
public final class Autoscaler {
  static final int HIGH_ALARM_PERIODS = 3;
  static final int LOW_ALARM_PERIODS = 15;
  static final double LOW_ALARM_FRACTION = 0.9;
  private static final String SUCCESSFUL = "Successful";

  private Autoscaler() {}

  /** Everything the autoscaler reads. {@code metrics} holds complete periods only, oldest first. */
  public record Input(ScalableTarget target, List<ScalingPolicy> policies, List<ScheduledAction> scheduledActions,
      ServiceView service, Map<Metric, List<Datapoint>> metrics, Duration period, ScalingStateEntity state,
      Instant now) {}

  /**
   * What to do: the new desired count (null: leave it), the new bounds (null: unchanged), the
   * activities to record, and the autoscaler's updated memory.
   */
  public record Decision(Integer desired, Integer min, Integer max, List<ScalingActivity> activities,
      ScalingStateEntity state) {}

  private enum Direction { OUT, IN, HOLD, NONE }

  /** One policy's wish for this period. */
  private record Vote(ScalingPolicy policy, Direction direction, int capacity, String cause, Duration cooldown) {}

  public static Decision evaluate(Input in) {
    ScalingStateEntity state = in.state() == null ? fresh(in.target().id()) : in.state().copy();
    List<ScalingActivity> activities = new ArrayList<>();
    int min = in.target().min();
    int max = in.target().max();
    int desired = in.service().desired();
    boolean boundsChanged = false;
    String boundsCause = null;

    for (ScheduledAction action : in.scheduledActions()) {
      if (runsNow(action, state, in.now()) && !in.target().scheduledScalingSuspended()) {
        min = action.min() != null ? action.min() : min;
        max = action.max() != null ? action.max() : max;
        boundsChanged = true;
        boundsCause = "scheduled action name " + action.name() + " was triggered";
        activities.add(new ScalingActivity("Setting min capacity to " + min + " and max capacity to " + max,
            boundsCause, SUCCESSFUL, "Successfully set min capacity to " + min + " and max capacity to " + max,
            null, null));
      }
    }
    state.scheduledActions.keySet().retainAll(in.scheduledActions().stream().map(ScheduledAction::name).toList());

    if (!Integer.valueOf(min).equals(state.appliedMin) || !Integer.valueOf(max).equals(state.appliedMax)) {
      int clamped = Math.max(min, Math.min(max, desired));
      if (clamped != desired) {
        String cause = boundsCause != null ? boundsCause
            : clamped > desired ? "minimum capacity was set to " + min : "maximum capacity was set to " + max;
        activities.add(setDesired(desired, clamped, cause));
        desired = clamped;
      }
      state.appliedMin = min;
      state.appliedMax = max;
    }

    Instant period = lastCompletePeriod(in.period(), in.now());
    if (state.lastEvaluatedPeriod == null || period.isAfter(state.lastEvaluatedPeriod)) {
      state.lastEvaluatedPeriod = period;
      Integer scaled = dynamicScaling(in, state, desired, min, max, activities);
      if (scaled != null) {
        desired = scaled;
      }
    }
    return new Decision(desired != in.service().desired() ? desired : null, boundsChanged ? min : null,
        boundsChanged ? max : null, activities, state);
  }

  private static Integer dynamicScaling(Input in, ScalingStateEntity state, int desired, int min, int max,
      List<ScalingActivity> activities) {
    List<Vote> votes = new ArrayList<>();
    for (ScalingPolicy policy : in.policies()) {
      votes.add(switch (policy) {
        case ScalingPolicy.TargetTracking tracking -> track(tracking, in, state, desired);
        case ScalingPolicy.StepScaling step -> step(step, in, state, desired);
      });
    }
    Instant now = in.now();
    List<Vote> outs = votes.stream().filter(v -> v.direction() == Direction.OUT).toList();
    if (!outs.isEmpty()) {
      if (in.target().dynamicScalingOutSuspended()) {
        return null;
      }
      Vote vote = outs.stream().max(Comparator.comparingInt(Vote::capacity)).orElseThrow();
      int capacity = Math.max(min, Math.min(max, vote.capacity()));
      boolean cooling = state.lastScaleOutAt != null
          && now.isBefore(state.lastScaleOutAt.plusSeconds(state.lastScaleOutCooldownSeconds));
      if (capacity <= desired || (cooling && capacity <= state.lastScaleOutCapacity)) {
        return null;
      }
      state.lastScaleOutAt = now;
      state.lastScaleOutCapacity = capacity;
      state.lastScaleOutCooldownSeconds = vote.cooldown().toSeconds();
      activities.add(setDesired(desired, capacity, vote.cause()));
      return capacity;
    }
    List<Vote> ins = votes.stream().filter(v -> v.direction() == Direction.IN).toList();
    boolean trackingHolds = votes.stream().anyMatch(v -> v.direction() == Direction.HOLD
        && v.policy() instanceof ScalingPolicy.TargetTracking);
    if (ins.isEmpty() || trackingHolds || in.target().dynamicScalingInSuspended() || in.service().deploying()) {
      return null;
    }
    boolean cooling = state.lastScaleInAt != null
        && now.isBefore(state.lastScaleInAt.plusSeconds(state.lastScaleInCooldownSeconds));
    if (cooling) {
      return null;
    }
    Vote vote = ins.stream().max(Comparator.comparingInt(Vote::capacity)).orElseThrow();
    int capacity = Math.min(max, Math.max(min, vote.capacity()));
    if (capacity >= desired) {
      return null;
    }
    state.lastScaleInAt = now;
    state.lastScaleInCooldownSeconds = vote.cooldown().toSeconds();
    activities.add(setDesired(desired, capacity, vote.cause()));
    return capacity;
  }

  private static Vote track(ScalingPolicy.TargetTracking policy, Input in, ScalingStateEntity state, int desired) {
    if (policy.metric() == null) {
      return new Vote(policy, Direction.NONE, desired, null, Duration.ZERO);
    }
    String resource = in.target().resourceId();
    String highName = policy.alarmHigh() != null ? policy.alarmHigh() : "TargetTracking-" + resource + "-AlarmHigh";
    String lowName = policy.alarmLow() != null ? policy.alarmLow() : "TargetTracking-" + resource + "-AlarmLow";
    String statistic = policy.metric().statistic();
    Alarm high = new Alarm(highName, policy.metric(), statistic, HIGH_ALARM_PERIODS, HIGH_ALARM_PERIODS,
        policy.targetValue(), "GreaterThanThreshold");
    Alarm low = new Alarm(lowName, policy.metric(), statistic, LOW_ALARM_PERIODS, LOW_ALARM_PERIODS,
        policy.targetValue() * LOW_ALARM_FRACTION, "LessThanThreshold");
    List<Datapoint> series = in.metrics().getOrDefault(policy.metric(), List.of());
    if (state.lastScaleOutAt != null
        && in.now().isBefore(state.lastScaleOutAt.plusSeconds(state.lastScaleOutCooldownSeconds))) {
      // EMU: while a scale-out cools down, only periods that began after it count, so data from
      // before the new tasks ran does not scale out again on top of them.
      Instant since = state.lastScaleOutAt;
      series = series.stream().filter(d -> !d.start().isBefore(since)).toList();
    }
    List<Datapoint> highWindow = high.window(series, in.period(), in.now());
    String highState = high.state(highWindow);
    String lowState = low.state(low.window(series, in.period(), in.now()));
    state.alarmStates.put(high.name(), highState);
    state.alarmStates.put(low.name(), policy.disableScaleIn() ? Alarm.INSUFFICIENT_DATA : lowState);
    Direction hold = policy.disableScaleIn() ? Direction.NONE : Direction.HOLD;
    if (highWindow.isEmpty()) {
      return new Vote(policy, hold, desired, null, Duration.ZERO);
    }
    double value = highWindow.get(highWindow.size() - 1).statistic(statistic);
    int proportional = (int) Math.ceil(in.service().running() * value / policy.targetValue() - 1e-9);
    if (Alarm.ALARM.equals(highState)) {
      return new Vote(policy, proportional > desired ? Direction.OUT : hold, proportional,
          cause(high.name(), policy.name()), policy.scaleOutCooldown());
    }
    if (Alarm.ALARM.equals(lowState) && !policy.disableScaleIn()) {
      return new Vote(policy, proportional < desired ? Direction.IN : Direction.HOLD, proportional,
          cause(low.name(), policy.name()), policy.scaleInCooldown());
    }
    return new Vote(policy, hold, desired, null, Duration.ZERO);
  }

  private static Vote step(ScalingPolicy.StepScaling policy, Input in, ScalingStateEntity state, int desired) {
    Alarm alarm = policy.alarm();
    if (alarm == null) {
      return new Vote(policy, Direction.NONE, desired, null, Duration.ZERO);
    }
    List<Datapoint> window = alarm.window(in.metrics().getOrDefault(alarm.metric(), List.of()), in.period(), in.now());
    String alarmState = alarm.state(window);
    state.alarmStates.put(alarm.name(), alarmState);
    if (!Alarm.ALARM.equals(alarmState)) {
      return new Vote(policy, Direction.NONE, desired, null, Duration.ZERO);
    }
    List<Double> values = window.stream().map(d -> d.statistic(alarm.statistic())).toList();
    double value = switch (policy.aggregation() == null ? "Average" : policy.aggregation()) {
      case "Minimum" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      case "Maximum" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      default -> values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    };
    double delta = value - alarm.threshold();
    ScalingPolicy.Step step = policy.steps().stream().filter(s -> s.contains(delta)).findFirst().orElse(null);
    if (step == null) {
      return new Vote(policy, Direction.NONE, desired, null, Duration.ZERO);
    }
    int capacity = adjust(desired, policy.adjustmentType(), step.adjustment(), policy.minAdjustmentMagnitude());
    Direction direction = capacity > desired ? Direction.OUT : capacity < desired ? Direction.IN : Direction.NONE;
    return new Vote(policy, direction, capacity, cause(alarm.name(), policy.name()), policy.cooldown());
  }

  /**
   * A step's new capacity. Percentages are rounded as Application Auto Scaling rounds them: toward
   * zero beyond ±1, to ±1 between 0 and ±1, then at least {@code minAdjustmentMagnitude} in size.
   */
  static int adjust(int current, String type, int adjustment, Integer minAdjustmentMagnitude) {
    return switch (type == null ? "ChangeInCapacity" : type) {
      case "ExactCapacity" -> adjustment;
      case "PercentChangeInCapacity" -> {
        double change = current * adjustment / 100.0;
        int rounded = change > 1 ? (int) Math.floor(change) : change > 0 ? 1
            : change >= -1 && change < 0 ? -1 : (int) Math.ceil(change);
        if (minAdjustmentMagnitude != null && rounded != 0 && Math.abs(rounded) < minAdjustmentMagnitude) {
          rounded = Integer.signum(rounded) * minAdjustmentMagnitude;
        }
        yield current + rounded;
      }
      default -> current + adjustment;
    };
  }

  private static String cause(String alarm, String policy) {
    return "monitor alarm " + alarm + " in state ALARM triggered policy " + policy;
  }

  private static ScalingActivity setDesired(int from, int to, String cause) {
    return new ScalingActivity("Setting desired count to " + to + ".", cause, SUCCESSFUL,
        "Successfully set desired count to " + to + ". Change successfully fulfilled by ecs.", from, to);
  }

  /** True when {@code action} runs now; keeps its next run time in {@code state}. */
  private static boolean runsNow(ScheduledAction action, ScalingStateEntity state, Instant now) {
    ScalingStateEntity.ActionTimes times = state.scheduledActions.get(action.name());
    Schedule expression;
    try {
      expression = Schedule.parse(action.schedule(), action.zone(), true);
    } catch (InvalidScheduleException e) {
      return false; // PutScheduledAction refuses these
    }
    if (times == null || !action.schedule().equals(times.schedule)) {
      times = new ScalingStateEntity.ActionTimes();
      times.schedule = action.schedule();
      times.anchor = action.startTime() != null && action.startTime().isAfter(now) ? action.startTime() : now;
      Instant from = action.startTime() != null && action.startTime().isAfter(now) ? action.startTime().minusMillis(1)
          : now.minusMillis(1);
      times.nextRunAt = expression.nextAfter(from, times.anchor);
      state.scheduledActions.put(action.name(), times);
    }
    if (times.nextRunAt == null || now.isBefore(times.nextRunAt)) {
      return false;
    }
    Instant due = times.nextRunAt;
    times.nextRunAt = expression.nextAfter(now, times.anchor);
    if (action.endTime() != null && due.isAfter(action.endTime())) {
      times.nextRunAt = null;
      return false;
    }
    times.lastRunAt = due;
    return true;
  }

  private static Instant lastCompletePeriod(Duration period, Instant now) {
    long millis = period.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis - millis);
  }

  private static ScalingStateEntity fresh(String targetId) {
    ScalingStateEntity state = new ScalingStateEntity();
    state.targetId = targetId;
    return state;
  }
}
