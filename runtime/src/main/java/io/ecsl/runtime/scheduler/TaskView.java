package io.ecsl.runtime.scheduler;

import io.ecsl.runtime.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A service task as the scheduler sees it.
 *
 * @param active desired RUNNING and not yet stopped
 * @param healthChecked an essential container has a health check (health then comes from it)
 * @param replacedAsUnhealthy the scheduler stopped it for failing health checks
 * @param accounted the scheduler has already counted this task's stop
 * @param draining its container instance is DRAINING (or, for a daemon, no longer takes it): it
 *     is replaced elsewhere like a task of an older deployment (§6.7)
 * @param capacityProvider the capacity provider it runs on, or its launch type
 */
public record TaskView(
    String taskArn,
    String taskId,
    String deploymentId,
    String lastStatus,
    boolean active,
    String healthStatus,
    boolean healthChecked,
    Instant createdAt,
    Instant startedAt,
    Instant firstHealthyAt,
    Instant stoppedAt,
    String stopCode,
    boolean replacedAsUnhealthy,
    boolean accounted,
    boolean draining,
    String capacityProvider) {

  public TaskView(String taskArn, String taskId, String deploymentId, String lastStatus, boolean active,
      String healthStatus, boolean healthChecked, Instant createdAt, Instant startedAt, Instant firstHealthyAt,
      Instant stoppedAt, String stopCode, boolean replacedAsUnhealthy, boolean accounted) {
    this(taskArn, taskId, deploymentId, lastStatus, active, healthStatus, healthChecked, createdAt, startedAt,
        firstHealthyAt, stoppedAt, stopCode, replacedAsUnhealthy, accounted, false, null);
  }

  /**
   * Without a load balancer and without health checks, ECS counts a new task healthy 40 seconds
   * after it reaches RUNNING (§3.3).
   */
  public static final Duration UNCHECKED_HEALTHY_AFTER = Duration.ofSeconds(40);

  public boolean isStopped() {
    return TaskStatus.STOPPED.equals(lastStatus);
  }

  /** Asked to stop, not stopped yet: still counts toward the maximum (DG-2023 counts STOPPING). */
  public boolean isStopping() {
    return !active && !isStopped();
  }

  public boolean isRunning() {
    return active && TaskStatus.RUNNING.equals(lastStatus);
  }

  /** Counts toward minimumHealthyPercent now (§3.3). */
  public boolean countsHealthy(Instant now) {
    if (!isRunning()) {
      return false;
    }
    if (healthChecked) {
      return TaskStatus.HEALTHY.equals(healthStatus);
    }
    return startedAt != null && !now.isBefore(startedAt.plus(UNCHECKED_HEALTHY_AFTER));
  }

  /** Never reached RUNNING: a start failure, for throttling and the circuit breaker's stage 1. */
  public boolean failedToStart() {
    return isStopped() && startedAt == null
        && (TaskStatus.TASK_FAILED_TO_START.equals(stopCode)
            || TaskStatus.ESSENTIAL_CONTAINER_EXITED.equals(stopCode));
  }

  /** Stopped on its own or for health: a deployment failure for the circuit breaker. */
  public boolean failed() {
    return isStopped() && (failedToStart() || replacedAsUnhealthy
        || TaskStatus.ESSENTIAL_CONTAINER_EXITED.equals(stopCode));
  }
}
