package io.ecsl.runtime.engine;

import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.scheduler.ServicePlan;
import io.ecsl.runtime.scheduler.ServiceScheduler;
import io.ecsl.runtime.scheduler.ServiceSnapshot;
import io.ecsl.runtime.scheduler.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The impure half of service scheduling: snapshots each service for the pure
 * {@link ServiceScheduler}, then applies its plan to the stored state (deployments, new tasks,
 * stop requests, events, throttle). Callers hold the state lock.
 */
final class ServiceScheduling {
  private static final Logger LOG = Logger.getLogger(ServiceScheduling.class.getName());

  private final RuntimeState state;

  ServiceScheduling(RuntimeState state) {
    this.state = state;
  }

  /** Runs the scheduler for every live service and applies its plan; returns the tasks it created or stopped. */
  List<String> schedule(Instant now) {
    List<String> touchedTasks = new ArrayList<>();
    Map<String, List<TaskEntity>> tasksByService = new HashMap<>();
    for (TaskEntity task : state.tasks.values()) {
      if (task.serviceName != null) {
        tasksByService.computeIfAbsent(task.clusterArn + "/" + task.serviceName, k -> new ArrayList<>()).add(task);
      }
    }
    for (ServiceEntity current : state.services.values()) {
      if (ServiceEntity.INACTIVE.equals(current.status)) {
        continue;
      }
      List<TaskEntity> tasks = tasksByService.getOrDefault(current.clusterArn + "/" + current.serviceName, List.of());
      ServiceEntity service = current.copy();
      ServiceSnapshot snapshot = Snapshots.of(service);
      List<TaskView> views = tasks.stream().map(Snapshots::view).toList();
      ServicePlan plan = ServiceScheduler.plan(snapshot, views, now, Ids::deploymentId);
      touchedTasks.addAll(apply(service, plan, now));
      if (!sameJson(service, current)) {
        state.services.put(service.serviceArn, service);
      }
    }
    return touchedTasks;
  }

  private List<String> apply(ServiceEntity service, ServicePlan plan, Instant now) {
    List<String> touchedTasks = new ArrayList<>();
    applyDeployments(service, plan, now);
    for (String message : plan.events()) {
      if (message.contains("has stopped")) {
        continue; // logged after the launches below, in ECS's order
      }
      ServiceEvents.add(service, message, now);
    }
    for (ServicePlan.Stop stop : plan.stops()) {
      TaskEntity task = state.tasks.copyOf(stop.taskArn());
      TaskLifecycle.requestStop(task, stop.stopCode(), stop.reason(), now);
      task.replacedAsUnhealthy |= stop.unhealthy();
      task.version++;
      state.tasks.put(task.taskArn, task);
      touchedTasks.add(task.taskArn);
    }
    plan.events().stream().filter(m -> m.contains("has stopped")).forEach(m -> ServiceEvents.add(service, m, now));
    for (ServicePlan.Launch launch : plan.launches()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < launch.count(); i++) {
        TaskEntity task = ServiceTasks.launch(state, service, service.deployment(launch.deploymentId()), now);
        if (task == null) {
          break;
        }
        ids.add(task.taskId);
        touchedTasks.add(task.taskArn);
      }
      if (!ids.isEmpty()) {
        StringBuilder message = new StringBuilder("(service " + service.serviceName + ") has started "
            + ids.size() + " tasks:");
        ids.forEach(id -> message.append(" (task ").append(id).append(")"));
        ServiceEvents.add(service, message.append('.').toString(), now);
        service.steady = false;
      }
    }
    for (String arn : plan.accounted()) {
      TaskEntity task = state.tasks.copyOf(arn);
      task.accountedByService = true;
      state.tasks.put(arn, task);
    }
    service.consecutiveStartFailures = plan.consecutiveStartFailures();
    service.launchNotBefore = plan.launchNotBefore();
    service.lastStartFailureAt = plan.lastStartFailureAt();
    service.steady = plan.steady() && plan.launches().isEmpty();
    if (plan.inactive()) {
      service.status = ServiceEntity.INACTIVE;
      LOG.info("service " + service.serviceName + " is INACTIVE");
    }
    return touchedTasks;
  }

  private void applyDeployments(ServiceEntity service, ServicePlan plan, Instant now) {
    Map<String, DeploymentEntity> existing = new LinkedHashMap<>();
    service.deployments.forEach(d -> existing.put(d.id, d));
    List<DeploymentEntity> next = new ArrayList<>();
    for (ServiceSnapshot.DeploymentState state : plan.deployments()) {
      DeploymentEntity deployment = existing.get(state.id());
      if (deployment == null) {
        deployment = service.lastCompletedDeployment.copy();
        deployment.id = state.id();
        deployment.createdAt = now;
        deployment.updatedAt = now;
        LOG.info("service " + service.serviceName + ": rolling back to " + deployment.taskDefinition);
      }
      String before = Json.write(deployment);
      deployment.status = state.primary() ? DeploymentEntity.PRIMARY : DeploymentEntity.ACTIVE;
      deployment.rolloutState = state.rolloutState();
      deployment.rolloutStateReason = state.rolloutStateReason();
      deployment.failedTasks = state.failedTasks();
      deployment.lastFailureAt = state.lastFailureAt();
      if (!before.equals(Json.write(deployment))) {
        deployment.updatedAt = now;
      }
      next.add(deployment);
    }
    service.deployments = next;
    if (plan.lastCompleted() != null) {
      DeploymentEntity completed = service.deployment(plan.lastCompleted().id());
      if (completed != null) {
        service.lastCompletedDeployment = completed.copy();
      }
    }
    DeploymentEntity primary = service.primaryDeployment();
    if (primary != null) {
      service.taskDefinition = primary.taskDefinition;
    }
  }


  private static boolean sameJson(Object a, Object b) {
    return Json.tree(a).equals(Json.tree(b));
  }
}
