package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.deployments.DeploymentTiming;
import io.ecsl.runtime.deployments.StagedDeployment;
import io.ecsl.runtime.deployments.StagedSpec;
import io.ecsl.runtime.deployments.StagedState;
import io.ecsl.runtime.deployments.TargetGroupRoles;
import io.ecsl.runtime.loadbalancing.ListenerWeights;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.scheduler.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The impure half of BLUE_GREEN, LINEAR and CANARY deployments: feeds each staged deployment of a
 * service to the pure {@link StagedDeployment}, stores its state, makes the old revision PRIMARY
 * again on a rollback, and moves the production and test listener rules' weights to the
 * decision's shares. Callers hold the state lock; the scheduler runs after it with the mode.
 */
final class StagedDeployments {
  private static final Logger LOG = Logger.getLogger(StagedDeployments.class.getName());

  private final RuntimeState state;
  private volatile DeploymentTiming timing;

  StagedDeployments(RuntimeState state, DeploymentTiming timing) {
    this.state = state;
    this.timing = timing;
  }

  void timing(DeploymentTiming next) {
    this.timing = next;
  }

  /** Advances the service's staged deployments; the mode for the scheduler, or null when none is in progress. */
  StagedDeployment.Mode advance(ServiceEntity service, List<TaskView> tasks, int desired, Instant now) {
    StagedDeployment.Mode mode = null;
    for (DeploymentEntity deployment : List.copyOf(service.deployments)) {
      boolean open = deployment.staged == null || !deployment.staged.ended();
      StagedSpec spec = StagedSpec.of(deployment.deploymentConfiguration);
      if (!deployment.stagedDeployment || !open || spec == null) {
        continue;
      }
      if (!deployment.isPrimary() && (deployment.staged == null
          || StagedState.IN_PROGRESS.equals(deployment.staged.status()))) {
        // A newer deployment took over: it shifts traffic from the production revision now; this one's tasks
        // go at its CLEAN_UP.
        DeploymentEntity primary = service.primaryDeployment();
        deployment.staged = StagedState.superseded(deployment.staged, primary == null ? "?" : primary.id, now);
        deployment.updatedAt = now;
        continue;
      }
      DeploymentEntity source = source(service, deployment);
      StagedDeployment.Decision decision = StagedDeployment.next(new StagedDeployment.Input(spec, deployment.staged,
          timing, olderRevisionsRunning(service, deployment, tasks) > 1, desired,
          count(tasks, deployment.id, true, now), count(tasks, deployment.id, false, now), others(tasks, deployment.id),
          deployment.isPrimary() && DeploymentEntity.FAILED.equals(deployment.rolloutState)
              ? deployment.rolloutStateReason : null,
          deployment.answers, deployment.stopRequested, source == null ? null : source.revisionArn, now));
      if (!decision.state().equals(deployment.staged)) {
        deployment.updatedAt = now;
      }
      deployment.staged = decision.state();
      deployment.answers = new ArrayList<>(deployment.answers);
      deployment.answers.removeAll(decision.answered());
      deployment.stopRequested = false;
      if (decision.rollBack() && source != null) {
        rollBack(service, deployment, source, decision.state().statusReason(), now);
      }
      reweigh(service, deployment, source);
      if (deployment.isPrimary()) {
        mode = decision.mode();
      }
    }
    return mode;
  }

  /** The revision a staged deployment replaces: the PRIMARY when it began, else the newest other with tasks. */
  private static DeploymentEntity source(ServiceEntity service, DeploymentEntity deployment) {
    DeploymentEntity source = deployment.sourceDeploymentId == null ? null
        : service.deployment(deployment.sourceDeploymentId);
    if (source != null) {
      return source;
    }
    for (DeploymentEntity other : service.deployments) {
      if (other != deployment && DeploymentEntity.COMPLETED.equals(other.rolloutState)) {
        return other;
      }
    }
    return null;
  }

  /** Rollback (§1.6): the old revision, still running, is PRIMARY again; the new one is FAILED and stops. */
  private static void rollBack(ServiceEntity service, DeploymentEntity failed, DeploymentEntity source, String reason,
      Instant now) {
    failed.status = DeploymentEntity.ACTIVE;
    failed.rolloutState = DeploymentEntity.FAILED;
    failed.rolloutStateReason = reason;
    failed.updatedAt = now;
    source.status = DeploymentEntity.PRIMARY;
    source.rolloutState = DeploymentEntity.COMPLETED;
    source.updatedAt = now;
    service.deployments.remove(source);
    service.deployments.add(0, source);
    service.taskDefinition = source.taskDefinition;
    service.steady = false;
    ServiceEvents.add(service, "(service " + service.serviceName + ") (deployment " + failed.id + ") deployment failed: "
        + reason, now);
    ServiceEvents.add(service, "(service " + service.serviceName + ") rolling back to deployment " + source.id + ".",
        now);
    LOG.info("service " + service.serviceName + ": deployment " + failed.id + " rolls back to " + source.id + ": "
        + reason);
  }

  /** The production and test listener rules send each revision its share. */
  private void reweigh(ServiceEntity service, DeploymentEntity deployment, DeploymentEntity source) {
    JsonNode entries = service.loadBalancers;
    StagedState staged = deployment.staged;
    if (entries == null || source == null || staged == null) {
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode advanced = entries.get(i).path("advancedConfiguration");
      String oldGroup = TargetGroupRoles.of(entries, source.targetGroupArns, i);
      String newGroup = TargetGroupRoles.of(entries, deployment.targetGroupArns, i);
      if (advanced.isMissingNode() || oldGroup == null || oldGroup.equals(newGroup)) {
        continue;
      }
      ListenerWeights.set(state, advanced.path("productionListenerRule").asText(null), oldGroup, newGroup,
          staged.production());
      ListenerWeights.set(state, advanced.path("testListenerRule").asText(null), oldGroup, newGroup, staged.test());
    }
  }

  /** The deployment's tasks that count healthy ({@code healthy}), or that run, start or stop. */
  private static int count(List<TaskView> tasks, String deploymentId, boolean healthy, Instant now) {
    int n = 0;
    for (TaskView task : tasks) {
      if (!deploymentId.equals(task.deploymentId())) {
        continue;
      }
      if (healthy ? task.active() && task.countsHealthy(now) : task.active() || task.isStopping()) {
        n++;
      }
    }
    return n;
  }

  private static int others(List<TaskView> tasks, String deploymentId) {
    int n = 0;
    for (TaskView task : tasks) {
      if (!deploymentId.equals(task.deploymentId()) && (task.active() || task.isStopping())) {
        n++;
      }
    }
    return n;
  }

  private static long olderRevisionsRunning(ServiceEntity service, DeploymentEntity deployment, List<TaskView> tasks) {
    return service.deployments.stream().filter(d -> d != deployment)
        .filter(d -> tasks.stream().anyMatch(t -> d.id.equals(t.deploymentId()) && t.active())).count();
  }
}
