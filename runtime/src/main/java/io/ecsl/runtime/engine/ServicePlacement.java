package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.capacity.CapacityStrategy;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.placement.ClusterSnapshot;
import io.ecsl.runtime.placement.PlacementConstraint;
import io.ecsl.runtime.placement.PlacementRequests;
import io.ecsl.runtime.placement.PlacementStrategy;
import io.ecsl.runtime.placement.Placer;
import io.ecsl.runtime.placement.Reservation;
import io.ecsl.runtime.placement.ScaleIn;
import io.ecsl.runtime.placement.TaskRequest;
import io.ecsl.runtime.scheduler.ScaleInOrder;
import io.ecsl.runtime.scheduler.TaskView;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the service scheduler needs from placement for one service in one pass: a DAEMON's
 * eligible instances (its desired count), which tasks sit on draining instances, the order a
 * scale-in stops tasks in, and the placement request of its launches. Callers hold the lock.
 */
final class ServicePlacement {
  private final PlacementPass pass;
  private final ServiceEntity service;
  private final ObjectNode cluster;

  ServicePlacement(PlacementPass pass, ServiceEntity service) {
    this.pass = pass;
    this.service = service;
    this.cluster = pass.state().clusters.get(service.clusterArn);
  }

  boolean daemon() {
    return "DAEMON".equals(service.schedulingStrategy);
  }

  String group() {
    return "service:" + service.serviceName;
  }

  /** The service's placement constraints; a DAEMON adds one task per instance (distinctInstance). */
  List<PlacementConstraint> constraints() {
    List<PlacementConstraint> out = new ArrayList<>(PlacementRequests.constraints(service.placementConstraints));
    if (daemon()) {
      out.add(new PlacementConstraint.DistinctInstance());
    }
    return out;
  }

  List<PlacementStrategy> strategies() {
    return PlacementRequests.strategies(service.placementStrategy);
  }

  /**
   * The ACTIVE instances a DAEMON runs on: those that meet its constraints and its task
   * definition's required attributes (§6.2). Resources do not count: an instance too full for the
   * daemon still wants one (and says it cannot place it).
   */
  BitSet daemonInstances() {
    if (cluster == null) {
      return new BitSet();
    }
    ObjectNode definition = definition();
    if (definition == null) {
      return new BitSet();
    }
    ContainerInstanceEntity host = ContainerInstances.ensureDockerHost(pass.state(), cluster,
        TaskPlacements.hasAutoScalingGroups(pass.state(), cluster), pass.now());
    if (host != null) {
      pass.invalidate(service.clusterArn);
    }
    List<PlacementConstraint> constraints = new ArrayList<>(PlacementRequests.constraints(service.placementConstraints));
    constraints.addAll(PlacementRequests.constraints(definition.get("placementConstraints")));
    TaskRequest request = new TaskRequest(Reservation.NONE, group(), null, requiredAttributes(definition),
        constraints, List.of());
    return Placer.eligible(pass.snapshot(service.clusterArn), request);
  }

  private ObjectNode definition() {
    DeploymentEntity primary = service.primaryDeployment();
    return primary == null ? null : pass.state().taskDefinitions.get(primary.taskDefinition);
  }

  private static Set<String> requiredAttributes(ObjectNode definition) {
    Set<String> out = new HashSet<>();
    for (JsonNode attribute : Json.list(definition, "requiresAttributes")) {
      out.add(Json.text(attribute, "name"));
    }
    return out;
  }

  /**
   * The daemon tasks that stay on instances they no longer belong on, waiting for the other
   * services' tasks there to go first: the scheduler counts them as wanted meanwhile, so it
   * neither stops them early nor launches another.
   */
  int heldDaemonTasks(List<TaskEntity> tasks, Set<String> draining) {
    if (!daemon()) {
      return 0;
    }
    BitSet eligible = daemonInstances();
    ClusterSnapshot snapshot = pass.snapshot(service.clusterArn);
    DeploymentEntity primary = service.primaryDeployment();
    int held = 0;
    for (TaskEntity task : tasks) {
      boolean current = primary != null && primary.id.equals(task.deploymentId);
      if (task.isActive() && current && task.containerInstanceArn != null && !draining.contains(task.taskArn)) {
        int index = snapshot.indexOf(task.containerInstanceArn);
        held += index < 0 || !eligible.get(index) ? 1 : 0;
      }
    }
    return held;
  }

