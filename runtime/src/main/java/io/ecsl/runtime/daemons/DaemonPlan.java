package io.ecsl.runtime.daemons;

import static io.ecsl.runtime.model.DaemonEntity.Deployment.IN_PROGRESS;
import static io.ecsl.runtime.model.DaemonEntity.Deployment.ROLLBACK_IN_PROGRESS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link DaemonScheduler} decided for one daemon in one pass; the engine applies it.
 *
 * @param launches daemon tasks to start, each on its instance
 * @param stops daemon tasks to stop
 * @param replacements instances to drain and replace (their daemon task stops last, with the instance)
 * @param accounted stopped daemon tasks this pass has acted on (never acted on twice)
 * @param deployment the deployment in progress as it is now, or null when there is none
 * @param deleted a deleted daemon has no task left: remove it
 */
public record DaemonPlan(
    List<Launch> launches,
    List<Stop> stops,
    List<Replacement> replacements,
    List<String> accounted,
    DeploymentChange deployment,
    boolean deleted) {

  public record Launch(String instanceArn, String revisionArn) {}

  public record Stop(String taskArn, String reason) {}

  public record Replacement(String instanceArn, String reason) {}

  /**
   * The deployment after this pass.
   *
   * @param startedAt set when it went from PENDING to IN_PROGRESS this pass
   * @param finishedAt set when it reached a final status this pass
   * @param rollbackStartedAt set when the circuit breaker (or an alarm) started a rollback this pass
   * @param triggeredAlarms the deployment alarms in ALARM that failed it (empty unless they did)
   */
  public record DeploymentChange(
      String status,
      String statusReason,
      String rollbackTargetRevisionArn,
      List<String> drainingInstanceArns,
      Instant stepCompletedAt,
      int failureCount,
      Instant startedAt,
      Instant finishedAt,
      Instant rollbackStartedAt,
      String targetRevisionArn,
      List<String> triggeredAlarms) {

    static DeploymentChange from(DaemonSnapshot.Deployment d, int failures) {
      return new DeploymentChange(d.status(), null, d.rollbackTargetRevisionArn(), d.drainingInstanceArns(),
          d.stepCompletedAt(), failures, null, null, null, d.targetRevisionArn(), List.of());
    }

    String rollingTo() {
      return rollbackTargetRevisionArn != null ? rollbackTargetRevisionArn : targetRevisionArn;
    }

    DeploymentChange started(Instant now) {
      return new DeploymentChange(IN_PROGRESS, statusReason, rollbackTargetRevisionArn, drainingInstanceArns,
          stepCompletedAt, failureCount, now, finishedAt, rollbackStartedAt, targetRevisionArn, triggeredAlarms);
    }

    DeploymentChange draining(List<String> instances, Instant completedAt) {
      return new DeploymentChange(status, statusReason, rollbackTargetRevisionArn, List.copyOf(instances), completedAt,
          failureCount, startedAt, finishedAt, rollbackStartedAt, targetRevisionArn, triggeredAlarms);
    }

    DeploymentChange finished(String finalStatus, String reason, Instant now) {
      return new DeploymentChange(finalStatus, reason, rollbackTargetRevisionArn, List.of(), stepCompletedAt,
          failureCount, startedAt, now, rollbackStartedAt, targetRevisionArn, triggeredAlarms);
    }

    /** Rolls back to {@code revision}: the failures of the rollback count afresh. */
    DeploymentChange rollBack(String revision, String reason, Instant now) {
      return new DeploymentChange(ROLLBACK_IN_PROGRESS, reason, revision, List.of(), null, 0, startedAt, finishedAt, now,
          targetRevisionArn, triggeredAlarms);
    }

    /** The deployment alarms in ALARM that failed it. */
    DeploymentChange triggered(List<String> alarms) {
      return new DeploymentChange(status, statusReason, rollbackTargetRevisionArn, drainingInstanceArns, stepCompletedAt,
          failureCount, startedAt, finishedAt, rollbackStartedAt, targetRevisionArn, List.copyOf(alarms));
    }

    public boolean isFinal() {
      return finishedAt != null;
    }
  }

  static final class Builder {
    private final List<Launch> launches = new ArrayList<>();
    private final List<Stop> stops = new ArrayList<>();
    private final List<Replacement> replacements = new ArrayList<>();
    private final List<String> accounted = new ArrayList<>();
    private DeploymentChange deployment;
    private boolean deleted;

    Builder launch(String instanceArn, String revisionArn) {
      launches.add(new Launch(instanceArn, revisionArn));
      return this;
    }

    Builder stop(String taskArn, String reason) {
      stops.add(new Stop(taskArn, reason));
      return this;
    }

    Builder replace(String instanceArn, String reason) {
      replacements.add(new Replacement(instanceArn, reason));
      return this;
    }

    Builder accounted(String taskArn) {
      accounted.add(taskArn);
      return this;
    }

    Builder deployment(DeploymentChange change) {
      this.deployment = change;
      return this;
    }

    Builder deleted(boolean value) {
      this.deleted = value;
      return this;
    }

    DaemonPlan build() {
      return new DaemonPlan(List.copyOf(launches), List.copyOf(stops), List.copyOf(replacements), List.copyOf(accounted),
          deployment, deleted);
    }
  }
}
