package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.deployments.StagedDeployment;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.scheduler.ScaleInOrder;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.ServiceSnapshot;
import io.ecsl.runtime.scheduler.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns stored entities into the scheduler's immutable inputs. */
final class Snapshots {
  private Snapshots() {}

  static ServiceSnapshot of(ServiceEntity service, int desiredCount, ScaleInOrder scaleIn,
      StagedDeployment.Mode staged, ServiceSnapshot.DeploymentAlarms alarms) {
    JsonNode config = service.deploymentConfiguration;
    JsonNode breaker = config.path("deploymentCircuitBreaker");
    JsonNode threshold = breaker.path("thresholdConfiguration");
    boolean daemon = "DAEMON".equals(service.schedulingStrategy);
    List<ServiceSnapshot.DeploymentState> deployments = new ArrayList<>();
    for (DeploymentEntity deployment : service.deployments) {
      deployments.add(state(deployment));
    }
    return new ServiceSnapshot(
        service.serviceName,
        ServiceEntity.DRAINING.equals(service.status),
        desiredCount,
        Json.integer(config, "minimumHealthyPercent", daemon ? 0 : 100),
        Json.integer(config, "maximumPercent", daemon ? 100 : 200),
        new ServiceSnapshot.CircuitBreaker(
            Json.bool(breaker, "enable", false),
            Json.bool(breaker, "rollback", false),
            Json.bool(breaker, "resetOnHealthyTask", true),
            Json.text(threshold, "type"),
            Json.integer(threshold, "value")),
        Duration.ofSeconds(service.healthCheckGracePeriodSeconds == null ? 0 : service.healthCheckGracePeriodSeconds),
        deployments,
        service.lastCompletedDeployment == null ? null : state(service.lastCompletedDeployment),
        service.consecutiveStartFailures,
        service.launchNotBefore,
        service.steady,
        service.lastStartFailureAt,
        scaleIn,
        staged,
        alarms);
  }

  static ServiceSnapshot.DeploymentState state(DeploymentEntity deployment) {
    return new ServiceSnapshot.DeploymentState(deployment.id, deployment.isPrimary(), deployment.taskDefinition,
        deployment.rolloutState, deployment.rolloutStateReason, deployment.failedTasks, deployment.lastFailureAt,
        deployment.triggeredAlarms, deployment.bakeStartedAt);
  }

  static TaskView view(TaskEntity task, boolean draining) {
    boolean healthChecked = false;
    for (ContainerEntity container : task.containers) {
      healthChecked |= container.essential && container.hasHealthCheck;
    }
    String health = task.healthStatus;
    String unhealthyIn = null;
    if (task.loadBalanced) {
      // Healthy for the service only when every target group says so and no container check fails (§2.4 step 4).
      healthChecked = true;
      if (TaskStatus.UNHEALTHY.equals(task.elbHealth)) {
        health = TaskStatus.UNHEALTHY;
        unhealthyIn = task.elbUnhealthyIn;
      } else if (!TaskStatus.UNHEALTHY.equals(task.healthStatus)) {
        health = TaskStatus.HEALTHY.equals(task.elbHealth) ? TaskStatus.HEALTHY : TaskStatus.UNKNOWN;
      }
    }
    return new TaskView(task.taskArn, task.taskId, task.deploymentId, task.lastStatus, task.isActive(),
        health, healthChecked, task.createdAt, task.startedAt, task.firstHealthyAt, task.stoppedAt,
        task.stopCode, task.replacedAsUnhealthy, task.accountedByService, task.stoppingAt, draining,
        task.capacityProviderName == null ? task.launchType : task.capacityProviderName, unhealthyIn);
  }
}
