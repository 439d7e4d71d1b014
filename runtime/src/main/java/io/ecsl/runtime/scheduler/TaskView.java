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
 * @param stoppingAt when a task that had reached RUNNING was asked to stop (null otherwise)
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
    Instant stoppingAt) {

  /** A task whose stop time does not matter to the caller. */
  public TaskView(String taskArn, String taskId, String deploymentId, String lastStatus, boolean active,
      String healthStatus, boolean healthChecked, Instant createdAt, Instant startedAt, Instant firstHealthyAt,
      Instant stoppedAt, String stopCode, boolean replacedAsUnhealthy, boolean accounted) {
    this(taskArn, taskId, deploymentId, lastStatus, active, healthStatus, healthChecked, createdAt, startedAt,
        firstHealthyAt, stoppedAt, stopCode, replacedAsUnhealthy, accounted, null);
  }

  /**
   * How long a task must stay RUNNING before its essential container's exit counts as a crash of
   * a running service rather than a failure to start. (EMU: ECS throttles tasks that go from
   * PENDING to STOPPED, §6.6. A container that exits at once is observed RUNNING for the moment
   * between two passes; without this window such a service would be relaunched every second,
   * forever, where ECS backs it off.)
   */
  public static final Duration START_WINDOW = Duration.ofSeconds(10);

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

  /**
   * Failed to start, for throttling (§6.6) and the circuit breaker's stage 1: asked to stop (its
   * stop is known as soon as it is requested, so the next launch waits for the backoff, not for
   * the failed task to finish stopping) because it could not start, or because its essential
   * container exited before the task had been RUNNING for {@link #START_WINDOW}.
   */
  public boolean failedToStart() {
    boolean startFailure = TaskStatus.TASK_FAILED_TO_START.equals(stopCode)
        || TaskStatus.ESSENTIAL_CONTAINER_EXITED.equals(stopCode);
    boolean neverEstablished = startedAt == null
        || (stoppingAt != null && stoppingAt.isBefore(startedAt.plus(START_WINDOW)));
    return !active && startFailure && neverEstablished;
  }

  /** Stopped (or stopping) on its own or for health: a deployment failure for the circuit breaker. */
  public boolean failed() {
    return !active && (failedToStart() || replacedAsUnhealthy
        || TaskStatus.ESSENTIAL_CONTAINER_EXITED.equals(stopCode));
  }

  /** Has run for {@link #START_WINDOW} and still runs: the service can start its tasks. */
  public boolean established(Instant now) {
    return isRunning() && startedAt != null && !now.isBefore(startedAt.plus(START_WINDOW));
  }
}
