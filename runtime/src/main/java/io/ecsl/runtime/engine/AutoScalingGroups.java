package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.ec2.InstanceTypes;
import io.ecsl.runtime.capacity.GroupPlan;
import io.ecsl.runtime.capacity.ManagedInstanceTypes;
import io.ecsl.runtime.capacity.ManagedScaling;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.AutoScalingGroupEntity;
import io.ecsl.runtime.model.AutoScalingGroupEntity.GroupInstance;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.placement.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The simulated EC2 Auto Scaling groups behind Auto Scaling group capacity providers, applied
 * once per loop pass: each group launches or terminates virtual instances to reach its desired
 * capacity (registering them with the provider's cluster, draining them first when the provider
 * has managed draining), ECS managed scaling sets that desired capacity from
 * CapacityProviderReservation ({@link ManagedScaling}), and managed termination protection keeps
 * instances with non-daemon tasks from being chosen. The decisions are the pure
 * {@link GroupPlan} and {@link ManagedScaling}; this class applies them. Callers hold the lock.
 */
public final class AutoScalingGroups {
  private static final Logger LOG = Logger.getLogger(AutoScalingGroups.class.getName());

  /** **EMU** defaults of a group nobody described: see docs/runtime-model.md. */
  public static final int DEFAULT_DESIRED = 1;
  public static final int DEFAULT_MAX = 10;
  public static final long DEFAULT_WARMUP_SECONDS = 10;
  public static final long DEFAULT_SCALE_IN_AFTER_SECONDS = 60;

  /** The longest warm-up or scale-in delay a simulated group takes (ECS's own upper bound). */
  private static final long MAX_SECONDS = 10000;

  private AutoScalingGroups() {}

  /**
   * What a project says an Auto Scaling group holds (its {@code local_group}): instance type,
   * Availability Zones, sizes, and the simulation's warm-up and scale-in delay.
   */
  public record Declaration(String autoScalingGroupArn, String region, String instanceType, List<String> zones,
      int minSize, int maxSize, Integer desiredCapacity, long warmupSeconds, long scaleInAfterSeconds) {}

  /**
   * Stores a group's description; throws {@link IllegalArgumentException} saying what is wrong.
   * Its desired capacity is set when the group is new or the declared one changed: otherwise it
   * is managed scaling's (or whoever set it since), as Terraform users leave it to ECS.
   */
  public static AutoScalingGroupEntity declare(RuntimeState state, Declaration d) {
    String arn = d.autoScalingGroupArn();
    boolean isArn = arn != null && arn.startsWith("arn:");
    if (arn == null || arn.isBlank()
        || isArn && (!arn.startsWith("arn:aws:autoscaling:") || !arn.contains(":autoScalingGroupName/"))) {
      throw new IllegalArgumentException("autoScalingGroupArn must be an Auto Scaling group ARN"
          + " (arn:aws:autoscaling:REGION:ACCOUNT:autoScalingGroup:ID:autoScalingGroupName/NAME) or name, as the"
          + " capacity provider gives it; got " + arn);
    }
    if (InstanceTypes.find(d.instanceType()).isEmpty()) {
      throw new IllegalArgumentException("unknown instance type " + d.instanceType() + "; the local runtime knows "
          + InstanceTypes.known());
    }
    String region = isArn ? Arns.regionOf(arn) : d.region() != null ? d.region() : "us-east-1";
    List<String> zones = d.zones().isEmpty() ? List.of(region + "a", region + "b", region + "c") : d.zones();
    for (String zone : zones) {
      if (!zone.startsWith(region) || zone.length() <= region.length()) {
        throw new IllegalArgumentException("Availability Zone " + zone + " is not in the group's region " + region);
      }
    }
    Integer desired = d.desiredCapacity();
    if (d.minSize() < 0 || d.maxSize() < d.minSize()
        || desired != null && (desired < d.minSize() || desired > d.maxSize())) {
      throw new IllegalArgumentException("the group's sizes must satisfy 0 <= min <= desired <= max; got min "
          + d.minSize() + ", desired " + desired + ", max " + d.maxSize());
    }
    if (d.warmupSeconds() < 0 || d.warmupSeconds() > MAX_SECONDS || d.scaleInAfterSeconds() < 0
        || d.scaleInAfterSeconds() > MAX_SECONDS) {
      throw new IllegalArgumentException("the warm-up and the scale-in delay must be 0 to " + MAX_SECONDS
          + " seconds");
    }
    AutoScalingGroupEntity stored = state.autoScalingGroups.get(arn);
    AutoScalingGroupEntity group = stored != null ? stored.copy() : new AutoScalingGroupEntity();
    group.autoScalingGroupArn = arn;
    group.name = nameOf(arn);
    group.region = region;
    group.instanceType = d.instanceType();
    group.zones = new ArrayList<>(zones);
    group.minSize = d.minSize();
    group.maxSize = d.maxSize();
    group.warmupSeconds = d.warmupSeconds();
    group.scaleInAfterSeconds = d.scaleInAfterSeconds();
    int wanted = desired != null ? desired : Math.max(d.minSize(), DEFAULT_DESIRED);
    if (stored == null || !stored.declared || !Integer.valueOf(wanted).equals(stored.declaredDesiredCapacity)) {
      group.desiredCapacity = wanted;
    }
    group.desiredCapacity = Math.max(group.minSize, Math.min(group.maxSize, group.desiredCapacity));
    group.declaredDesiredCapacity = wanted;
    group.declared = true;
    state.autoScalingGroups.put(arn, group);
    return group;
  }

