package io.ecsl.runtime.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.Metric;
import io.ecsl.runtime.model.ScalingStateEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service Auto Scaling as a pure function of target, policies, metric history, memory and clock (§9). */
class AutoscalerTest {
  private static final Duration PERIOD = Duration.ofMinutes(1);
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:30Z");

  private final Map<Metric, List<Datapoint>> metrics = new EnumMap<>(Metric.class);
  private ScalableTarget target = new ScalableTarget("t", "service/c/web", 1, 10, false, false, false);
  private final List<ScalingPolicy> policies = new ArrayList<>();
  private final List<ScheduledAction> actions = new ArrayList<>();
  private ServiceView service = new ServiceView("web", 2, 2, false);
  private ScalingStateEntity state = settled();

  /** Memory of a target whose bounds were already enforced and which evaluated nothing yet. */
  private ScalingStateEntity settled() {
    ScalingStateEntity settled = new ScalingStateEntity();
    settled.targetId = "t";
    settled.appliedMin = 1;
    settled.appliedMax = 10;
    return settled;
  }

  private static ScalingPolicy.TargetTracking tracking(Metric metric, double target) {
    return new ScalingPolicy.TargetTracking(metric == Metric.CPU_UTILIZATION ? "web-cpu" : "web-memory", metric,
        metric.cloudWatchName(), target, Duration.ofSeconds(60), Duration.ofSeconds(120), false, null, null);
  }

  /** The metric's datapoints: the last value is the period that just ended before NOW. */
  private void history(Metric metric, double... values) {
    List<Datapoint> points = new ArrayList<>();
    Instant lastStart = Instant.parse("2026-01-01T11:59:00Z");
    for (int i = 0; i < values.length; i++) {
      Instant start = lastStart.minus(PERIOD.multipliedBy(values.length - 1 - i));
      points.add(new Datapoint(start, values[i], values[i], values[i], 4));
    }
    metrics.put(metric, points);
  }

  private static double[] repeat(double value, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  private Autoscaler.Decision evaluate(Instant now) {
    Autoscaler.Decision decision = Autoscaler.evaluate(new Autoscaler.Input(target, policies, actions, service,
        metrics, PERIOD, state, now));
    state = decision.state();
    if (decision.desired() != null) {
      service = new ServiceView(service.serviceName(), decision.desired(), service.running(), service.deploying());
    }
    return decision;
  }

  private Autoscaler.Decision evaluate() {
    return evaluate(NOW);
  }

  @Test
  void cpuAboveTheTargetForThreePeriodsScalesOutProportionallyToTheRunningTasks() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    history(Metric.CPU_UTILIZATION, 77, 77, 77);
    Autoscaler.Decision decision = evaluate();
    assertEquals(4, decision.desired(), "ceil(2 running x 77 / 50)");
    ScalingActivity activity = decision.activities().get(0);
    assertEquals("Setting desired count to 4.", activity.description());
    assertTrue(activity.cause().matches("monitor alarm TargetTracking-service/c/web-AlarmHigh in state ALARM triggered"
        + " policy web-cpu"), activity.cause());
    assertEquals("ALARM", state.alarmStates.get("TargetTracking-service/c/web-AlarmHigh"));
  }

