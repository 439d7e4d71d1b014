package io.ecsl.runtime.scheduler;

import io.ecsl.runtime.deployments.StagedDeployment;
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
 * @param scaleIn which tasks go first when the service has more than it needs (capacity
 *     providers' split, then the placement strategies' scale-in rules)
 * @param staged what a BLUE_GREEN, LINEAR or CANARY deployment in progress lets the scheduler do
 *     ({@link StagedDeployment}); null when the service rolls
 * @param alarms the CloudWatch alarms a deployment watches, with those in ALARM now
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
    Instant lastStartFailureAt,
    ScaleInOrder scaleIn,
    StagedDeployment.Mode staged,
    DeploymentAlarms alarms) {

  /** A snapshot of a service whose deployments watch no alarms. */
  public ServiceSnapshot(String name, boolean draining, int desiredCount, int minimumHealthyPercent,
      int maximumPercent, CircuitBreaker circuitBreaker, Duration healthCheckGracePeriod,
      List<DeploymentState> deployments, DeploymentState lastCompleted, int consecutiveStartFailures,
      Instant launchNotBefore, boolean steady, Instant lastStartFailureAt, ScaleInOrder scaleIn,
      StagedDeployment.Mode staged) {
    this(name, draining, desiredCount, minimumHealthyPercent, maximumPercent, circuitBreaker, healthCheckGracePeriod,
        deployments, lastCompleted, consecutiveStartFailures, launchNotBefore, steady, lastStartFailureAt, scaleIn,
        staged, DeploymentAlarms.DISABLED);
  }

  /** A snapshot of a service that deploys by rolling (no BLUE_GREEN, LINEAR or CANARY deployment in progress). */
  public ServiceSnapshot(String name, boolean draining, int desiredCount, int minimumHealthyPercent,
      int maximumPercent, CircuitBreaker circuitBreaker, Duration healthCheckGracePeriod,
      List<DeploymentState> deployments, DeploymentState lastCompleted, int consecutiveStartFailures,
      Instant launchNotBefore, boolean steady, Instant lastStartFailureAt, ScaleInOrder scaleIn) {
    this(name, draining, desiredCount, minimumHealthyPercent, maximumPercent, circuitBreaker, healthCheckGracePeriod,
        deployments, lastCompleted, consecutiveStartFailures, launchNotBefore, steady, lastStartFailureAt, scaleIn,
        null);
  }

  /** True while a BLUE_GREEN, LINEAR or CANARY deployment decides what the two revisions do. */
  public boolean stagedInProgress() {
    return staged != null && staged != StagedDeployment.Mode.ROLLING;
  }

  /** A snapshot that has not counted a start failure's time, scaling in newest first. */
  public ServiceSnapshot(String name, boolean draining, int desiredCount, int minimumHealthyPercent,
      int maximumPercent, CircuitBreaker circuitBreaker, Duration healthCheckGracePeriod,
      List<DeploymentState> deployments, DeploymentState lastCompleted, int consecutiveStartFailures,
      Instant launchNotBefore, boolean steady) {
    this(name, draining, desiredCount, minimumHealthyPercent, maximumPercent, circuitBreaker, healthCheckGracePeriod,
        deployments, lastCompleted, consecutiveStartFailures, launchNotBefore, steady, null);
  }

  /** A snapshot that scales in newest first. */
  public ServiceSnapshot(String name, boolean draining, int desiredCount, int minimumHealthyPercent,
      int maximumPercent, CircuitBreaker circuitBreaker, Duration healthCheckGracePeriod,
      List<DeploymentState> deployments, DeploymentState lastCompleted, int consecutiveStartFailures,
      Instant launchNotBefore, boolean steady, Instant lastStartFailureAt) {
    this(name, draining, desiredCount, minimumHealthyPercent, maximumPercent, circuitBreaker, healthCheckGracePeriod,
        deployments, lastCompleted, consecutiveStartFailures, launchNotBefore, steady, lastStartFailureAt,
        ScaleInOrder.NEWEST_FIRST);
  }

  public DeploymentState primary() {
    return deployments.stream().filter(DeploymentState::primary).findFirst().orElse(null);
  }

  /** Circuit breaker settings; {@code thresholdType}/{@code thresholdValue} may be null (default). */
  public record CircuitBreaker(boolean enable, boolean rollback, boolean resetOnHealthyTask,
      String thresholdType, Integer thresholdValue) {
    public static final CircuitBreaker DISABLED = new CircuitBreaker(false, false, true, null, null);
  }

  /**
   * The deployment alarms ({@code deploymentConfiguration.alarms}, semantics §3.4): while a
   * deployment is IN_PROGRESS, and through the bake after its tasks are in place, any of
   * {@code names} in ALARM fails it, and {@code rollback} returns to the last completed deployment.
   *
   * @param inAlarm those of {@code names} in the ALARM state now
   * @param bake how long a deployment keeps watching after its tasks are in place (**EMU**, computed
   *     from the alarms' configuration as ECS does, see docs/runtime-model.md)
   */
  public record DeploymentAlarms(boolean enable, boolean rollback, List<String> names, List<String> inAlarm,
      Duration bake) {
    public static final DeploymentAlarms DISABLED = new DeploymentAlarms(false, false, List.of(), List.of(),
        Duration.ZERO);

    public DeploymentAlarms {
      names = List.copyOf(names);
      inAlarm = List.copyOf(inAlarm);
    }

    /** True when a deployment watches alarms at all. */
    public boolean watched() {
      return enable && !names.isEmpty();
    }
  }

  /**
   * A deployment's scheduler-relevant state.
   *
   * @param triggeredAlarms the deployment alarms that failed it (empty unless they did)
   * @param bakeStartedAt when its tasks were in place and the alarms' bake began (null before)
   */
  public record DeploymentState(
      String id,
      boolean primary,
      String taskDefinition,
      String rolloutState,
      String rolloutStateReason,
      int failedTasks,
      Instant lastFailureAt,
      List<String> triggeredAlarms,
      Instant bakeStartedAt) {

    public DeploymentState {
      triggeredAlarms = triggeredAlarms == null ? List.of() : List.copyOf(triggeredAlarms);
    }

    /** A deployment no alarm has failed and that is not baking. */
    public DeploymentState(String id, boolean primary, String taskDefinition, String rolloutState,
        String rolloutStateReason, int failedTasks, Instant lastFailureAt) {
      this(id, primary, taskDefinition, rolloutState, rolloutStateReason, failedTasks, lastFailureAt, List.of(), null);
    }

    DeploymentState withRollout(String state, String reason) {
      return new DeploymentState(id, primary, taskDefinition, state, reason, failedTasks, lastFailureAt,
          triggeredAlarms, bakeStartedAt);
    }

    DeploymentState withFailures(int failed, Instant lastFailure) {
      return new DeploymentState(id, primary, taskDefinition, rolloutState, rolloutStateReason, failed, lastFailure,
          triggeredAlarms, bakeStartedAt);
    }

    DeploymentState withTriggeredAlarms(List<String> names) {
      return new DeploymentState(id, primary, taskDefinition, rolloutState, rolloutStateReason, failedTasks,
          lastFailureAt, names, bakeStartedAt);
    }

    DeploymentState withBakeStartedAt(Instant at) {
      return new DeploymentState(id, primary, taskDefinition, rolloutState, rolloutStateReason, failedTasks,
          lastFailureAt, triggeredAlarms, at);
    }

    DeploymentState asActive() {
      return new DeploymentState(id, false, taskDefinition, rolloutState, rolloutStateReason, failedTasks,
          lastFailureAt, triggeredAlarms, bakeStartedAt);
    }
  }
}
