package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.deployments.DeploymentTiming;
import io.ecsl.runtime.deployments.ServiceDeployments;
import io.ecsl.runtime.deployments.StagedDeployment;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
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
import java.util.Set;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The impure half of service scheduling: snapshots each service for the pure
 * {@link ServiceScheduler}, then applies its plan to the stored state (deployments, new tasks,
 * stop requests, events, throttle). Callers hold the state lock.
 */
final class ServiceScheduling {
  private static final Logger LOG = Logger.getLogger(ServiceScheduling.class.getName());

  private final RuntimeState state;
  private final RandomGenerator random;
  private final StagedDeployments staged;
  private DeploymentTiming timing;

  ServiceScheduling(RuntimeState state, RandomGenerator random, DeploymentTiming timing) {
    this.state = state;
    this.random = random;
    this.staged = new StagedDeployments(state, timing);
    this.timing = timing;
  }

  /** How long a configured minute and a local Lambda hook take (tests and rehearsals shorten them). */
  void deploymentTiming(DeploymentTiming timing) {
    staged.timing(timing);
    this.timing = timing;
  }

  /**
   * Runs the scheduler for every live service and applies its plan; returns the tasks it created
   * or stopped. DAEMON services go first: their tasks are placed before replica tasks (§6.2).
   */
  List<String> schedule(Instant now) {
    List<String> touchedTasks = new ArrayList<>();
    Map<String, List<TaskEntity>> tasksByService = new HashMap<>();
    for (TaskEntity task : state.tasks.values()) {
      if (task.serviceName != null) {
        tasksByService.computeIfAbsent(task.clusterArn + "/" + task.serviceName, k -> new ArrayList<>()).add(task);
      }
    }
    PlacementPass pass = new PlacementPass(state, random, now);
    List<ServiceEntity> services = new ArrayList<>(state.services.values());
    services.sort(java.util.Comparator.comparing((ServiceEntity s) -> !"DAEMON".equals(s.schedulingStrategy)));
    for (ServiceEntity current : services) {
      if (ServiceEntity.INACTIVE.equals(current.status)) {
        continue;
      }
      List<TaskEntity> tasks = tasksByService.getOrDefault(current.clusterArn + "/" + current.serviceName, List.of());
      ServiceEntity service = current.copy();
      ServicePlacement placement = new ServicePlacement(pass, service);
      int desired = placement.daemon() ? (ServiceEntity.ACTIVE.equals(service.status)
          ? placement.daemonInstances().cardinality() : 0) : service.desiredCount;
      Map<String, TaskEntity> byArn = new HashMap<>();
      tasks.forEach(t -> byArn.put(t.taskArn, t));
      Set<String> draining = placement.draining(tasks);
      int wanted = desired + placement.heldDaemonTasks(tasks, draining);
      List<TaskView> views = tasks.stream().map(t -> Snapshots.view(t, draining.contains(t.taskArn))).toList();
      StagedDeployment.Mode mode = staged.advance(service, views, wanted, now);
      ServiceSnapshot snapshot = Snapshots.of(service, wanted, placement.scaleIn(byArn), mode,
          DeploymentAlarmWatch.of(state, service, timing));
      ServicePlan plan = ServiceScheduler.plan(snapshot, views, now, Ids::deploymentId);
      touchedTasks.addAll(apply(service, plan, now, pass, placement, tasks));
      ServiceDeployments.announce(service, now);
      if (placement.daemon()) {
        service.desiredCount = desired;
      }
      if (!sameJson(service, current)) {
        state.services.put(service.serviceArn, service);
      }
    }
    return touchedTasks;
  }

  private List<String> apply(ServiceEntity service, ServicePlan plan, Instant now, PlacementPass pass,
      ServicePlacement placement, List<TaskEntity> tasks) {
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
      DeploymentEntity deployment = service.deployment(launch.deploymentId());
      ObjectNode definition = deployment == null ? null : state.taskDefinitions.get(deployment.taskDefinition);
      ObjectNode cluster = state.clusters.get(service.clusterArn);
      if (definition == null || cluster == null) {
        continue;
      }
      Map<String, Integer> running = new HashMap<>();
      for (TaskEntity task : tasks) {
        if (task.isActive() && deployment.id.equals(task.deploymentId)) {
          running.merge(task.capacityProviderName == null ? String.valueOf(task.launchType) : task.capacityProviderName,
              1, Integer::sum);
        }
      }
      TaskPlacements.Decision decision = TaskPlacements.place(pass, new TaskPlacements.Request(cluster, definition,
          TaskSpec.of(definition, null), deployment.launchType, deployment.capacityProviderStrategy,
          placement.constraints(), placement.strategies(), placement.group(), launch.count(), running));
      for (TaskPlacements.TaskPlacement where : decision.placed()) {
        TaskEntity task = ServiceTasks.launch(state, service, deployment, definition, where, now);
        ids.add(task.taskId);
        touchedTasks.add(task.taskArn);
      }
      if (decision.unplaced() != null) {
        ServiceEvents.add(service, decision.unplaced().serviceEvent(service.serviceName), now);
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
    DeploymentEntity failedPrimary = service.primaryDeployment();
    for (ServiceSnapshot.DeploymentState state : plan.deployments()) {
      DeploymentEntity deployment = existing.get(state.id());
      if (deployment == null) {
        deployment = ServiceDeployments.rollbackDeployment(service, failedPrimary, state.id(), now);
        LOG.info("service " + service.serviceName + ": rolling back to " + deployment.taskDefinition);
      }
      String before = Json.write(deployment);
      deployment.status = state.primary() ? DeploymentEntity.PRIMARY : DeploymentEntity.ACTIVE;
      deployment.rolloutState = state.rolloutState();
      deployment.rolloutStateReason = state.rolloutStateReason();
      deployment.failedTasks = state.failedTasks();
      deployment.lastFailureAt = state.lastFailureAt();
      deployment.triggeredAlarms = new ArrayList<>(state.triggeredAlarms());
      deployment.bakeStartedAt = state.bakeStartedAt();
      if (!before.equals(Json.write(deployment))) {
        deployment.updatedAt = now;
      }
      next.add(deployment);
    }
    for (DeploymentEntity gone : existing.values()) {
      if (!next.contains(gone)) {
        ServiceDeployments.archive(service, gone, now);
      }
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
