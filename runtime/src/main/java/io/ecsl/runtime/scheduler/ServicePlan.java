package io.ecsl.runtime.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The scheduler's decisions for one service in one pass. The engine applies them: it creates the
 * launched tasks (and logs their "has started" event, since it knows their ids), stops the listed
 * tasks and stores the new deployment states.
 *
 * @param deployments the service's deployments after this pass, PRIMARY first
 * @param rollback a new deployment to create as PRIMARY, copying {@code fromDeploymentId}'s configuration
 * @param accounted stopped tasks this pass counted, so they are not counted again
 * @param inactive a draining service has no tasks left: it becomes INACTIVE
 * @param lastStartFailureAt when the last start failure was counted (null once the count resets)
 */
public record ServicePlan(
    List<ServiceSnapshot.DeploymentState> deployments,
    ServiceSnapshot.DeploymentState lastCompleted,
    Rollback rollback,
    List<Launch> launches,
    List<Stop> stops,
    List<String> events,
    int consecutiveStartFailures,
    Instant launchNotBefore,
    boolean steady,
    Set<String> accounted,
    boolean inactive,
    Instant lastStartFailureAt) {

  /** Start {@code count} tasks of a deployment. */
  public record Launch(String deploymentId, int count) {}

  /** Stop a task, with the stop code and reason ECS reports. */
  public record Stop(String taskArn, String stopCode, String reason, boolean unhealthy) {}

  /** Roll back: a new PRIMARY deployment {@code newDeploymentId} with {@code fromDeploymentId}'s configuration. */
  public record Rollback(String newDeploymentId, String fromDeploymentId) {}
}