  /** Reconciles every group used by an Auto Scaling group capacity provider. */
  static void reconcile(RuntimeState state, Instant now) {
    for (ObjectNode provider : state.capacityProviders.values()) {
      JsonNode asg = provider.get("autoScalingGroupProvider");
      if (asg == null || !"ACTIVE".equals(Json.text(provider, "status"))) {
        continue;
      }
      String arn = Json.text(asg, "autoScalingGroupArn");
      String region = Arns.regionOf(Json.text(provider, "capacityProviderArn"));
      AutoScalingGroupEntity stored = state.autoScalingGroups.get(arn);
      ObjectNode cluster = clusterOf(state, region, Json.text(provider, "name"));
      if (stored == null && cluster == null) {
        continue;
      }
      AutoScalingGroupEntity group = stored != null ? stored.copy() : defaultGroup(arn, region);
      reconcile(state, group, provider, asg, cluster, now);
      if (stored == null || !Json.tree(group).equals(Json.tree(stored))) {
        state.autoScalingGroups.put(arn, group);
      }
    }
    reconcileManagedInstances(state, now);
  }

  /**
   * ECS Managed Instances: ECS itself launches, scales and drains a provider's instances, so the
   * simulation gives each Managed Instances provider a group ECS alone sizes (**EMU**, see
   * docs/runtime-model.md): from 0 instances, managed scaling at target 100 launches what the
   * provider's waiting tasks need, of the type {@link ManagedInstanceTypes} picks from the
   * instance requirements; idle instances go after the provider's {@code scaleInAfter}
   * (default {@link #DEFAULT_SCALE_IN_AFTER_SECONDS}; -1 never), drained first, and instances
   * with tasks are protected, as AWS only consolidates idle or underused ones.
   */
  private static void reconcileManagedInstances(RuntimeState state, Instant now) {
    for (ObjectNode provider : state.capacityProviders.values()) {
      if (!ClusterProviders.isManagedInstances(provider)) {
        continue;
      }
      String arn = Json.text(provider, "capacityProviderArn");
      AutoScalingGroupEntity stored = state.autoScalingGroups.get(arn);
      boolean active = "ACTIVE".equals(Json.text(provider, "status"));
      String clusterArn = ClusterProviders.clusterArnOf(provider);
      ObjectNode cluster = clusterArn == null ? null : state.clusters.get(clusterArn);
      if (cluster != null && !"ACTIVE".equals(Json.text(cluster, "status")) || !active) {
        cluster = null;
      }
      if (stored == null && cluster == null) {
        continue;
      }
      AutoScalingGroupEntity group = stored != null ? stored.copy() : managedGroup(arn);
      JsonNode settings = provider.get("managedInstancesProvider");
      long scaleIn = settings.path("infrastructureOptimization").path("scaleInAfter").asLong(DEFAULT_SCALE_IN_AFTER_SECONDS);
      group.scaleInAfterSeconds = scaleIn < 0 ? MAX_SECONDS : Math.min(scaleIn, MAX_SECONDS);
      group.maxSize = cluster == null ? 0 : MANAGED_INSTANCES_MAX;
      group.desiredCapacity = Math.min(group.desiredCapacity, group.maxSize);
      int[] largest = largestWaiting(state, clusterArn, Json.text(provider, "name"));
      // The instance must hold the provider's daemon tasks beside the largest task.
      int[] daemons = DaemonScheduling.reservedByDaemons(state, arn);
      if (largest[0] + largest[1] > 0) {
        largest[0] += daemons[0];
        largest[1] += daemons[1];
      }
      ManagedInstanceTypes.choose(settings.path("instanceLaunchTemplate").path("instanceRequirements"), largest[0],
          largest[1]).ifPresent(type -> group.instanceType = type.name());
      reconcile(state, group, provider, MANAGED, cluster, now);
      if (!active && group.instances.isEmpty()) {
        state.autoScalingGroups.remove(arn);
      } else if (stored == null || !Json.tree(group).equals(Json.tree(stored))) {
        state.autoScalingGroups.put(arn, group);
      }
    }
  }

