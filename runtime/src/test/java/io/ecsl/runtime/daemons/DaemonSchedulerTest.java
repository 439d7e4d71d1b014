package io.ecsl.runtime.daemons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.daemons.DaemonSnapshot.Deployment;
import io.ecsl.runtime.daemons.DaemonSnapshot.Instance;
import io.ecsl.runtime.daemons.DaemonSnapshot.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Managed Daemon scheduler's decisions, from snapshots alone (no engine, no Docker). */
class DaemonSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String V1 = "rev-1";
  private static final String V2 = "rev-2";

  private static Task running(String arn, String revision) {
    return new Task(arn, revision, true, true, false, true, false);
  }

  private static Task stoppedBeforeRunning(String arn, String revision) {
    return new Task(arn, revision, false, false, true, false, false);
  }

  private static Instance instance(int i, boolean active, boolean others, Task... tasks) {
    return new Instance("ci-" + i, active, T0.plusSeconds(i), others, List.of(tasks));
  }

  private static DaemonSnapshot daemon(Deployment deployment, List<Instance> instances) {
    return new DaemonSnapshot("daemon", false, V1, deployment, instances, List.of());
  }

  private static Deployment rolling(String status, double drainPercent, int bake, List<String> draining, Instant stepDone,
      int failures) {
    return new Deployment(status, V2, V1, null, drainPercent, bake, draining, stepDone, failures, 3);
  }

  @Test
  void anEmptyActiveInstanceGetsOneDaemonTaskAndNoOtherInstanceDoes() {
    DaemonPlan plan = DaemonScheduler.plan(daemon(null, List.of(
        instance(1, true, false),
        instance(2, false, false),
        instance(3, true, false, running("t3", V1)),
        instance(4, true, true))), T0);
    assertEquals(List.of(new DaemonPlan.Launch("ci-1", V1)), plan.launches(),
        "not on a DRAINING instance, not twice, not under tasks already running (a deployment replaces that one)");
    assertEquals(List.of(), plan.replacements());
  }

  @Test
  void aStoppedDaemonTaskDrainsAndReplacesItsInstanceInsteadOfRestarting() {
    DaemonPlan plan = DaemonScheduler.plan(daemon(null, List.of(
        instance(1, true, true, new Task("t1", V1, false, false, true, true, false)),
        instance(2, false, true, new Task("t2", V1, false, false, true, true, false)))), T0);
    assertEquals(List.of(new DaemonPlan.Replacement("ci-1", DaemonScheduler.REPAIR_REASON)), plan.replacements(),
        "a DRAINING instance is already on its way out");
    assertEquals(List.of("t1", "t2"), plan.accounted());
    assertEquals(List.of(), plan.launches());
  }

  @Test
  void aDaemonTaskAskedToStopReplacesItsInstanceAtOnce() {
    DaemonPlan plan = DaemonScheduler.plan(daemon(null, List.of(
        instance(1, true, true, new Task("t1", V1, false, true, false, true, false)))), T0);
    assertEquals(List.of(new DaemonPlan.Replacement("ci-1", DaemonScheduler.REPAIR_REASON)), plan.replacements());
    assertEquals(List.of(), plan.accounted(), "accounted once it has stopped");
    assertEquals(List.of(), plan.launches());
  }

  @Test
  void anUnhealthyDaemonTaskReplacesItsInstanceToo() {
    DaemonPlan plan = DaemonScheduler.plan(daemon(null, List.of(
        instance(1, true, false, new Task("t1", V1, true, true, false, true, true)))), T0);
    assertEquals(List.of(new DaemonPlan.Replacement("ci-1", DaemonScheduler.UNHEALTHY_REASON)), plan.replacements());
  }

  @Test
  void aDeploymentReplacesDrainPercentOfTheInstancesPerStepAndBakesBetweenSteps() {
    List<Instance> old = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      old.add(instance(i, true, true, running("t" + i, V1)));
    }
    DaemonPlan first = DaemonScheduler.plan(daemon(rolling("PENDING", 50.0, 5, List.of(), null, 0), old), T0);
    assertEquals("IN_PROGRESS", first.deployment().status());
    assertEquals(T0, first.deployment().startedAt());
    assertEquals(List.of("ci-1", "ci-2"), first.deployment().drainingInstanceArns(), "50% of 4, oldest first");
    assertEquals(List.of("ci-1", "ci-2"), first.replacements().stream().map(DaemonPlan.Replacement::instanceArn).toList());

    List<Instance> stepping = List.of(instance(1, false, true, running("t1", V1)), instance(2, false, true,
        running("t2", V1)), old.get(2), old.get(3), instance(5, true, false));
    DaemonPlan waiting = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 50.0, 5, List.of("ci-1", "ci-2"), null, 0),
        stepping), T0.plusSeconds(10));
    assertEquals(List.of(), waiting.replacements(), "the step waits for its instances to go");
    assertEquals(List.of(new DaemonPlan.Launch("ci-5", V2)), waiting.launches(), "a replacement gets the target revision");

    List<Instance> replaced = List.of(old.get(2), old.get(3), instance(5, true, true, running("t5", V2)),
        instance(6, true, true, running("t6", V2)));
    Instant stepDone = T0.plusSeconds(60);
    DaemonPlan baking = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 50.0, 5, List.of("ci-1", "ci-2"), null, 0),
        replaced), stepDone);
    assertEquals(stepDone, baking.deployment().stepCompletedAt());
    assertEquals(List.of(), baking.replacements(), "bakeTimeInMinutes before the next step");
    DaemonPlan stillBaking = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 50.0, 5, List.of(), stepDone, 0),
        replaced), stepDone.plus(Duration.ofMinutes(5)).minusSeconds(1));
    assertEquals(List.of(), stillBaking.replacements());
    DaemonPlan next = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 50.0, 5, List.of(), stepDone, 0), replaced),
        stepDone.plus(Duration.ofMinutes(5)));
    assertEquals(List.of("ci-3", "ci-4"), next.deployment().drainingInstanceArns());
    assertNull(next.deployment().stepCompletedAt());
  }

  @Test
  void theDeploymentSucceedsOnceEveryActiveInstanceRunsTheTargetAndTheLastBakeIsOver() {
    List<Instance> done = List.of(instance(5, true, true, running("t5", V2)), instance(6, true, true, running("t6", V2)),
        instance(7, true, false, new Task("t7", V2, true, false, false, false, false)));
    Instant lastStep = T0.plusSeconds(100);
    DaemonPlan starting = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 25.0, 0, List.of(), lastStep, 0), done),
        lastStep.plusSeconds(1));
    assertFalse(starting.deployment().isFinal(), "a target task still starting");
    List<Instance> running = List.of(done.get(0), done.get(1));
    DaemonPlan baking = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 25.0, 1, List.of(), lastStep, 0), running),
        lastStep.plusSeconds(59));
    assertFalse(baking.deployment().isFinal(), "the last step bakes too");
    DaemonPlan success = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 25.0, 1, List.of(), lastStep, 0), running),
        lastStep.plusSeconds(60));
    assertEquals("SUCCESSFUL", success.deployment().status());
    assertEquals(lastStep.plusSeconds(60), success.deployment().finishedAt());
  }

  @Test
  void aDrainPercentOfZeroStillMovesOneInstanceAtATime() {
    List<Instance> old = List.of(instance(1, true, true, running("t1", V1)), instance(2, true, true, running("t2", V1)));
    DaemonPlan plan = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 0.0, 0, List.of(), null, 0), old), T0);
    assertEquals(List.of("ci-1"), plan.deployment().drainingInstanceArns());
  }

  @Test
  void theCircuitBreakerRollsBackToTheSourceRevisionAndAFirstDeploymentStops() {
    List<Instance> failing = List.of(instance(1, true, false, stoppedBeforeRunning("t1", V2)),
        instance(2, true, true, running("t2", V1)));
    DaemonPlan plan = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 50.0, 0, List.of(), null, 2), failing), T0);
    assertEquals("ROLLBACK_IN_PROGRESS", plan.deployment().status());
    assertEquals(V1, plan.deployment().rollbackTargetRevisionArn());
    assertEquals(T0, plan.deployment().rollbackStartedAt());
    assertTrue(plan.deployment().statusReason().contains("circuit breaker"), plan.deployment().statusReason());
    assertEquals(0, plan.deployment().failureCount(), "the rollback's failures count afresh");

    Deployment first = new Deployment("IN_PROGRESS", V2, null, null, 50.0, 0, List.of(), null, 2, 3);
    DaemonPlan stopped = DaemonScheduler.plan(daemon(first, failing), T0);
    assertEquals("STOPPED", stopped.deployment().status());

    DaemonPlan below = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 50.0, 0, List.of(), null, 1), failing), T0);
    assertEquals("IN_PROGRESS", below.deployment().status());
    assertEquals(2, below.deployment().failureCount());
  }

  @Test
  void anAlarmInAlarmRollsTheDeploymentBackOrStopsAFirstOne() {
    List<Instance> fine = List.of(instance(1, true, true, running("t1", V2)), instance(2, true, true, running("t2", V1)));
    Deployment alarmed = new Deployment("IN_PROGRESS", V2, V1, null, 50.0, 0, List.of(), null, 0, 3,
        List.of("agent-errors"));
    DaemonPlan plan = DaemonScheduler.plan(daemon(alarmed, fine), T0);
    assertEquals("ROLLBACK_IN_PROGRESS", plan.deployment().status());
    assertEquals(V1, plan.deployment().rollbackTargetRevisionArn());
    assertEquals(List.of("agent-errors"), plan.deployment().triggeredAlarms());
    assertTrue(plan.deployment().statusReason().contains("agent-errors in ALARM"), plan.deployment().statusReason());

    Deployment first = new Deployment("IN_PROGRESS", V2, null, null, 50.0, 0, List.of(), null, 0, 3,
        List.of("agent-errors"));
    assertEquals("STOPPED", DaemonScheduler.plan(daemon(first, fine), T0).deployment().status());

    Deployment rollingBack = new Deployment("ROLLBACK_IN_PROGRESS", V2, V1, V1, 100.0, 0, List.of(), null, 0, 3,
        List.of("agent-errors"));
    DaemonPlan back = DaemonScheduler.plan(daemon(rollingBack, fine), T0);
    assertEquals("ROLLBACK_IN_PROGRESS", back.deployment().status(), "a rollback is not stopped by the same alarm");
    assertEquals(List.of("ci-1"), back.deployment().drainingInstanceArns());

    DaemonPlan quiet = DaemonScheduler.plan(daemon(rolling("IN_PROGRESS", 50.0, 0, List.of(), null, 0), fine), T0);
    assertEquals("IN_PROGRESS", quiet.deployment().status());
    assertEquals(List.of(), quiet.deployment().triggeredAlarms());
  }

  @Test
  void aRollbackRollsTheInstancesBackAndSucceeds() {
    Deployment back = new Deployment("ROLLBACK_IN_PROGRESS", V2, V1, V1, 100.0, 0, List.of(), null, 0, 3);
    DaemonPlan step = DaemonScheduler.plan(daemon(back, List.of(instance(1, true, true, running("t1", V2)),
        instance(2, true, true, running("t2", V1)))), T0);
    assertEquals(List.of("ci-1"), step.deployment().drainingInstanceArns(), "only the instance on the target revision");
    DaemonPlan done = DaemonScheduler.plan(daemon(back, List.of(instance(2, true, true, running("t2", V1)))), T0);
    assertEquals("ROLLBACK_SUCCESSFUL", done.deployment().status());
  }

  @Test
  void aDeletedDaemonStopsItsTasksAndGoesOnceNoneIsLeft() {
    DaemonSnapshot deleting = new DaemonSnapshot("daemon", true, V1, null, List.of(instance(1, true, true,
        running("t1", V1))), List.of(running("t9", V1)));
    DaemonPlan plan = DaemonScheduler.plan(deleting, T0);
    assertEquals(List.of("t1", "t9"), plan.stops().stream().map(DaemonPlan.Stop::taskArn).toList());
    assertFalse(plan.deleted());
    DaemonSnapshot gone = new DaemonSnapshot("daemon", true, V1, null, List.of(instance(1, true, true,
        new Task("t1", V1, false, false, true, true, false))), List.of());
    assertTrue(DaemonScheduler.plan(gone, T0).deleted());
    assertEquals(List.of(), DaemonScheduler.plan(gone, T0).replacements(), "a deleted daemon repairs nothing");
  }

  @Test
  void tasksOnProvidersTheDaemonNoLongerUsesStop() {
    DaemonSnapshot snapshot = new DaemonSnapshot("daemon", false, V1, null, List.of(), List.of(running("t9", V1)));
    assertEquals(List.of(new DaemonPlan.Stop("t9", DaemonScheduler.STRAY_REASON)),
        DaemonScheduler.plan(snapshot, T0).stops());
  }
}
