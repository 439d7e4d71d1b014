package io.ecsl.runtime.scheduler;

import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.ServiceSnapshot.DeploymentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders for scheduler inputs. */
final class SchedulerFixtures {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final AtomicInteger IDS = new AtomicInteger();

  private SchedulerFixtures() {}

  static DeploymentState deployment(String id, boolean primary, String rollout) {
    return new DeploymentState(id, primary, "arn:td/" + id, rollout, null, 0, null);
  }

  static ServiceSnapshot service(int desired, int min, int max, List<DeploymentState> deployments) {
    return service(desired, min, max, deployments, ServiceSnapshot.CircuitBreaker.DISABLED, null);
  }

  static ServiceSnapshot service(int desired, int min, int max, List<DeploymentState> deployments,
      ServiceSnapshot.CircuitBreaker breaker, DeploymentState lastCompleted) {
    return new ServiceSnapshot("web", false, desired, min, max, breaker, Duration.ZERO, deployments,
        lastCompleted, 0, null, false);
  }

  /** A RUNNING task that passed its health check. */
  static TaskView healthy(String deployment) {
    String id = "t" + IDS.incrementAndGet();
    return new TaskView("arn:task/" + id, id, deployment, TaskStatus.RUNNING, true, TaskStatus.HEALTHY, true,
        T0.minusSeconds(120), T0.minusSeconds(100), T0.minusSeconds(90), null, null, false, false);
  }

  /** A task still starting. */
  static TaskView pending(String deployment) {
    String id = "t" + IDS.incrementAndGet();
    return new TaskView("arn:task/" + id, id, deployment, TaskStatus.PENDING, true, TaskStatus.UNKNOWN, true,
        T0.minusSeconds(1), null, null, null, null, false, false);
  }

  /**
   * A task that stopped with {@code stopCode}; {@code ran} says whether it reached RUNNING (and
   * then ran for a minute and a half, well past the start window).
   */
  static TaskView stopped(String deployment, String stopCode, boolean ran) {
    String id = "t" + IDS.incrementAndGet();
    return new TaskView("arn:task/" + id, id, deployment, TaskStatus.STOPPED, false, TaskStatus.UNKNOWN, true,
        T0.minusSeconds(100), ran ? T0.minusSeconds(99) : null, null, T0.minusSeconds(1), stopCode, false, false,
        ran ? T0.minusSeconds(2) : null);
  }

  static List<TaskView> times(int n, java.util.function.Supplier<TaskView> task) {
    List<TaskView> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(task.get());
    }
    return out;
  }

  static List<TaskView> concat(List<TaskView> a, List<TaskView> b) {
    List<TaskView> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static int launched(ServicePlan plan) {
    return plan.launches().stream().mapToInt(ServicePlan.Launch::count).sum();
  }

  static final String IN_PROGRESS = DeploymentEntity.IN_PROGRESS;
  static final String COMPLETED = DeploymentEntity.COMPLETED;
}
