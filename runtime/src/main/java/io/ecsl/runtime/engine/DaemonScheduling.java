package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.daemons.DaemonPlan;
import io.ecsl.runtime.daemons.DaemonScheduler;
import io.ecsl.runtime.daemons.DaemonSnapshot;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.DaemonEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.placement.InstanceInfo;
import io.ecsl.runtime.placement.Reservation;
import io.ecsl.runtime.placement.TaskReservations;
import io.ecsl.runtime.scheduler.DeploymentMath;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs the Managed Daemon scheduler ({@link DaemonScheduler}, pure) for every daemon once per
 * pass, before anything else is placed, and applies its plans: daemon tasks pinned to their
 * instances, instances drained and replaced through their simulated groups, deployments moved on.
 * Also answers the placement gate: an instance whose daemon task is not RUNNING yet takes no other
 * task. Callers hold the state lock.
 */
public final class DaemonScheduling {
  private static final Logger LOG = Logger.getLogger(DaemonScheduling.class.getName());

  private DaemonScheduling() {}

  /** Schedules every daemon; returns the tasks it created or asked to stop (stepped at once by the pass). */
  static List<String> schedule(RuntimeState state, Instant now) {
    List<String> touched = new ArrayList<>();
    for (DaemonEntity stored : state.daemons.values()) {
      DaemonPlan plan = DaemonScheduler.plan(snapshot(state, stored), now);
      apply(state, stored, plan, now, touched);
    }
    return touched;
  }

