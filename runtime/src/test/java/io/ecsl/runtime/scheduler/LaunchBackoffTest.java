package io.ecsl.runtime.scheduler;

import static io.ecsl.runtime.scheduler.SchedulerFixtures.IN_PROGRESS;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.T0;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.deployment;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.launched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.ManualClock;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.ServiceSnapshot.DeploymentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launch backoff of a service whose tasks cannot start (ECS semantics §6.6), as pure scheduler
 * passes on a manual clock: exactly one launch per backoff step (1, 2, 4, ... s), whether the tasks
 * fail before RUNNING (an image that cannot be pulled) or exit the moment they run; a task that
 * stays up resets it; a task that ran and then died is replaced at once.
 */
class LaunchBackoffTest {
  private static final DeploymentState PRIMARY = deployment("d1", true, IN_PROGRESS);
  private static final Duration PASS = Duration.ofMillis(250);

  /** How each launched task fails, as the engine would report it. */
  private enum Failure {
    /** PENDING, then asked to stop with TaskFailedToStart (CannotPullContainerError) a pass later. */
    CANNOT_PULL,
    /** RUNNING for a pass, then its essential container exits. */
    EXITS_AT_ONCE
  }

  /** A service of one task whose every task fails; returns the seconds (since T0) of each launch. */
  private static List<Long> launchTimes(Failure failure, Duration span) {
    ManualClock clock = new ManualClock(T0);
    List<TaskView> tasks = new ArrayList<>();
    List<Long> launches = new ArrayList<>();
    int failures = 0;
    Instant notBefore = null;
    Instant lastFailure = null;
    int next = 0;
    while (clock.instant().isBefore(T0.plus(span))) {
      Instant now = clock.instant();
      // The engine's side: every task launched a pass ago fails now (first it runs, for
      // EXITS_AT_ONCE); a task asked to stop is STOPPED a pass later.
      List<TaskView> updated = new ArrayList<>();
      for (TaskView task : tasks) {
        boolean fresh = task.active() && task.createdAt().plus(PASS).equals(now);
        if (!task.active() && !task.isStopped()) {
          updated.add(new TaskView(task.taskArn(), task.taskId(), "d1", TaskStatus.STOPPED, false, TaskStatus.UNKNOWN,
              false, task.createdAt(), task.startedAt(), null, now, task.stopCode(), false, task.accounted(),
              task.stoppingAt()));
        } else if (!fresh) {
          updated.add(task);
        } else if (failure == Failure.CANNOT_PULL) {
          updated.add(new TaskView(task.taskArn(), task.taskId(), "d1", TaskStatus.PENDING, false, TaskStatus.UNKNOWN,
              false, task.createdAt(), null, null, null, TaskStatus.TASK_FAILED_TO_START, false, task.accounted()));
        } else {
          updated.add(new TaskView(task.taskArn(), task.taskId(), "d1", TaskStatus.RUNNING, false, TaskStatus.UNKNOWN,
              false, task.createdAt(), now.minusMillis(200), null, null, TaskStatus.ESSENTIAL_CONTAINER_EXITED, false,
              task.accounted(), now));
        }
      }
      tasks = updated;
      ServiceSnapshot service = new ServiceSnapshot("web", false, 1, 100, 200, ServiceSnapshot.CircuitBreaker.DISABLED,
          Duration.ZERO, List.of(PRIMARY), null, failures, notBefore, false, lastFailure);
      ServicePlan plan = ServiceScheduler.plan(service, tasks, now, () -> "d2");
      failures = plan.consecutiveStartFailures();
      notBefore = plan.launchNotBefore();
      lastFailure = plan.lastStartFailureAt();
      List<TaskView> marked = new ArrayList<>();
      for (TaskView task : tasks) {
        boolean accounted = task.accounted() || plan.accounted().contains(task.taskArn());
        marked.add(new TaskView(task.taskArn(), task.taskId(), task.deploymentId(), task.lastStatus(), task.active(),
            task.healthStatus(), task.healthChecked(), task.createdAt(), task.startedAt(), task.firstHealthyAt(),
            task.stoppedAt(), task.stopCode(), task.replacedAsUnhealthy(), accounted, task.stoppingAt()));
      }
      tasks = marked;
      for (int i = 0; i < launched(plan); i++) {
        String id = "t" + next++;
        tasks.add(new TaskView("arn:task/" + id, id, "d1", TaskStatus.PROVISIONING, true, TaskStatus.UNKNOWN, false,
            now, null, null, null, null, false, false));
        launches.add(Duration.between(T0, now).toSeconds());
      }
      clock.advance(PASS);
    }
    return launches;
  }