  /** How ECS manages a Managed Instances provider's capacity, in an Auto Scaling group provider's terms. */
  private static final JsonNode MANAGED = Json.parse("{\"managedScaling\": {\"status\": \"ENABLED\", \"targetCapacity\": 100},"
      + " \"managedTerminationProtection\": \"ENABLED\", \"managedDraining\": \"ENABLED\"}");

  /** **EMU**: the most instances a Managed Instances provider launches locally. */
  public static final int MANAGED_INSTANCES_MAX = 20;

  /** **EMU**: how long a new Managed Instance takes before ECS launches more for the same tasks. */
  public static final long MANAGED_INSTANCES_WARMUP_SECONDS = 5;

  private static AutoScalingGroupEntity managedGroup(String providerArn) {
    AutoScalingGroupEntity group = new AutoScalingGroupEntity();
    String region = Arns.regionOf(providerArn);
    group.autoScalingGroupArn = providerArn;
    group.name = Arns.lastSegment(providerArn);
    group.region = region;
    group.instanceType = InstanceTypes.DEFAULT;
    group.zones = List.of(region + "a", region + "b", region + "c");
    group.minSize = 0;
    group.maxSize = MANAGED_INSTANCES_MAX;
    group.desiredCapacity = 0;
    group.warmupSeconds = MANAGED_INSTANCES_WARMUP_SECONDS;
    group.scaleInAfterSeconds = DEFAULT_SCALE_IN_AFTER_SECONDS;
    return group;
  }

  /** The CPU units and MiB of the largest task of the provider waiting for capacity ({0, 0}: none). */
  private static int[] largestWaiting(RuntimeState state, String clusterArn, String providerName) {
    int[] out = {0, 0};
    for (TaskEntity task : state.tasks.values()) {
      if (task.awaitingCapacity && task.isActive() && clusterArn != null && clusterArn.equals(task.clusterArn)
          && providerName.equals(task.capacityProviderName)) {
        Reservation r = PlacementPass.reservation(task);
        out[0] = Math.max(out[0], r.cpu());
        out[1] = Math.max(out[1], r.memory());
      }
    }
    return out;
  }

  /** The ACTIVE cluster the provider is associated with, or null. */
  static ObjectNode clusterOf(RuntimeState state, String region, String providerName) {
    for (ObjectNode cluster : state.clusters.values()) {
      if ("ACTIVE".equals(Json.text(cluster, "status")) && region.equals(Arns.regionOf(Json.text(cluster, "clusterArn")))
          && Json.strings(cluster, "capacityProviders").contains(providerName)) {
        return cluster;
      }
    }
    return null;
  }

