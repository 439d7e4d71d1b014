package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.runtime.capacity.CapacityStrategy;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.placement.ClusterSnapshot;
import io.ecsl.runtime.placement.InstanceInfo;
import io.ecsl.runtime.placement.Placement;
import io.ecsl.runtime.placement.PlacementConstraint;
import io.ecsl.runtime.placement.PlacementStrategy;
import io.ecsl.runtime.placement.Placer;
import io.ecsl.runtime.placement.Rejection;
import io.ecsl.runtime.placement.Reservation;
import io.ecsl.runtime.placement.TaskRequest;
import io.ecsl.runtime.placement.TaskReservations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where new tasks go: the one entry point RunTask, the service scheduler and scheduled tasks
 * launch through. Given a launch (cluster, task definition, launch type or capacity provider
 * strategy, placement constraints and strategies, task group, count), it splits the tasks across
 * capacity providers (base, then weight: {@link CapacityStrategy}), places the EC2 ones on
 * container instances (the pure {@link Placer}), and says what it could not place and why.
 * Callers hold the state lock, create the tasks ({@link TaskLauncher}) and {@link
 * TaskPlacement#applyTo apply} each placement to its task.
 *
 * <pre>{@code
 * PlacementPass pass = new PlacementPass(state, random, now);
 * Decision decision = TaskPlacements.place(pass, new Request(cluster, definition, spec, launchType,
 *     strategy, constraints, strategies, group, count, Map.of()));
 * for (TaskPlacement p : decision.placed()) { TaskEntity task = TaskLauncher.create(...); p.applyTo(task); }
 * decision.unplaced()  // RunTask failures, or the service event
 * }</pre>
 */
public final class TaskPlacements {
  private TaskPlacements() {}

  /**
   * A launch of {@code count} tasks of one task definition.
   *
   * @param spec the task definition with the launch's overrides applied (sizes the reservation)
   * @param launchType as given (null when a strategy or the cluster's default strategy decides)
   * @param capacityProviderStrategy as given (null or empty: the cluster's default, else EC2)
   * @param constraints the request's constraints (the task definition's memberOf ones are added)
   * @param strategies the request's strategies (empty: the default, spread by zone then instance)
   * @param running the tasks already running per capacity provider that the strategy's split
   *     counts (a service deployment's; empty for RunTask, which splits each call on its own)
   */
  public record Request(
      ObjectNode cluster,
      ObjectNode taskDefinition,
      TaskSpec spec,
      String launchType,
      JsonNode capacityProviderStrategy,
      List<PlacementConstraint> constraints,
      List<PlacementStrategy> strategies,
      String group,
      int count,
      Map<String, Integer> running) {}

  /**
   * Where one task goes. {@code containerInstanceArn} is null for Fargate (and for tasks that wait
   * for capacity: {@code awaitingCapacity}).
   */
  public record TaskPlacement(
      String launchType,
      String capacityProviderName,
      String containerInstanceArn,
      String availabilityZone,
      String hostIp,
      Reservation reservation,
      boolean awaitingCapacity) {

    public void applyTo(TaskEntity task) {
      task.launchType = launchType;
      task.capacityProviderName = capacityProviderName;
      task.containerInstanceArn = containerInstanceArn;
      task.availabilityZone = availabilityZone;
      task.hostIp = hostIp;
      task.awaitingCapacity = awaitingCapacity;
      task.reservedCpu = reservation.cpu();
      task.reservedMemory = reservation.memory();
      task.reservedTcpPorts = new ArrayList<>();
      for (int port : reservation.tcpPorts()) {
        task.reservedTcpPorts.add(port);
      }
      task.reservedUdpPorts = new ArrayList<>();
      for (int port : reservation.udpPorts()) {
        task.reservedUdpPorts.add(port);
      }
    }
  }

  /** The placed tasks, in launch order, and what could not be placed (null when all were). */
  public record Decision(List<TaskPlacement> placed, Unplaced unplaced) {}

  /**
   * Tasks no instance could take.
   *
   * @param failures RunTask's {@code failures}: the check each candidate instance failed
   * @param noInstances the cluster (or the capacity provider) has no instance at all
   */
  public record Unplaced(int tasks, String capacityProvider, List<Failure> failures, String closestInstanceId,
      Rejection closestReason, boolean noInstances) {

    /** The service event ECS logs, naming the closest instance and what it lacked. */
    public String serviceEvent(String serviceName) {
      String prefix = "(service " + serviceName + ") was unable to place a task because no container instance met"
          + " all of its requirements.";
      String why = noInstances
          ? " Reason: No Container Instances were found in your " + (capacityProvider == null ? "cluster"
              : "capacity provider") + "."
          : " The closest matching container-instance " + closestInstanceId + " " + closestReason.eventPhrase() + ".";
      return prefix + why + " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    }
  }

  /** One entry of RunTask's {@code failures}. */
  public record Failure(String arn, String reason) {}

  public static Decision place(PlacementPass pass, Request request) {
    RuntimeState state = pass.state();
    Reservation reservation = TaskReservations.of(request.spec());
    List<String> targets = targets(request);
    List<TaskPlacement> placed = new ArrayList<>();
    Unplaced unplaced = null;
    String region = Arns.regionOf(Json.text(request.cluster(), "clusterArn"));
    for (String target : targets) {
      if (unplaced != null && target.equals(unplaced.capacityProvider() == null ? "EC2" : unplaced.capacityProvider())) {
        unplaced = new Unplaced(unplaced.tasks() + 1, unplaced.capacityProvider(), unplaced.failures(),
            unplaced.closestInstanceId(), unplaced.closestReason(), unplaced.noInstances());
        continue;
      }
      if (FargateProviders.is(target)) {
        placed.add(new TaskPlacement("FARGATE", target.equals("FARGATE") && request.launchType() != null ? null
            : target, null, region + "a", null, Reservation.NONE, false));
        continue;
      }
      if (target.equals("EXTERNAL") || target.equals("MANAGED_INSTANCES")) {
        placed.add(new TaskPlacement(target, null, null, region + "a", null, Reservation.NONE, false));
        continue;
      }
      String provider = target.equals("EC2") ? null : target;
      if (provider == null) {
        ContainerInstanceEntity host = ContainerInstances.ensureDockerHost(state, request.cluster(),
            hasAutoScalingGroups(state, request.cluster()), pass.now());
        if (host != null) {
          pass.invalidate(host.clusterArn);
        }
      }
      ClusterSnapshot snapshot = pass.snapshot(Json.text(request.cluster(), "clusterArn"));
      TaskRequest task = new TaskRequest(reservation, request.group(), provider, requiredAttributes(request),
          constraints(request), PlacementStrategy.orDefault(request.strategies()));
      Placement placement = Placer.place(snapshot, task, pass.random());
      if (placement instanceof Placement.Placed p) {
        snapshot.add(p.instance(), request.group(), reservation);
        InstanceInfo instance = snapshot.instance(p.instance());
        ContainerInstanceEntity entity = state.containerInstances.get(instance.arn());
        placed.add(new TaskPlacement(launchTypeOf(state, region, provider), provider, instance.arn(),
            instance.attribute(InstanceInfo.AVAILABILITY_ZONE),
            entity.hostIp, reservation, false));
      } else if (provider != null && managedScaling(state, region, provider)) {
        // Managed scaling launches capacity for it: the task waits in PROVISIONING (§7.2).
        placed.add(new TaskPlacement(launchTypeOf(state, region, provider), provider, null, null, null, reservation, true));
      } else {
        unplaced = unplaced(snapshot, (Placement.Unplaceable) placement, provider);
      }
    }
    return new Decision(placed, unplaced);
  }

  /**
   * StartTask's placement: one task of {@code request} (its count and strategies are ignored) on
   * the named, ACTIVE container instance, if it can take it (agent, CPU, memory, ports, required
   * attributes; EMU: not the memberOf constraints, as the caller chose the instance). Returns the
   * placement, or the failure RunTask-style {@code failures} report for that instance. The
   * placement enters the pass's snapshot, so the next instance of the same call sees it.
   */
  public static Pinned onInstance(PlacementPass pass, Request request, ContainerInstanceEntity instance) {
    ClusterSnapshot snapshot = pass.snapshot(instance.clusterArn);
    int i = snapshot.indexOf(instance.containerInstanceArn);
    if (i < 0) {
      return new Pinned(null, new Failure(instance.containerInstanceArn, "MISSING"));
    }
    Reservation reservation = TaskReservations.of(request.spec());
    TaskRequest task = new TaskRequest(reservation, request.group(), null, requiredAttributes(request), List.of(),
        List.of());
    Rejection rejection = Placer.check(snapshot, task, i);
    if (rejection != null) {
      return new Pinned(null, new Failure(instance.containerInstanceArn, rejection.failureReason()));
    }
    snapshot.add(i, request.group(), reservation);
    return new Pinned(new TaskPlacement("EC2", null, instance.containerInstanceArn,
        snapshot.instance(i).attribute(InstanceInfo.AVAILABILITY_ZONE), instance.hostIp, reservation, false), null);
  }

  /** StartTask's answer for one instance: where the task goes, or why it cannot go there. */
  public record Pinned(TaskPlacement placement, Failure failure) {}

  /** The launch type or capacity provider of each task, in launch order. */
  private static List<String> targets(Request request) {
    List<String> out = new ArrayList<>();
    JsonNode strategy = request.capacityProviderStrategy();
    if (request.launchType() == null && (strategy == null || strategy.isNull() || strategy.isEmpty())) {
      strategy = request.cluster().get("defaultCapacityProviderStrategy");
    }
    if (request.launchType() != null || strategy == null || strategy.isNull() || strategy.isEmpty()) {
      String launchType = request.launchType() == null ? "EC2" : request.launchType();
      for (int i = 0; i < request.count(); i++) {
        out.add(launchType);
      }
      return out;
    }
    return CapacityStrategy.of(strategy).launches(request.running(), request.count());
  }

  /** The capacity provider strategy a launch resolves to (given, else the cluster's default), or null. */
  public static JsonNode effectiveStrategy(ObjectNode cluster, String launchType, JsonNode strategy) {
    if (launchType != null) {
      return null;
    }
    if (strategy != null && !strategy.isNull() && !strategy.isEmpty()) {
      return strategy;
    }
    JsonNode defaults = cluster.get("defaultCapacityProviderStrategy");
    return defaults == null || defaults.isNull() || defaults.isEmpty() ? null : defaults;
  }

  private static Set<String> requiredAttributes(Request request) {
    Set<String> out = new HashSet<>();
    for (JsonNode attribute : Json.list(request.taskDefinition(), "requiresAttributes")) {
      String name = Json.text(attribute, "name");
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }

  /** The request's constraints and the task definition's own (memberOf only, §3.5). */
  private static List<PlacementConstraint> constraints(Request request) {
    List<PlacementConstraint> out = new ArrayList<>(request.constraints());
    JsonNode own = request.taskDefinition().get("placementConstraints");
    if (own != null && own.isArray() && !own.isEmpty()) {
      out.addAll(io.ecsl.runtime.placement.PlacementRequests.constraints(own));
    }
    return out;
  }

  private static Unplaced unplaced(ClusterSnapshot snapshot, Placement.Unplaceable why, String provider) {
    Map<String, Failure> failures = new LinkedHashMap<>();
    for (Placement.InstanceRejection rejection : why.rejections()) {
      String arn = snapshot.instance(rejection.instance()).arn();
      failures.putIfAbsent(arn, new Failure(arn, rejection.reason().failureReason()));
    }
    String closest = why.closest() < 0 ? null : snapshot.instance(why.closest()).id();
    return new Unplaced(1, provider, List.copyOf(failures.values()), closest, why.closestReason(),
        why.noCandidates());
  }

  /** True when the cluster has an Auto Scaling group capacity provider associated. */
  static boolean hasAutoScalingGroups(RuntimeState state, ObjectNode cluster) {
    for (String name : Json.strings(cluster, "capacityProviders")) {
      if (!FargateProviders.is(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when ECS launches capacity for the provider's tasks: an Auto Scaling group provider with
   * managed scaling ENABLED, or a Managed Instances provider (ECS always manages those).
   */
  static boolean managedScaling(RuntimeState state, String region, String provider) {
    ObjectNode stored = state.capacityProviders.get(Arns.capacityProvider(region, provider));
    return stored != null && (ClusterProviders.isManagedInstances(stored)
        || "ENABLED".equals(Json.text(stored.path("autoScalingGroupProvider").path("managedScaling"), "status")));
  }

  /** The launch type of a task placed through an instance provider (none: the EC2 launch type). */
  static String launchTypeOf(RuntimeState state, String region, String provider) {
    return provider != null && ClusterProviders.isManagedInstances(state.capacityProviders.get(
        Arns.capacityProvider(region, provider))) ? "MANAGED_INSTANCES" : "EC2";
  }
}