  @Test
  void twoBreachingPeriodsAreNotEnough() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    history(Metric.CPU_UTILIZATION, 40, 77, 77);
    assertNull(evaluate().desired());
    assertEquals("OK", state.alarmStates.get("TargetTracking-service/c/web-AlarmHigh"));
  }

  /** Datapoints at the given period offsets before the one that just ended (0 = that one). */
  private void sparseHistory(Metric metric, double value, int... periodsAgo) {
    List<Datapoint> points = new ArrayList<>();
    Instant lastStart = Instant.parse("2026-01-01T11:59:00Z");
    for (int ago : periodsAgo) {
      points.add(new Datapoint(lastStart.minus(PERIOD.multipliedBy(ago)), value, value, value, 4));
    }
    points.sort(java.util.Comparator.comparing(Datapoint::start));
    metrics.put(metric, points);
  }

  @Test
  void aMissingPeriodDelaysTheAlarmInsteadOfKeepingItOk() {
    // CloudWatch judges the most recent 3 datapoints of a longer evaluation range: a period a busy
    // engine left without a reading is skipped, not counted against the alarm.
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    sparseHistory(Metric.CPU_UTILIZATION, 77, 0, 2, 3);
    assertEquals(4, evaluate().desired(), "3 breaching datapoints within the last 4 periods");
    assertEquals("ALARM", state.alarmStates.get("TargetTracking-service/c/web-AlarmHigh"));
  }

  @Test
  void datapointsOlderThanTheEvaluationRangeDoNotCount() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    sparseHistory(Metric.CPU_UTILIZATION, 77, 0, 1, 5);
    assertNull(evaluate().desired(), "the third breaching datapoint is 6 periods back, outside a range of 5");
    assertEquals("OK", state.alarmStates.get("TargetTracking-service/c/web-AlarmHigh"));
  }

  @Test
  void anEvaluationRangeWithoutDataIsInsufficientData() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    sparseHistory(Metric.CPU_UTILIZATION, 77, 5, 6, 7);
    assertNull(evaluate().desired());
    assertEquals("INSUFFICIENT_DATA", state.alarmStates.get("TargetTracking-service/c/web-AlarmHigh"));
  }

  @Test
  void policiesAreEvaluatedOncePerPeriod() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    history(Metric.CPU_UTILIZATION, 77, 77, 77);
    assertEquals(4, evaluate().desired());
    service = new ServiceView("web", 4, 2, false); // the new tasks are not running yet
    assertNull(evaluate(NOW.plusSeconds(10)).desired(), "the same period is not evaluated twice");
  }

  @Test
  void lowMetricForFifteenPeriodsScalesInButNotDuringADeployment() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    service = new ServiceView("web", 6, 6, false);
    history(Metric.CPU_UTILIZATION, repeat(10, 14));
    assertNull(evaluate().desired(), "14 low periods are not enough");

    state = settled();
    history(Metric.CPU_UTILIZATION, repeat(10, 15));
    service = new ServiceView("web", 6, 6, true);
    assertNull(evaluate().desired(), "no scale-in during a deployment");

    state = settled();
    service = new ServiceView("web", 6, 6, false);
    Autoscaler.Decision decision = evaluate();
    assertEquals(2, decision.desired(), "ceil(6 x 10 / 50)");
    assertTrue(decision.activities().get(0).cause().contains("AlarmLow"), decision.activities().toString());
  }

  @Test
  void scaleInNeedsEveryTrackingPolicyToAgree() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    policies.add(tracking(Metric.MEMORY_UTILIZATION, 60));
    service = new ServiceView("web", 6, 6, false);
    history(Metric.CPU_UTILIZATION, repeat(5, 15));
    history(Metric.MEMORY_UTILIZATION, repeat(58, 15));
    assertNull(evaluate().desired(), "memory is near its target: it holds");

    state = settled();
    history(Metric.MEMORY_UTILIZATION, repeat(20, 15));
    assertEquals(2, evaluate().desired(), "both agree: the larger proposal (memory: ceil(6 x 20 / 60) = 2) wins");
  }

  @Test
  void aPolicyWithScaleInDisabledNeitherScalesInNorBlocksOthers() {
    policies.add(new ScalingPolicy.TargetTracking("web-cpu", Metric.CPU_UTILIZATION, "cpu", 50, Duration.ofSeconds(60),
        Duration.ofSeconds(60), true, null, null));
    service = new ServiceView("web", 6, 6, false);
    history(Metric.CPU_UTILIZATION, repeat(5, 15));
    assertNull(evaluate().desired());
    policies.add(tracking(Metric.MEMORY_UTILIZATION, 60));
    history(Metric.MEMORY_UTILIZATION, repeat(10, 15));
    state = settled();
    assertEquals(1, evaluate().desired(), "memory scales in alone, clamped to the minimum");
  }

  @Test
  void duringAScaleOutCooldownOnlyALargerScaleOutGoesAhead() {
    policies.add(new ScalingPolicy.TargetTracking("web-cpu", Metric.CPU_UTILIZATION, "cpu", 50, Duration.ofSeconds(600),
        Duration.ofSeconds(600), false, null, null));
    history(Metric.CPU_UTILIZATION, 77, 77, 77);
    assertEquals(4, evaluate().desired());
    service = new ServiceView("web", 3, 3, false); // lowered by hand while the scale-out to 4 cools down
    history(Metric.CPU_UTILIZATION, 77, 77, 77, 77, 60, 60, 60);
    shift(4);
    assertNull(evaluate(NOW.plusSeconds(210)).desired(), "ceil(3 x 60 / 50) = 4 is not larger than the 4 in progress");
    history(Metric.CPU_UTILIZATION, 60, 60, 90, 90, 90);
    shift(5);
    assertEquals(6, evaluate(NOW.plusSeconds(270)).desired(), "ceil(3 x 90 / 50) = 6 is larger: it goes ahead");
  }

  @Test
  void periodsFromBeforeAScaleOutDoNotDriveAnotherDuringItsCooldown() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50)); // scale-out cooldown 60 s
    history(Metric.CPU_UTILIZATION, 100, 100, 100);
    assertEquals(4, evaluate().desired());
    service = new ServiceView("web", 4, 4, false);
    history(Metric.CPU_UTILIZATION, 100, 100, 100, 75);
    shift(1);
    assertNull(evaluate(NOW.plusSeconds(30)).desired(), "ceil(4 x 75 / 50) = 6 from a window mostly older than"
        + " the scale-out: wait for three periods of data with the new tasks");
    history(Metric.CPU_UTILIZATION, 100, 100, 100, 75);
    shift(2);
    assertEquals(6, evaluate(NOW.plusSeconds(90)).desired(), "after the cooldown every period counts again");
  }

  @Test
  void aScaleInCooldownBlocksTheNextScaleIn() {
    policies.add(new ScalingPolicy.TargetTracking("web-cpu", Metric.CPU_UTILIZATION, "cpu", 50, Duration.ofSeconds(60),
        Duration.ofSeconds(150), false, null, null));
    service = new ServiceView("web", 8, 8, false);
    history(Metric.CPU_UTILIZATION, repeat(20, 15));
    assertEquals(4, evaluate().desired());
    service = new ServiceView("web", 4, 4, false);
    history(Metric.CPU_UTILIZATION, repeat(10, 16));
    shift(1);
    assertNull(evaluate(NOW.plusSeconds(60)).desired(), "within the 150 s scale-in cooldown");
    history(Metric.CPU_UTILIZATION, repeat(10, 17));
    shift(2);
    assertNull(evaluate(NOW.plusSeconds(120)).desired(), "still within it");
    history(Metric.CPU_UTILIZATION, repeat(10, 18));
    shift(3);
    assertEquals(1, evaluate(NOW.plusSeconds(180)).desired());
  }

  /** Moves the metric history {@code periods} later (the series above were built for NOW). */
  private void shift(int periods) {
    metrics.replaceAll((metric, points) -> points.stream()
        .map(d -> new Datapoint(d.start().plus(PERIOD.multipliedBy(periods)), d.average(), d.minimum(), d.maximum(),
            d.samples())).toList());
  }

  @Test
  void boundsClampEveryResultAndAChangeOfBoundsMovesTheDesiredCountOnce() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 10));
    history(Metric.CPU_UTILIZATION, 90, 90, 90);
    assertEquals(10, evaluate().desired(), "ceil(2 x 90 / 10) = 18, clamped to the maximum");

    target = new ScalableTarget("t", "service/c/web", 12, 20, false, false, false);
    metrics.clear();
    Autoscaler.Decision raised = evaluate(NOW.plusSeconds(1));
    assertEquals(12, raised.desired());
    assertEquals("minimum capacity was set to 12", raised.activities().get(0).cause());
    service = new ServiceView("web", 30, 12, false); // set by hand: left alone until a policy acts
    assertNull(evaluate(NOW.plusSeconds(2)).desired());
  }

  @Test
  void suspendedStatesSwitchEachKindOff() {
    policies.add(tracking(Metric.CPU_UTILIZATION, 50));
    history(Metric.CPU_UTILIZATION, 77, 77, 77);
    target = new ScalableTarget("t", "service/c/web", 1, 10, false, true, false);
    assertNull(evaluate().desired(), "scale-out suspended");

    state = settled();
    target = new ScalableTarget("t", "service/c/web", 1, 10, true, false, false);
    service = new ServiceView("web", 6, 6, false);
    history(Metric.CPU_UTILIZATION, repeat(5, 15));
    assertNull(evaluate().desired(), "scale-in suspended");
  }

  @Test
  void scheduledActionsSetTheBoundsAtTheirTimesUnlessSuspended() {
    actions.add(new ScheduledAction("evening", "cron(0 18 * * ? *)", ZoneOffset.UTC, null, null, 4, 8));
    Autoscaler.Decision before = evaluate(Instant.parse("2026-01-01T17:59:00Z"));
    assertNull(before.min());
    Autoscaler.Decision at = evaluate(Instant.parse("2026-01-01T18:00:00Z"));
    assertEquals(4, at.min());
    assertEquals(8, at.max());
    assertEquals(4, at.desired(), "2 is below the new minimum");
    assertEquals("Setting min capacity to 4 and max capacity to 8", at.activities().get(0).description());
    assertEquals("scheduled action name evening was triggered", at.activities().get(1).cause());

    state = settled();
    target = new ScalableTarget("t", "service/c/web", 1, 10, false, false, true);
    service = new ServiceView("web", 2, 2, false);
    evaluate(Instant.parse("2026-01-02T17:59:00Z"));
    assertNull(evaluate(Instant.parse("2026-01-02T18:00:00Z")).min(), "scheduled scaling suspended");
  }

  @Test
  void stepScalingAppliesTheStepItsAlarmsBreachFallsIn() {
    Alarm alarm = new Alarm("web-cpu-high", Metric.CPU_UTILIZATION, "Average", 2, 2, 70, "GreaterThanThreshold");
    policies.add(new ScalingPolicy.StepScaling("web-steps", "ChangeInCapacity", List.of(
        new ScalingPolicy.Step(0.0, 15.0, 1), new ScalingPolicy.Step(15.0, null, 3)), null, Duration.ofSeconds(60),
        "Average", alarm));
    history(Metric.CPU_UTILIZATION, 75, 80);
    Autoscaler.Decision small = evaluate();
    assertEquals(3, small.desired(), "breach 7.5 is in [0, 15): +1");
    assertEquals("monitor alarm web-cpu-high in state ALARM triggered policy web-steps", small.activities().get(0).cause());

    state = settled();
    service = new ServiceView("web", 2, 2, false);
    history(Metric.CPU_UTILIZATION, 95, 95);
    assertEquals(5, evaluate().desired(), "breach 25 is beyond 15: +3");
  }

  @Test
  void percentChangesRoundAsApplicationAutoScalingDoes() {
    assertEquals(5, Autoscaler.adjust(4, "PercentChangeInCapacity", 25, null), "1 task");
    assertEquals(5, Autoscaler.adjust(4, "PercentChangeInCapacity", 10, null), "0.4 rounds up to 1");
    assertEquals(6, Autoscaler.adjust(4, "PercentChangeInCapacity", 25, 2), "at least the minimum magnitude");
    assertEquals(13, Autoscaler.adjust(10, "PercentChangeInCapacity", 35, null), "3.5 rounds down to 3");
    assertEquals(7, Autoscaler.adjust(10, "PercentChangeInCapacity", -35, null), "-3.5 rounds toward zero");
    assertEquals(9, Autoscaler.adjust(10, "PercentChangeInCapacity", -5, null), "-0.5 rounds to -1");
    assertEquals(3, Autoscaler.adjust(10, "ExactCapacity", 3, null));
    assertEquals(8, Autoscaler.adjust(10, "ChangeInCapacity", -2, null));
  }

  @Test
  void aPolicyOnAMetricTheRuntimeDoesNotMeasureNeverActs() {
    policies.add(new ScalingPolicy.TargetTracking("web-queue", null, "MyApp QueueDepth", 1000,
        Duration.ofSeconds(60), Duration.ofSeconds(60), false, null, null));
    history(Metric.CPU_UTILIZATION, 99, 99, 99);
    assertNull(evaluate().desired());
    assertTrue(Collections.unmodifiableMap(state.alarmStates).isEmpty());
  }

  @Test
  void requestsPerTargetAreSummedOverEachPeriod() {
    // Four readings of 300 requests per target in each period: 1,200 per period, above 1,000.
    policies.add(new ScalingPolicy.TargetTracking("web-requests", Metric.REQUEST_COUNT_PER_TARGET,
        "ALBRequestCountPerTarget", 1000, Duration.ofSeconds(60), Duration.ofSeconds(60), false, null, null));
    history(Metric.REQUEST_COUNT_PER_TARGET, 300, 300, 300);
    Autoscaler.Decision out = evaluate();
    assertEquals(3, out.desired(), "ceil(2 running x 1,200 / 1,000)");
    assertEquals(Alarm.ALARM, state.alarmStates.get("TargetTracking-service/c/web-AlarmHigh"));
  }

  @Test
  void requestsPerTargetBelowTheTargetScaleIn() {
    policies.add(new ScalingPolicy.TargetTracking("web-requests", Metric.REQUEST_COUNT_PER_TARGET,
        "ALBRequestCountPerTarget", 1000, Duration.ofSeconds(60), Duration.ofSeconds(60), false, null, null));
    service = new ServiceView("web", 4, 4, false);
    history(Metric.REQUEST_COUNT_PER_TARGET, repeat(100, 15)); // 400 per target per period
    assertEquals(2, evaluate().desired(), "ceil(4 running x 400 / 1,000)");
  }
}