  static AutoScalingGroupEntity defaultGroup(String arn, String region) {
    AutoScalingGroupEntity group = new AutoScalingGroupEntity();
    group.autoScalingGroupArn = arn;
    group.name = nameOf(arn);
    group.region = region;
    group.instanceType = InstanceTypes.DEFAULT;
    group.zones = List.of(region + "a", region + "b", region + "c");
    group.minSize = 0;
    group.maxSize = DEFAULT_MAX;
    group.desiredCapacity = DEFAULT_DESIRED;
    group.warmupSeconds = DEFAULT_WARMUP_SECONDS;
    group.scaleInAfterSeconds = DEFAULT_SCALE_IN_AFTER_SECONDS;
    return group;
  }

  /** The group name of an Auto Scaling group ARN ({@code …:autoScalingGroupName/NAME}). */
  public static String nameOf(String arn) {
    int at = arn.indexOf("autoScalingGroupName/");
    return at < 0 ? Arns.lastSegment(arn) : arn.substring(at + "autoScalingGroupName/".length());
  }

  private static void reconcile(RuntimeState state, AutoScalingGroupEntity group, ObjectNode provider, JsonNode asg,
      ObjectNode cluster, Instant now) {
    String providerName = Json.text(provider, "name");
    boolean managedDraining = !"DISABLED".equals(Json.text(asg, "managedDraining"));
    boolean protection = "ENABLED".equals(Json.text(asg, "managedTerminationProtection"));
    InstanceTypes.InstanceType type = InstanceTypes.find(group.instanceType)
        .orElseGet(() -> InstanceTypes.find(InstanceTypes.DEFAULT).orElseThrow());
    registerOrLeave(state, group, cluster, providerName, type, now);
    finishTerminations(state, group, now);
    if (cluster != null && "ENABLED".equals(Json.text(asg.path("managedScaling"), "status"))) {
      scale(state, group, asg.path("managedScaling"), providerName, cluster, type, now);
    }
    for (GroupInstance instance : group.inService()) {
      instance.protectedFromScaleIn = protection && busy(state, instance.containerInstanceArn);
      ContainerInstanceEntity registered = instance.containerInstanceArn == null ? null
          : state.containerInstances.get(instance.containerInstanceArn);
      if (registered != null && registered.protectedFromScaleIn != instance.protectedFromScaleIn) {
        ContainerInstanceEntity updated = registered.copy();
        updated.protectedFromScaleIn = instance.protectedFromScaleIn;
        state.containerInstances.put(updated.containerInstanceArn, updated);
      }
    }
    List<GroupPlan.Member> members = new ArrayList<>();
    for (GroupInstance instance : group.inService()) {
      members.add(new GroupPlan.Member(instance.ec2InstanceId, instance.zone, instance.launchedAt,
          instance.containerInstanceArn != null
              && !ContainerInstances.tasksOn(state, instance.containerInstanceArn).isEmpty(),
          instance.protectedFromScaleIn));
    }
    GroupPlan.Changes changes = GroupPlan.plan(group.zones, members,
        Math.max(group.minSize, Math.min(group.maxSize, group.desiredCapacity)));
    for (String zone : changes.launchInZones()) {
      GroupInstance instance = new GroupInstance();
      instance.ec2InstanceId = Ids.ec2InstanceId();
      instance.zone = zone;
      instance.launchedAt = now;
      group.instances.add(instance);
      activity(group, now, "Launching a new EC2 instance: " + instance.ec2InstanceId + " (" + group.instanceType + ", "
          + zone + ")", "the desired capacity is " + group.desiredCapacity);
    }
    for (String id : changes.terminate()) {
      GroupInstance instance = group.instances.stream().filter(i -> i.ec2InstanceId.equals(id)).findFirst()
          .orElseThrow();
      instance.lifecycleState = GroupInstance.TERMINATING;
      activity(group, now, "Terminating EC2 instance: " + id, "the desired capacity is " + group.desiredCapacity
          + (managedDraining ? "; ECS drains its container instance first (managed draining)" : ""));
      ContainerInstanceEntity registered = instance.containerInstanceArn == null ? null
          : state.containerInstances.get(instance.containerInstanceArn);
      if (registered != null && registered.isActive() && managedDraining) {
        ContainerInstanceEntity draining = registered.copy();
        draining.status = ContainerInstanceEntity.DRAINING;
        draining.version++;
        state.containerInstances.put(draining.containerInstanceArn, draining);
      }
    }
    registerOrLeave(state, group, cluster, providerName, type, now);
    finishTerminations(state, group, now);
  }

