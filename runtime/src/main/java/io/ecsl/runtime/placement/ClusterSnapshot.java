package io.ecsl.runtime.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The container instances of one cluster and what their tasks take, as placement works on it.
 *
 * <p>A pass builds one snapshot from the stored instances and tasks, then places its tasks one by
 * one, {@link #add adding} each placement before the next (Nomad's "plan applied to the
 * snapshot"), so the second task of a batch sees the first. Arrays indexed by instance keep the
 * placement loop to a few memory reads per instance.
 */
public final class ClusterSnapshot {
  private final List<InstanceInfo> instances;
  private final int[] cpuLeft;
  private final int[] memoryLeft;
  private final int[] tasks;
  private final int[] pendingTasks;
  private final List<Set<Integer>> tcpUsed;
  private final List<Set<Integer>> udpUsed;
  /** Per group: its tasks on each instance, and per spread field its tasks on each value. */
  private final Map<String, GroupCounts> groups = new HashMap<>();
  /** Per spread field: the id of each instance's value (instances without the attribute share one). */
  private final Map<String, ValueIndex> values = new HashMap<>();
  /** Instances that pass the checks a pass does not change, per request signature. */
  private final Map<Object, int[]> staticCandidates = new HashMap<>();
  /** Working space for one placement's candidates (placements are sequential). */
  private final int[] scratch;

  private ClusterSnapshot(List<InstanceInfo> instances) {
    this.instances = List.copyOf(instances);
    int n = instances.size();
    cpuLeft = new int[n];
    memoryLeft = new int[n];
    tasks = new int[n];
    pendingTasks = new int[n];
    scratch = new int[n];
    tcpUsed = new ArrayList<>(n);
    udpUsed = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      InstanceInfo instance = instances.get(i);
      cpuLeft[i] = instance.cpu();
      memoryLeft[i] = instance.memory();
      tcpUsed.add(new HashSet<>(instance.reservedTcpPorts()));
      udpUsed.add(new HashSet<>(instance.reservedUdpPorts()));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the instances, then the tasks already on them. */
  public static final class Builder {
    private final List<InstanceInfo> instances = new ArrayList<>();
    private final Map<String, Integer> byArn = new LinkedHashMap<>();
    private final List<Object[]> tasks = new ArrayList<>();

    public Builder instance(InstanceInfo instance) {
      byArn.put(instance.arn(), instances.size());
      instances.add(instance);
      return this;
    }

    /**
     * A task already placed on {@code instanceArn} (ignored when that instance is not in the
     * snapshot); {@code pending} counts it in the instance's pendingTasksCount.
     */
    public Builder task(String instanceArn, String group, Reservation reservation, boolean pending) {
      Integer index = byArn.get(instanceArn);
      if (index != null) {
        tasks.add(new Object[] {index, group, reservation, pending});
      }
      return this;
    }

    public ClusterSnapshot build() {
      ClusterSnapshot snapshot = new ClusterSnapshot(instances);
      for (Object[] task : tasks) {
        snapshot.add((Integer) task[0], (String) task[1], (Reservation) task[2]);
        if ((Boolean) task[3]) {
          snapshot.pendingTasks[(Integer) task[0]]++;
        }
      }
      return snapshot;
    }
  }

  public int size() {
    return instances.size();
  }

  public InstanceInfo instance(int i) {
    return instances.get(i);
  }

  public List<InstanceInfo> instances() {
    return instances;
  }

  /** The index of the instance with this ARN, or -1. */
  public int indexOf(String arn) {
    for (int i = 0; i < instances.size(); i++) {
      if (instances.get(i).arn().equals(arn)) {
        return i;
      }
    }
    return -1;
  }

  public int cpuLeft(int i) {
    return cpuLeft[i];
  }

  public int memoryLeft(int i) {
    return memoryLeft[i];
  }

  /** CPU units left per instance (live: checkers read it in their loops; never written outside). */
  int[] cpuLeft() {
    return cpuLeft;
  }

  int[] memoryLeft() {
    return memoryLeft;
  }

  /** Tasks placed on the instance that should run (its runningTasksCount). */
  public int tasksOn(int i) {
    return tasks[i];
  }

  public int pendingTasksOn(int i) {
    return pendingTasks[i];
  }

  /** Ports taken on the instance: reserved at registration or bound by a task. */
  public Set<Integer> usedPorts(int i, boolean udp) {
    return Set.copyOf(udp ? udpUsed.get(i) : tcpUsed.get(i));
  }

  /** The first of the reservation's ports the instance has taken already, or -1. */
  public int portConflict(int i, Reservation reservation) {
    Set<Integer> tcp = tcpUsed.get(i);
    for (int port : reservation.tcpPorts()) {
      if (tcp.contains(port)) {
        return port;
      }
    }
    Set<Integer> udp = udpUsed.get(i);
    for (int port : reservation.udpPorts()) {
      if (udp.contains(port)) {
        return port;
      }
    }
    return -1;
  }

  /** The group's tasks on the instance. */
  public int groupCount(String group, int i) {
    GroupCounts counts = groups.get(group);
    return counts == null ? 0 : counts.perInstance[i];
  }

  /** The group's tasks per instance, or null when it has none anywhere (live; never written outside). */
  int[] groupCounts(String group) {
    GroupCounts counts = groups.get(group);
    return counts == null ? null : counts.perInstance;
  }

  /** The groups with tasks on the instance (what {@code task:group} compares). */
  public List<String> groupsOn(int i) {
    List<String> out = new ArrayList<>();
    groups.forEach((group, counts) -> {
      if (counts.perInstance[i] > 0) {
        out.add(group);
      }
    });
    return out;
  }

  /** Takes the reservation from the instance and counts the task in its group. */
  public void add(int i, String group, Reservation reservation) {
    change(i, group, reservation, 1);
  }

  /** Gives a task's reservation back (a task stopped, or a scale-in being planned). */
  public void remove(int i, String group, Reservation reservation) {
    change(i, group, reservation, -1);
  }

  private void change(int i, String group, Reservation reservation, int sign) {
    cpuLeft[i] -= sign * reservation.cpu();
    memoryLeft[i] -= sign * reservation.memory();
    tasks[i] += sign;
    for (int port : reservation.tcpPorts()) {
      if (sign > 0) {
        tcpUsed.get(i).add(port);
      } else {
        tcpUsed.get(i).remove(port);
      }
    }
    for (int port : reservation.udpPorts()) {
      if (sign > 0) {
        udpUsed.get(i).add(port);
      } else {
        udpUsed.get(i).remove(port);
      }
    }
    if (group != null) {
      GroupCounts counts = groups.computeIfAbsent(group, g -> new GroupCounts(instances.size()));
      counts.perInstance[i] += sign;
      for (Map.Entry<String, int[]> field : counts.perValue.entrySet()) {
        field.getValue()[values.get(field.getKey()).ids[i]] += sign;
      }
    }
  }

  /** One group's task counts. */
  private static final class GroupCounts {
    final int[] perInstance;
    /** Spread field → tasks per value id, built on first use and kept current. */
    final Map<String, int[]> perValue = new HashMap<>(4);

    GroupCounts(int instances) {
      perInstance = new int[instances];
    }
  }

  // ---- spread support -------------------------------------------------------------------------

  /** Each instance's value of a spread field, as small integer ids. */
  ValueIndex values(PlacementStrategy.Spread spread) {
    return values.computeIfAbsent(spread.field(), f -> ValueIndex.of(instances, spread));
  }

  /** The group's tasks per value id of the field (kept current as tasks are added). */
  int[] groupValueCounts(String group, PlacementStrategy.Spread spread) {
    ValueIndex index = values(spread);
    GroupCounts counts = groups.computeIfAbsent(group, g -> new GroupCounts(instances.size()));
    return counts.perValue.computeIfAbsent(spread.field(), f -> {
      int[] perValue = new int[index.count];
      for (int i = 0; i < counts.perInstance.length; i++) {
        perValue[index.ids[i]] += counts.perInstance[i];
      }
      return perValue;
    });
  }

  /** The ids of each instance's value of one field. */
  static final class ValueIndex {
    final int[] ids;
    final int count;
    final List<String> names;

    private ValueIndex(int[] ids, List<String> names) {
      this.ids = ids;
      this.count = names.size();
      this.names = names;
    }

    static ValueIndex of(List<InstanceInfo> instances, PlacementStrategy.Spread spread) {
      int[] ids = new int[instances.size()];
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (int i = 0; i < ids.length; i++) {
        InstanceInfo instance = instances.get(i);
        String value = spread.byInstance() ? instance.arn() : instance.attribute(spread.attribute());
        // EMU: instances without the attribute count as one more value of their own.
        ids[i] = seen.computeIfAbsent(value == null ? "\u0000none" : value, v -> seen.size());
      }
      return new ValueIndex(ids, List.copyOf(seen.keySet()));
    }
  }

  // ---- feasibility cache ----------------------------------------------------------------------

  /**
   * The instances that pass the checks adding tasks cannot change (status, agent, capacity
   * provider, required attributes, a memberOf on attributes), cached per request signature
   * {@code key}, computed by {@code compute} on first use. Never written by callers.
   */
  int[] staticCandidates(Object key, Supplier<int[]> compute) {
    return staticCandidates.computeIfAbsent(key, k -> compute.get());
  }

  /** The working array one placement narrows its candidates in. */
  int[] scratch() {
    return scratch;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ClusterSnapshot[");
    for (int i = 0; i < instances.size(); i++) {
      out.append(instances.get(i).id()).append(" cpu=").append(cpuLeft[i]).append(" mem=").append(memoryLeft[i])
          .append(" tasks=").append(tasks[i]).append(i + 1 < instances.size() ? "; " : "");
    }
    return out.append(']').toString();
  }
}
