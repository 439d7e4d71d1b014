package io.ecsl.runtime.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the scheduler needs to know about a service, as an immutable value.
 *
 * @param draining the service is being deleted: its desired count is treated as zero
 * @param deployments PRIMARY first, then older ACTIVE ones
 * @param lastCompleted the deployment a circuit-breaker rollback returns to (may be null)
 * @param lastStartFailureAt when the last of {@code consecutiveStartFailures} was counted (null if none)
 */
public record ServiceSnapshot(
    String name,
    boolean draining,
    int desiredCount,
    int minimumHealthyPercent,
    int maximumPercent,
    CircuitBreaker circuitBreaker,
    Duration healthCheckGracePeriod,
    List<DeploymentState> deployments,
    DeploymentState lastCompleted,
    int consecutiveStartFailures,
    Instant launchNotBefore,
    boolean steady,
    Instant lastStartFailureAt) {

  /** A snapshot that has not counted a start failure's time. */
  public ServiceSnapshot(String name, boolean draining, int desiredCount, int minimumHealthyPercent,
      int maximumPercent, CircuitBreaker circuitBreaker, Duration healthCheckGracePeriod,
      List<DeploymentState> deployments, DeploymentState lastCompleted, int consecutiveStartFailures,
      Instant launchNotBefore, boolean steady) {
    this(name, draining, desiredCount, minimumHealthyPercent, maximumPercent, circuitBreaker, healthCheckGracePeriod,
        deployments, lastCompleted, consecutiveStartFailures, launchNotBefore, steady, null);
  }

  public DeploymentState primary() {
    return deployments.stream().filter(DeploymentState::primary).findFirst().orElse(null);
  }

  /** Circuit breaker settings; {@code thresholdType}/{@code thresholdValue} may be null (default). */
  public record CircuitBreaker(boolean enable, boolean rollback, boolean resetOnHealthyTask,
      String thresholdType, Integer thresholdValue) {
    public static final CircuitBreaker DISABLED = new CircuitBreaker(false, false, true, null, null);
  }

  /** A deployment's scheduler-relevant state. */
  public record DeploymentState(
      String id,
      boolean primary,
      String taskDefinition,
      String rolloutState,
      String rolloutStateReason,
      int failedTasks,
      Instant lastFailureAt) {

    DeploymentState withRollout(String state, String reason) {
      return new DeploymentState(id, primary, taskDefinition, state, reason, failedTasks, lastFailureAt);
    }

    DeploymentState withFailures(int failed, Instant lastFailure) {
      return new DeploymentState(id, primary, taskDefinition, rolloutState, rolloutStateReason, failed, lastFailure);
    }

    DeploymentState asActive() {
      return new DeploymentState(id, false, taskDefinition, rolloutState, rolloutStateReason, failedTasks, lastFailureAt);
    }
  }
}
