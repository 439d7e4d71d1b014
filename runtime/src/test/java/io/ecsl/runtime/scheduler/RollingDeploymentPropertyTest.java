package io.ecsl.runtime.scheduler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.ServiceSnapshot.DeploymentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property test of the rolling-deployment safety invariants (§3.3): over many random
 * deployments, where tasks start, become healthy, stop and fail at random, a scheduler pass never
 * (1) takes the count of pending + running + stopping tasks above {@code maximumPercent} by its
 * launches, nor (2) stops a healthy task when that leaves fewer healthy tasks than
 * {@code minimumHealthyPercent} requires. Every deployment must also finish.
 */
class RollingDeploymentPropertyTest {
  private static final int RUNS = 300;

  @Test
  void launchesNeverExceedTheMaximumAndStopsNeverBreakTheMinimum() {
    Random random = new Random(20260101);
    for (int run = 0; run < RUNS; run++) {
      int desired = 1 + random.nextInt(10);
      int min = random.nextInt(101);
      int max = Math.max(100 + random.nextInt(101), min + 1);
      if (DeploymentMath.maximumTasks(desired, max) <= DeploymentMath.minimumHealthy(desired, min)) {
        max = 200; // a stalled configuration is covered by its own test; keep these feasible
      }
      simulate(random, desired, min, max, "seed run " + run + ": desired=" + desired + " min=" + min + " max=" + max);
    }
  }

  /** A mutable simulated task. */
  private static final class SimTask {
    final String id;
    final String deployment;
    String lastStatus = TaskStatus.PROVISIONING;
    boolean active = true;
    String health = TaskStatus.UNKNOWN;
    Instant createdAt;
    Instant startedAt;
    Instant stoppedAt;
    String stopCode;
    boolean accounted;

    SimTask(String id, String deployment, Instant now) {
      this.id = id;
      this.deployment = deployment;
      this.createdAt = now;
    }

    TaskView view() {
      return new TaskView(id, id, deployment, lastStatus, active, health, true, createdAt, startedAt,
          TaskStatus.HEALTHY.equals(health) ? startedAt : null, stoppedAt, stopCode, false, accounted);
    }
  }

  private static void simulate(Random random, int desired, int min, int max, String label) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<SimTask> tasks = new ArrayList<>();
    int[] ids = {0};
    for (int i = 0; i < desired; i++) {
      SimTask task = new SimTask("o" + ids[0]++, "old", now);
      task.lastStatus = TaskStatus.RUNNING;
      task.health = TaskStatus.HEALTHY;
      task.startedAt = now;
      tasks.add(task);
    }
    List<DeploymentState> deployments = List.of(
        new DeploymentState("new", true, "td:2", DeploymentEntity.IN_PROGRESS, null, 0, null),
        new DeploymentState("old", false, "td:1", DeploymentEntity.COMPLETED, null, 0, null));
    int minimum = DeploymentMath.minimumHealthy(desired, min);
    int maximum = DeploymentMath.maximumTasks(desired, max);
    for (int tick = 0; tick < 400; tick++) {
      ServiceSnapshot snapshot = new ServiceSnapshot("svc", false, desired, min, max,
          ServiceSnapshot.CircuitBreaker.DISABLED, Duration.ZERO, deployments, null, 0, null, false);
      List<TaskView> views = tasks.stream().map(SimTask::view).toList();
      Instant at = now;
      ServicePlan plan = ServiceScheduler.plan(snapshot, views, at, () -> "unused");

      long totalBefore = tasks.stream().filter(t -> !TaskStatus.STOPPED.equals(t.lastStatus)).count();
      long healthyBefore = views.stream().filter(t -> t.countsHealthy(at)).count();
      Set<String> stopped = new HashSet<>();
      plan.stops().forEach(s -> stopped.add(s.taskArn()));
      long healthyAfter = views.stream().filter(t -> t.countsHealthy(at) && !stopped.contains(t.taskArn())).count();
      int launched = plan.launches().stream().mapToInt(ServicePlan.Launch::count).sum();

      assertTrue(launched == 0 || totalBefore + launched <= maximum,
          label + ": launched " + launched + " with " + totalBefore + " tasks up; maximum " + maximum);
      assertTrue(healthyAfter >= Math.min(minimum, healthyBefore),
          label + ": stops left " + healthyAfter + " healthy of " + healthyBefore + "; minimum " + minimum);

      deployments = plan.deployments();
      for (ServicePlan.Stop stop : plan.stops()) {
        tasks.stream().filter(t -> t.id.equals(stop.taskArn())).forEach(t -> {
          t.active = false;
          t.stopCode = stop.stopCode();
        });
      }
      plan.accounted().forEach(arn -> tasks.stream().filter(t -> t.id.equals(arn)).forEach(t -> t.accounted = true));
      for (ServicePlan.Launch launch : plan.launches()) {
        for (int i = 0; i < launch.count(); i++) {
          tasks.add(new SimTask("n" + ids[0]++, launch.deploymentId(), now));
        }
      }
      now = now.plusSeconds(1);
      progress(random, tasks, now);
      if (DeploymentEntity.COMPLETED.equals(deployments.get(0).rolloutState())) {
        return;
      }
    }
    throw new AssertionError(label + ": the deployment did not complete in 400 passes");
  }

  /** Random progress: tasks start, pass health checks, stop; some new tasks crash before running. */
  private static void progress(Random random, List<SimTask> tasks, Instant now) {
    for (SimTask task : tasks) {
      if (TaskStatus.STOPPED.equals(task.lastStatus)) {
        continue;
      }
      if (!task.active) {
        if (random.nextInt(3) == 0) {
          task.lastStatus = TaskStatus.STOPPED;
          task.stoppedAt = now;
        }
      } else if (TaskStatus.PROVISIONING.equals(task.lastStatus) && random.nextInt(3) == 0) {
        if (random.nextInt(10) == 0) {
          task.active = false;
          task.lastStatus = TaskStatus.STOPPED;
          task.stoppedAt = now;
          task.stopCode = TaskStatus.TASK_FAILED_TO_START;
        } else {
          task.lastStatus = TaskStatus.RUNNING;
          task.startedAt = now;
        }
      } else if (TaskStatus.RUNNING.equals(task.lastStatus) && !TaskStatus.HEALTHY.equals(task.health)
          && random.nextInt(2) == 0) {
        task.health = TaskStatus.HEALTHY;
      }
    }
  }
}