  static DaemonSnapshot snapshot(RuntimeState state, DaemonEntity daemon) {
    Set<String> providers = new HashSet<>();
    for (String arn : daemon.capacityProviderArns) {
      providers.add(Arns.lastSegment(arn));
    }
    Map<String, List<TaskEntity>> byInstance = new HashMap<>();
    Map<String, Boolean> others = new HashMap<>();
    List<DaemonSnapshot.Task> strays = new ArrayList<>();
    for (TaskEntity task : state.tasks.values()) {
      if (task.containerInstanceArn == null) {
        continue;
      }
      if (daemon.daemonArn.equals(task.daemonArn)) {
        boolean unaccounted = !task.isStopped() || !task.accountedByService;
        if (unaccounted) {
          byInstance.computeIfAbsent(task.containerInstanceArn, k -> new ArrayList<>()).add(task);
        }
      } else if (task.daemonArn == null && !task.isStopped()) {
        others.put(task.containerInstanceArn, true);
      }
    }
    List<DaemonSnapshot.Instance> instances = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ContainerInstanceEntity instance : ContainerInstances.registered(state, daemon.clusterArn)) {
      if (instance.capacityProviderName == null || !providers.contains(instance.capacityProviderName)) {
        continue;
      }
      seen.add(instance.containerInstanceArn);
      List<DaemonSnapshot.Task> tasks = new ArrayList<>();
      for (TaskEntity task : byInstance.getOrDefault(instance.containerInstanceArn, List.of())) {
        tasks.add(view(task));
      }
      instances.add(new DaemonSnapshot.Instance(instance.containerInstanceArn, instance.isActive(), instance.registeredAt,
          others.getOrDefault(instance.containerInstanceArn, false), tasks));
    }
    byInstance.forEach((instance, tasks) -> {
      if (!seen.contains(instance)) {
        tasks.stream().filter(TaskEntity::isActive).forEach(t -> strays.add(view(t)));
      }
    });
    DaemonEntity.Deployment active = daemon.activeDeployment();
    DaemonSnapshot.Deployment deployment = null;
    if (active != null) {
      String source = active.sourceRevisionArns.isEmpty() ? null : active.sourceRevisionArns.get(0);
      String rollbackTarget = active.rollback == null ? null : Json.text(active.rollback, "rollbackTargetDaemonRevisionArn");
      deployment = new DaemonSnapshot.Deployment(active.status, active.targetRevisionArn, source, rollbackTarget,
          active.deploymentConfiguration.path("drainPercent").asDouble(25.0),
          Json.integer(active.deploymentConfiguration, "bakeTimeInMinutes", 0), List.copyOf(active.drainingInstanceArns),
          active.stepCompletedAt, active.failureCount,
          DeploymentMath.circuitBreakerThreshold(instances.size(), null, null),
          DeploymentAlarmWatch.inAlarm(state, Arns.regionOf(daemon.daemonArn),
              active.deploymentConfiguration.path("alarms")));
    }
    return new DaemonSnapshot(daemon.daemonArn, !daemon.isActive(), daemon.desiredRevisionArn(), deployment, instances,
        strays);
  }

  private static DaemonSnapshot.Task view(TaskEntity task) {
    return new DaemonSnapshot.Task(task.taskArn, task.daemonRevisionArn, task.isActive(),
        TaskStatus.RUNNING.equals(task.lastStatus), task.isStopped(), task.startedAt != null,
        TaskStatus.UNHEALTHY.equals(task.healthStatus));
  }

  private static void apply(RuntimeState state, DaemonEntity stored, DaemonPlan plan, Instant now, List<String> touched) {
    for (String arn : plan.accounted()) {
      TaskEntity task = state.tasks.copyOf(arn);
      task.accountedByService = true;
      task.version++;
      state.tasks.put(arn, task);
    }
    for (DaemonPlan.Stop stop : plan.stops()) {
      TaskEntity task = state.tasks.copyOf(stop.taskArn());
      if (task != null && task.isActive()) {
        TaskLifecycle.requestStop(task, TaskStatus.SERVICE_SCHEDULER_INITIATED, stop.reason(), now);
        task.version++;
        state.tasks.put(task.taskArn, task);
        touched.add(task.taskArn);
      }
    }
    for (DaemonPlan.Replacement replacement : plan.replacements()) {
      ContainerInstanceEntity instance = state.containerInstances.get(replacement.instanceArn());
      if (instance != null && instance.isRegistered()) {
        AutoScalingGroups.replace(state, instance, "daemon " + stored.daemonName + ": " + replacement.reason(), now);
        LOG.info("daemon " + stored.daemonName + ": replacing container instance " + instance.id + " ("
            + replacement.reason() + ")");
      }
    }
    for (DaemonPlan.Launch launch : plan.launches()) {
      TaskEntity task = launch(state, stored, launch, now);
      if (task != null) {
        touched.add(task.taskArn);
      }
    }
    if (plan.deleted()) {
      state.daemons.remove(stored.daemonArn);
      state.deleteTags(stored.daemonArn);
      LOG.info("daemon " + stored.daemonName + " deleted: its tasks have stopped");
      return;
    }
    if (plan.deployment() != null) {
      DaemonEntity daemon = stored.copy();
      DaemonEntity.Deployment deployment = daemon.activeDeployment();
      if (record(daemon, deployment, plan.deployment()) || !Json.tree(daemon).equals(Json.tree(stored))) {
        daemon.updatedAt = now;
        state.daemons.put(daemon.daemonArn, daemon);
      }
    }
  }

  /** Copies the plan's deployment into the stored one; true when its status changed. */
  private static boolean record(DaemonEntity daemon, DaemonEntity.Deployment deployment, DaemonPlan.DeploymentChange change) {
    boolean changed = !change.status().equals(deployment.status);
    deployment.status = change.status();
    if (change.statusReason() != null) {
      deployment.statusReason = change.statusReason();
    }
    deployment.drainingInstanceArns = new ArrayList<>(change.drainingInstanceArns());
    deployment.stepCompletedAt = change.stepCompletedAt();
    deployment.failureCount = change.failureCount();
    if (!change.triggeredAlarms().isEmpty()) {
      deployment.triggeredAlarms = new ArrayList<>(change.triggeredAlarms());
    }
    if (change.startedAt() != null) {
      deployment.startedAt = change.startedAt();
    }
    if (change.finishedAt() != null) {
      deployment.finishedAt = change.finishedAt();
      if (DaemonEntity.Deployment.STOPPED.equals(change.status()) || DaemonEntity.Deployment.ROLLBACK_FAILED.equals(change.status())) {
        deployment.stoppedAt = change.finishedAt();
      }
    }
    if (change.rollbackStartedAt() != null) {
      ObjectNode rollback = Json.object();
      rollback.put("reason", change.statusReason());
      rollback.set("startedAt", Json.timestamp(change.rollbackStartedAt()));
      rollback.put("rollbackTargetDaemonRevisionArn", change.rollbackTargetRevisionArn());
      rollback.set("rollbackCapacityProviders", Json.arrayOf(deployment.capacityProviderArns));
      deployment.rollback = rollback;
    }
    if (changed) {
      LOG.info("daemon " + daemon.daemonName + ": deployment " + Arns.lastSegment(deployment.daemonDeploymentArn) + " "
          + deployment.status + (deployment.statusReason == null ? "" : " (" + deployment.statusReason + ")"));
    }
    return changed;
  }

  /** Creates the daemon task on its instance: placed there, its resources counted against the instance. */
  private static TaskEntity launch(RuntimeState state, DaemonEntity daemon, DaemonPlan.Launch launch, Instant now) {
    ContainerInstanceEntity instance = state.containerInstances.get(launch.instanceArn());
    ObjectNode revision = daemon.revision(launch.revisionArn());
    ObjectNode definition = revision == null ? null
        : state.taskDefinitionOf(Json.text(revision, "daemonTaskDefinitionArn"));
    if (instance == null || definition == null) {
      return null;
    }
    DaemonEntity.Deployment deployment = daemon.activeDeployment();
    String startedBy = deployment != null ? Arns.lastSegment(deployment.daemonDeploymentArn)
        : daemon.deployments.isEmpty() ? null : Arns.lastSegment(daemon.deployments.get(0).daemonDeploymentArn);
    TaskEntity task = TaskLauncher.create(new TaskLauncher.Launch(daemon.region, daemon.clusterArn, daemon.clusterName,
        null, null, group(daemon), startedBy, "MANAGED_INSTANCES", instance.capacityProviderName, null, null,
        Json.bool(revision, "enableExecuteCommand", false), List.of()), definition, now);
    task.daemonArn = daemon.daemonArn;
    task.daemonRevisionArn = launch.revisionArn();
    Reservation reservation = TaskReservations.of(TaskSpec.of(definition, null));
    new TaskPlacements.TaskPlacement("MANAGED_INSTANCES", instance.capacityProviderName, instance.containerInstanceArn,
        instance.attributes.get(InstanceInfo.AVAILABILITY_ZONE), instance.hostIp, reservation, false).applyTo(task);
    state.tasks.put(task.taskArn, task);
    List<Tag> tags = new ArrayList<>();
    if ("DAEMON".equals(Json.text(revision, "propagateTags"))) {
      tags.addAll(state.tags(daemon.daemonArn));
    }
    if (Json.bool(revision, "enableECSManagedTags", false)) {
      tags.add(new Tag("aws:ecs:clusterName", daemon.clusterName));
      tags.add(new Tag("aws:ecs:daemonName", daemon.daemonName));
    }
    if (!tags.isEmpty()) {
      state.putTags(task.taskArn, tags);
    }
    return task;
  }

  /** **EMU**: the task group of a daemon's tasks, as a service's are {@code service:NAME}. */
  public static String group(DaemonEntity daemon) {
    return "daemon:" + daemon.daemonName;
  }

  /**
   * True when an ACTIVE daemon covers the instance's capacity provider and its task there is not
   * RUNNING yet: ECS starts the daemon task before any other task on the instance.
   */
  public static boolean awaitingDaemon(RuntimeState state, String containerInstanceArn) {
    ContainerInstanceEntity instance = containerInstanceArn == null ? null
        : state.containerInstances.get(containerInstanceArn);
    return instance != null && awaitingDaemons(state, instance.clusterArn).contains(containerInstanceArn);
  }

  /** The cluster's ACTIVE instances that wait for a daemon task to run before taking other tasks. */
  public static Set<String> awaitingDaemons(RuntimeState state, String clusterArn) {
    Map<String, Set<String>> providersDaemons = new HashMap<>();
    for (DaemonEntity daemon : state.daemons.values()) {
      if (daemon.isActive() && daemon.clusterArn.equals(clusterArn)) {
        for (String provider : daemon.capacityProviderArns) {
          providersDaemons.computeIfAbsent(Arns.lastSegment(provider), k -> new HashSet<>()).add(daemon.daemonArn);
        }
      }
    }
    if (providersDaemons.isEmpty()) {
      return Set.of();
    }
    Map<String, Set<String>> running = new HashMap<>();
    for (TaskEntity task : state.tasks.values()) {
      if (task.daemonArn != null && task.containerInstanceArn != null && task.isActive()
          && TaskStatus.RUNNING.equals(task.lastStatus)) {
        running.computeIfAbsent(task.containerInstanceArn, k -> new HashSet<>()).add(task.daemonArn);
      }
    }
    Set<String> out = new HashSet<>();
    for (ContainerInstanceEntity instance : ContainerInstances.registered(state, clusterArn)) {
      Set<String> needed = instance.capacityProviderName == null ? null : providersDaemons.get(instance.capacityProviderName);
      if (instance.isActive() && needed != null
          && !running.getOrDefault(instance.containerInstanceArn, Set.of()).containsAll(needed)) {
        out.add(instance.containerInstanceArn);
      }
    }
    return out;
  }

  /** The CPU units and MiB the provider's ACTIVE daemons take on each of its instances. */
  static int[] reservedByDaemons(RuntimeState state, String providerArn) {
    int[] out = {0, 0};
    for (DaemonEntity daemon : state.daemons.values()) {
      if (!daemon.isActive() || !daemon.capacityProviderArns.contains(providerArn)) {
        continue;
      }
      String revisionArn = daemon.desiredRevisionArn();
      ObjectNode revision = revisionArn == null ? null : daemon.revision(revisionArn);
      ObjectNode definition = revision == null ? null
          : state.taskDefinitionOf(Json.text(revision, "daemonTaskDefinitionArn"));
      if (definition != null) {
        Reservation reservation = TaskReservations.of(TaskSpec.of(definition, null));
        out[0] += reservation.cpu();
        out[1] += reservation.memory();
      }
    }
    return out;
  }
}