  @Test
  void anImageThatCannotBePulledIsTriedOncePerBackoffStep() {
    // Launches at 0, 1.25, 3.5, 7.75, 16, 32.25 s: each fails a pass later and delays the next
    // launch by 1, 2, 4, 8, 16 s. One attempt per step.
    assertEquals(List.of(0L, 1L, 3L, 7L, 16L, 32L), launchTimes(Failure.CANNOT_PULL, Duration.ofSeconds(60)));
  }

  @Test
  void aContainerThatExitsTheMomentItRunsBacksOffToo() {
    assertEquals(List.of(0L, 1L, 3L, 7L, 16L, 32L), launchTimes(Failure.EXITS_AT_ONCE, Duration.ofSeconds(60)));
    List<Long> hour = launchTimes(Failure.EXITS_AT_ONCE, Duration.ofHours(1));
    assertTrue(hour.size() < 20, "an hour of a crashing container: " + hour.size() + " launches, not 3,600");
    long lastGap = hour.get(hour.size() - 1) - hour.get(hour.size() - 2);
    assertTrue(lastGap >= 900 && lastGap <= 901, "the delay is capped at 15 minutes (plus the pass that sees the"
        + " failure): " + lastGap);
  }

  @Test
  void aFailedTaskStillStoppingThrottlesTheNextLaunch() {
    TaskView stopping = new TaskView("arn:task/f", "f", "d1", TaskStatus.STOPPING, false, TaskStatus.UNKNOWN, false,
        T0.minusSeconds(5), null, null, null, TaskStatus.TASK_FAILED_TO_START, false, false);
    ServicePlan plan = ServiceScheduler.plan(SchedulerFixtures.service(1, 100, 200, List.of(PRIMARY)),
        List.of(stopping), T0, () -> "d2");
    assertEquals(0, launched(plan), "no second attempt before the failure's backoff");
    assertEquals(1, plan.consecutiveStartFailures());
    assertEquals(T0.plusSeconds(1), plan.launchNotBefore());
    assertTrue(plan.accounted().contains("arn:task/f"));
  }

  @Test
  void aTaskThatStaysUpResetsTheBackoffAndOneThatRanLongIsReplacedAtOnce() {
    TaskView up = new TaskView("arn:task/up", "up", "d1", TaskStatus.RUNNING, true, TaskStatus.UNKNOWN, false,
        T0.minusSeconds(30), T0.minusSeconds(20), null, null, null, false, false);
    ServiceSnapshot failing = new ServiceSnapshot("web", false, 2, 100, 200, ServiceSnapshot.CircuitBreaker.DISABLED,
        Duration.ZERO, List.of(PRIMARY), null, 4, T0.plusSeconds(8), false, T0.minusSeconds(25));
    ServicePlan plan = ServiceScheduler.plan(failing, List.of(up), T0, () -> "d2");
    assertEquals(0, plan.consecutiveStartFailures(), "RUNNING for 20 s since the last failure");
    assertNull(plan.launchNotBefore());
    assertEquals(1, launched(plan));

    TaskView young = new TaskView("arn:task/young", "young", "d1", TaskStatus.RUNNING, true, TaskStatus.UNKNOWN,
        false, T0.minusSeconds(6), T0.minusSeconds(5), null, null, null, false, false);
    ServicePlan still = ServiceScheduler.plan(failing, List.of(young), T0, () -> "d2");
    assertEquals(4, still.consecutiveStartFailures(), "5 s of RUNNING is not yet a success");

    TaskView crashed = new TaskView("arn:task/c", "c", "d1", TaskStatus.STOPPED, false, TaskStatus.UNKNOWN, false,
        T0.minusSeconds(600), T0.minusSeconds(590), null, T0.minusSeconds(1), TaskStatus.ESSENTIAL_CONTAINER_EXITED,
        false, false, T0.minusSeconds(2));
    ServicePlan replaced = ServiceScheduler.plan(SchedulerFixtures.service(1, 100, 200, List.of(PRIMARY)),
        List.of(crashed), T0, () -> "d2");
    assertEquals(1, launched(replaced), "a task that ran ten minutes then died does not throttle (§6.6)");
    assertEquals(0, replaced.consecutiveStartFailures());
  }
}