  /**
   * The tasks to replace elsewhere: those on DRAINING or deregistered instances. A daemon's task
   * goes last (§6.2): once no other service's task is left on its instance; and a daemon's task on
   * an instance it is no longer eligible for goes too.
   */
  Set<String> draining(List<TaskEntity> tasks) {
    Set<String> out = new HashSet<>();
    BitSet eligible = daemon() ? daemonInstances() : null;
    ClusterSnapshot snapshot = daemon() ? pass.snapshot(service.clusterArn) : null;
    for (TaskEntity task : tasks) {
      if (task.containerInstanceArn == null || !task.isActive()) {
        continue;
      }
      ContainerInstanceEntity instance = pass.state().containerInstances.get(task.containerInstanceArn);
      boolean leaving = instance == null || !instance.isActive();
      if (!daemon()) {
        if (leaving) {
          out.add(task.taskArn);
        }
        continue;
      }
      int index = snapshot.indexOf(task.containerInstanceArn);
      boolean ineligible = index < 0 || !eligible.get(index);
      if (ineligible && (!leaving || othersGone(task.containerInstanceArn))) {
        out.add(task.taskArn);
      }
    }
    return out;
  }

  /** No active task of another service (or a standalone one) is left on the instance. */
  private boolean othersGone(String containerInstanceArn) {
    for (TaskEntity other : ContainerInstances.tasksOn(pass.state(), containerInstanceArn)) {
      if (!group().equals(other.group) && other.serviceName != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The scale-in order: the capacity providers' split first (the provider most over its share
   * loses a task; the base is kept), then not-running and not-healthy tasks, then the placement
   * strategies' scale-in rules, the newest task last of all.
   */
  ScaleInOrder scaleIn(Map<String, TaskEntity> tasksByArn) {
    DeploymentEntity primary = service.primaryDeployment();
    JsonNode strategy = primary == null ? null : primary.capacityProviderStrategy;
    CapacityStrategy split = strategy == null || strategy.isNull() || strategy.isEmpty() ? null
        : CapacityStrategy.of(strategy);
    List<PlacementStrategy> strategies = PlacementStrategy.orDefault(strategies());
    return (candidates, count, now) -> {
      List<TaskView> left = new ArrayList<>(candidates);
      List<TaskView> out = new ArrayList<>();
      ClusterSnapshot snapshot = PlacementPass.build(pass.state(), service.clusterArn);
      while (out.size() < count && !left.isEmpty()) {
        List<TaskView> pool = left;
        if (split != null) {
          Map<String, Integer> running = new HashMap<>();
          left.forEach(t -> running.merge(provider(t), 1, Integer::sum));
          String provider = split.stops(running, 1).get(0);
          pool = left.stream().filter(t -> provider.equals(provider(t))).toList();
        }
        List<TaskView> sorted = pool.stream().sorted(ScaleInOrder.readiness(now)).toList();
        TaskView first = sorted.get(0);
        List<TaskView> tier = sorted.stream().filter(t -> t.isRunning() == first.isRunning()
            && t.countsHealthy(now) == first.countsHealthy(now)).toList();
        TaskView chosen = choose(snapshot, tier, strategies, tasksByArn, now);
        out.add(chosen);
        left.remove(chosen);
      }
      return out;
    };
  }

  private TaskView choose(ClusterSnapshot snapshot, List<TaskView> tier, List<PlacementStrategy> strategies,
      Map<String, TaskEntity> tasksByArn, java.time.Instant now) {
    List<ScaleIn.Candidate> candidates = new ArrayList<>();
    boolean anyOnInstance = false;
    for (TaskView view : tier) {
      TaskEntity task = tasksByArn.get(view.taskArn());
      int index = task == null || task.containerInstanceArn == null ? -1 : snapshot.indexOf(task.containerInstanceArn);
      anyOnInstance |= index >= 0;
      candidates.add(new ScaleIn.Candidate(view.taskArn(), index, group(),
          task == null ? Reservation.NONE : PlacementPass.reservation(task)));
    }
    if (!anyOnInstance) {
      return ScaleInOrder.NEWEST_FIRST.choose(tier, 1, now).get(0);
    }
    String arn = ScaleIn.choose(snapshot, candidates, strategies, 1, pass.random()).get(0).taskArn();
    return tier.stream().filter(t -> t.taskArn().equals(arn)).findFirst().orElseThrow();
  }

  private static String provider(TaskView task) {
    return task.capacityProvider() == null ? "" : task.capacityProvider();
  }
}
