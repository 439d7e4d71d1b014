package io.ecsl.runtime.engine;

import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.placement.ClusterSnapshot;
import io.ecsl.runtime.placement.InstanceInfo;
import io.ecsl.runtime.placement.Reservation;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One round of placement decisions (a RunTask call, or a control-loop pass over every service):
 * each cluster's {@link ClusterSnapshot} is built from the stored instances and tasks once, and
 * every task placed during the round is added to it before the next. Callers hold the state lock.
 */
public final class PlacementPass {
  private final RuntimeState state;
  private final RandomGenerator random;
  private final Instant now;
  private final Map<String, ClusterSnapshot> snapshots = new HashMap<>();

  public PlacementPass(RuntimeState state, RandomGenerator random, Instant now) {
    this.state = state;
    this.random = random;
    this.now = now;
  }

  RuntimeState state() {
    return state;
  }

  RandomGenerator random() {
    return random;
  }

  Instant now() {
    return now;
  }

  /** The cluster's registered instances and what their unstopped tasks take. */
  public ClusterSnapshot snapshot(String clusterArn) {
    return snapshots.computeIfAbsent(clusterArn, arn -> build(state, arn));
  }

  /** Forgets a cluster's snapshot (an instance registered or changed during the round). */
  void invalidate(String clusterArn) {
    snapshots.remove(clusterArn);
  }

  /** A fresh snapshot of the cluster (for describing instances, outside any round). */
  public static ClusterSnapshot build(RuntimeState state, String clusterArn) {
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder();
    HashSet<String> arns = new HashSet<>();
    java.util.Set<String> awaitingDaemons = DaemonScheduling.awaitingDaemons(state, clusterArn);
    for (ContainerInstanceEntity instance : ContainerInstances.registered(state, clusterArn)) {
      builder.instance(awaitingDaemons.contains(instance.containerInstanceArn) ? awaitingDaemon(instance) : info(instance));
      arns.add(instance.containerInstanceArn);
    }
    for (TaskEntity task : state.tasks.values()) {
      if (task.containerInstanceArn != null && !task.isStopped() && arns.contains(task.containerInstanceArn)) {
        builder.task(task.containerInstanceArn, task.group, reservation(task),
            TaskStatus.PENDING.equals(task.lastStatus) || TaskStatus.PROVISIONING.equals(task.lastStatus));
      }
    }
    return builder.build();
  }

  static InstanceInfo info(ContainerInstanceEntity instance) {
    return new InstanceInfo(instance.containerInstanceArn, instance.id, instance.ec2InstanceId, instance.status,
        instance.agentConnected, instance.agentVersion, instance.registeredAt, instance.capacityProviderName,
        instance.attributes, instance.cpu, instance.memory, new HashSet<>(instance.reservedTcpPorts),
        new HashSet<>(instance.reservedUdpPorts));
  }

  /**
   * An instance whose Managed Daemon task is not RUNNING yet, as placement sees it: not ACTIVE, so no
   * task goes there until the daemon runs (ECS starts daemon tasks before any other).
   */
  private static InstanceInfo awaitingDaemon(ContainerInstanceEntity instance) {
    return new InstanceInfo(instance.containerInstanceArn, instance.id, instance.ec2InstanceId, AWAITING_DAEMON,
        instance.agentConnected, instance.agentVersion, instance.registeredAt, instance.capacityProviderName,
        instance.attributes, instance.cpu, instance.memory, new HashSet<>(instance.reservedTcpPorts),
        new HashSet<>(instance.reservedUdpPorts));
  }

  /** The status placement sees for an instance waiting for its daemon tasks (never stored or shown). */
  static final String AWAITING_DAEMON = "AWAITING_DAEMON";

  static Reservation reservation(TaskEntity task) {
    return new Reservation(task.reservedCpu, task.reservedMemory, ints(task.reservedTcpPorts),
        ints(task.reservedUdpPorts));
  }

  private static int[] ints(List<Integer> values) {
    return values == null ? new int[0] : values.stream().mapToInt(Integer::intValue).toArray();
  }
}