  /**
   * Drains the instance and has its group replace it (ECS's drain-provision-replace, for Managed
   * Daemons): the group launches a new instance at once, as its desired capacity is unchanged, and
   * the old one goes once its tasks other than daemons' are gone. Returns false if no simulated
   * group owns it (it is only drained then).
   */
  public static boolean replace(RuntimeState state, ContainerInstanceEntity instance, String cause, Instant now) {
    if (instance.isActive()) {
      ContainerInstanceEntity draining = instance.copy();
      draining.status = ContainerInstanceEntity.DRAINING;
      draining.statusReason = cause;
      draining.version++;
      state.containerInstances.put(draining.containerInstanceArn, draining);
    }
    AutoScalingGroupEntity stored = instance.autoScalingGroupArn == null ? null
        : state.autoScalingGroups.get(instance.autoScalingGroupArn);
    if (stored == null) {
      return false;
    }
    AutoScalingGroupEntity group = stored.copy();
    for (GroupInstance member : group.instances) {
      if (instance.containerInstanceArn.equals(member.containerInstanceArn)
          && GroupInstance.IN_SERVICE.equals(member.lifecycleState)) {
        member.lifecycleState = GroupInstance.TERMINATING;
        activity(group, now, "Terminating EC2 instance: " + member.ec2InstanceId, cause);
      }
    }
    state.autoScalingGroups.put(group.autoScalingGroupArn, group);
    return true;
  }

  /** Registers the group's instances with the cluster (or deregisters them when there is none). */
  private static void registerOrLeave(RuntimeState state, AutoScalingGroupEntity group, ObjectNode cluster,
      String providerName, InstanceTypes.InstanceType type, Instant now) {
    for (GroupInstance instance : group.instances) {
      ContainerInstanceEntity registered = instance.containerInstanceArn == null ? null
          : state.containerInstances.get(instance.containerInstanceArn);
      boolean belongs = cluster != null && registered != null && registered.isRegistered()
          && registered.clusterArn.equals(Json.text(cluster, "clusterArn"));
      if (registered != null && registered.isRegistered() && !belongs) {
        ContainerInstances.deregister(state, registered, "The container instance's cluster no longer uses capacity"
            + " provider " + providerName, now);
      }
      if (!belongs) {
        instance.containerInstanceArn = null;
      }
      if (cluster != null && instance.containerInstanceArn == null
          && GroupInstance.IN_SERVICE.equals(instance.lifecycleState)) {
        ContainerInstanceEntity created = ContainerInstances.register(state, cluster, new ContainerInstances.Registration(
            instance.ec2InstanceId, type.name(), instance.zone, type.architecture(), type.cpuUnits(), type.memoryMib(),
            null, null, Map.of(), providerName, group.autoScalingGroupArn, false), now);
        instance.containerInstanceArn = created.containerInstanceArn;
      }
    }
  }

  /** Terminating instances go once nothing runs on them (at once when not drained first). */
  private static void finishTerminations(RuntimeState state, AutoScalingGroupEntity group, Instant now) {
    List<GroupInstance> gone = new ArrayList<>();
    for (GroupInstance instance : group.instances) {
      if (!GroupInstance.TERMINATING.equals(instance.lifecycleState)) {
        continue;
      }
      ContainerInstanceEntity registered = instance.containerInstanceArn == null ? null
          : state.containerInstances.get(instance.containerInstanceArn);
      if (registered != null && registered.isRegistered()) {
        boolean draining = ContainerInstanceEntity.DRAINING.equals(registered.status);
        // Managed Daemons drain last: their task stops with the instance, once the others are gone.
        if (draining && ContainerInstances.tasksOn(state, registered.containerInstanceArn).stream()
            .anyMatch(t -> t.daemonArn == null)) {
          continue;
        }
        ContainerInstances.deregister(state, registered, "The EC2 instance " + instance.ec2InstanceId
            + " was terminated by its Auto Scaling group", now);
      }
      gone.add(instance);
    }
    group.instances.removeAll(gone);
  }

  /** ECS managed scaling: the desired capacity from CapacityProviderReservation. */
  private static void scale(RuntimeState state, AutoScalingGroupEntity group, JsonNode settings, String providerName,
      ObjectNode cluster, InstanceTypes.InstanceType type, Instant now) {
    int busy = 0;
    boolean warming = false;
    for (GroupInstance instance : group.inService()) {
      busy += instance.containerInstanceArn != null && busy(state, instance.containerInstanceArn) ? 1 : 0;
      // An instance whose Managed Daemon task is still starting takes no task yet: it is still warming up.
      warming |= instance.launchedAt.plus(group.warmup()).isAfter(now)
          || DaemonScheduling.awaitingDaemon(state, instance.containerInstanceArn);
    }
    List<Reservation> waiting = new ArrayList<>();
    String clusterArn = Json.text(cluster, "clusterArn");
    for (TaskEntity task : state.tasks.values()) {
      if (task.awaitingCapacity && task.isActive() && clusterArn.equals(task.clusterArn)
          && providerName.equals(task.capacityProviderName)) {
        waiting.add(PlacementPass.reservation(task));
      }
    }
    ManagedScaling.Decision decision = ManagedScaling.evaluate(new ManagedScaling.Inputs(
        Json.integer(settings, "targetCapacity", 100), Json.integer(settings, "minimumScalingStepSize", 1),
        Json.integer(settings, "maximumScalingStepSize", 10000), group.scaleInAfter(), type, group.minSize,
        group.maxSize, group.desiredCapacity, group.inService().size(), busy, waiting, warming, group.belowTargetSince),
        now);
    group.capacityProviderReservation = decision.reservation();
    group.belowTargetSince = decision.belowTargetSince();
    if (decision.desiredCapacity() != group.desiredCapacity) {
      activity(group, now, "Setting desired capacity from " + group.desiredCapacity + " to "
          + decision.desiredCapacity(), decision.cause());
      LOG.info("Auto Scaling group " + group.name + ": desired capacity " + group.desiredCapacity + " → "
          + decision.desiredCapacity() + " (" + decision.cause() + ")");
      group.desiredCapacity = decision.desiredCapacity();
    }
  }

  /**
   * The instance runs a task that is not a daemon's, of a DAEMON service or a Managed Daemon (what
   * managed scaling and protection count).
   */
  static boolean busy(RuntimeState state, String containerInstanceArn) {
    if (containerInstanceArn == null) {
      return false;
    }
    for (TaskEntity task : ContainerInstances.tasksOn(state, containerInstanceArn)) {
      if (task.daemonArn != null) {
        continue;
      }
      ServiceEntity service = task.serviceName == null ? null
          : state.services.get(Arns.service(task.region, task.clusterName, task.serviceName));
      if (service == null || !"DAEMON".equals(service.schedulingStrategy)) {
        return true;
      }
    }
    return false;
  }

  private static void activity(AutoScalingGroupEntity group, Instant now, String description, String cause) {
    group.activities.add(0, new AutoScalingGroupEntity.Activity(now, description, cause));
    if (group.activities.size() > AutoScalingGroupEntity.MAX_ACTIVITIES) {
      group.activities.subList(AutoScalingGroupEntity.MAX_ACTIVITIES, group.activities.size()).clear();
    }
  }
}
