package io.ecsl.runtime.placement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The placement stage (ecs-semantics §3.5), a pure function of a {@link ClusterSnapshot}, a
 * {@link TaskRequest} and a seeded random generator, shaped like Nomad's scheduler: a stack of
 * feasibility checkers (one per resource and per constraint) narrows the instances, then one
 * ranker per strategy, in order, keeps the best and hands its ties to the next; a last tie is
 * broken at random.
 *
 * <p>The checks a pass cannot change (ACTIVE, the capacity provider, the agent, the attributes the
 * task definition requires, a memberOf on attributes)
 * run once per request signature and are cached in the snapshot; the rest (CPU, memory, ports,
 * distinctInstance, a memberOf on {@code runningTasksCount} or {@code task:group}) run for every
 * task, so each placement costs a few array reads per instance: linear in the instances.
 */
public final class Placer {
  private Placer() {}

  /** Where one task goes; the snapshot is not changed (see {@link #placeAll}). */
  public static Placement place(ClusterSnapshot snapshot, TaskRequest request, RandomGenerator random) {
    BitSet candidates = (BitSet) snapshot.staticFeasible(request.staticKey(),
        () -> staticCandidates(snapshot, request)).clone();
    for (FeasibilityChecker checker : dynamicCheckers(request)) {
      if (candidates.isEmpty()) {
        break;
      }
      checker.filter(snapshot, request, candidates);
    }
    if (candidates.isEmpty()) {
      return explain(snapshot, request);
    }
    for (PlacementStrategy strategy : request.strategies()) {
      if (candidates.cardinality() == 1) {
        break;
      }
      Ranker.of(strategy).keepBest(snapshot, request, candidates, random);
    }
    return new Placement.Placed(pick(candidates, random));
  }

  /**
   * Places {@code count} tasks one after the other, adding each to the snapshot before the next;
   * stops at the first that cannot be placed (the rest could not be either).
   */
  public static List<Placement> placeAll(ClusterSnapshot snapshot, TaskRequest request, int count,
      RandomGenerator random) {
    List<Placement> out = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      Placement placement = place(snapshot, request, random);
      out.add(placement);
      if (placement instanceof Placement.Placed placed) {
        snapshot.add(placed.instance(), request.group(), request.reservation());
      } else {
        break;
      }
    }
    return out;
  }

  /**
   * The instances that pass the checks adding tasks cannot change (ACTIVE, capacity provider,
   * agent, required attributes, a memberOf on attributes): where a DAEMON service belongs.
   */
  public static BitSet eligible(ClusterSnapshot snapshot, TaskRequest request) {
    BitSet out = staticCandidates(snapshot, request);
    for (FeasibilityChecker checker : constraintCheckers(request, false)) {
      if (checker instanceof MemberOfChecker member && member.condition().dependsOnTasks()) {
        checker.filter(snapshot, request, out);
      }
    }
    return out;
  }

  /** Why no instance can take the task: the first check each candidate fails, in pipeline order. */
  public static Placement.Unplaceable explain(ClusterSnapshot snapshot, TaskRequest request) {
    List<FeasibilityChecker> pipeline = new ArrayList<>();
    pipeline.add(AgentChecker.INSTANCE);
    pipeline.add(CpuChecker.INSTANCE);
    pipeline.add(MemoryChecker.INSTANCE);
    pipeline.add(PortChecker.INSTANCE);
    pipeline.add(AttributeChecker.INSTANCE);
    constraintCheckers(request, true).forEach(pipeline::add);
    List<Placement.InstanceRejection> rejections = new ArrayList<>();
    int closest = -1;
    int furthest = -1;
    for (int i = 0; i < snapshot.size(); i++) {
      if (!candidate(snapshot.instance(i), request)) {
        continue;
      }
      for (FeasibilityChecker checker : pipeline) {
        if (!checker.feasible(snapshot, request, i)) {
          rejections.add(new Placement.InstanceRejection(i, checker.rejection()));
          if (checker.rejection().ordinal() > furthest) {
            furthest = checker.rejection().ordinal();
            closest = i;
          }
          break;
        }
      }
    }
    return new Placement.Unplaceable(rejections, closest);
  }

  /** An instance that may take tasks of the request at all: ACTIVE, and of its capacity provider. */
  static boolean candidate(InstanceInfo instance, TaskRequest request) {
    return instance.active() && (request.capacityProvider() == null
        || request.capacityProvider().equals(instance.capacityProviderName()));
  }

  private static BitSet staticCandidates(ClusterSnapshot snapshot, TaskRequest request) {
    BitSet candidates = new BitSet(snapshot.size());
    for (int i = 0; i < snapshot.size(); i++) {
      if (candidate(snapshot.instance(i), request)) {
        candidates.set(i);
      }
    }
    AgentChecker.INSTANCE.filter(snapshot, request, candidates);
    AttributeChecker.INSTANCE.filter(snapshot, request, candidates);
    for (FeasibilityChecker checker : constraintCheckers(request, false)) {
      if (checker instanceof MemberOfChecker member && !member.condition().dependsOnTasks()) {
        checker.filter(snapshot, request, candidates);
      }
    }
    return candidates;
  }

  private static List<FeasibilityChecker> dynamicCheckers(TaskRequest request) {
    List<FeasibilityChecker> out = new ArrayList<>(6);
    out.add(CpuChecker.INSTANCE);
    out.add(MemoryChecker.INSTANCE);
    out.add(PortChecker.INSTANCE);
    for (FeasibilityChecker checker : constraintCheckers(request, false)) {
      if (!(checker instanceof MemberOfChecker member) || member.condition().dependsOnTasks()) {
        out.add(checker);
      }
    }
    return out;
  }

  /** One checker per constraint; for explaining, distinctInstance before memberOf (closer last). */
  private static List<FeasibilityChecker> constraintCheckers(TaskRequest request, boolean pipelineOrder) {
    List<FeasibilityChecker> out = new ArrayList<>();
    for (PlacementConstraint constraint : request.constraints()) {
      switch (constraint) {
        case PlacementConstraint.DistinctInstance d -> out.add(DistinctInstanceChecker.INSTANCE);
        case PlacementConstraint.MemberOf m -> out.add(new MemberOfChecker(m.condition()));
      }
    }
    if (pipelineOrder) {
      out.sort(java.util.Comparator.comparing(c -> c.rejection().ordinal()));
    }
    return out;
  }

  /** A uniformly chosen member of a non-empty set. */
  static int pick(BitSet candidates, RandomGenerator random) {
    int count = candidates.cardinality();
    int skip = count == 1 ? 0 : random.nextInt(count);
    int i = candidates.nextSetBit(0);
    while (skip-- > 0) {
      i = candidates.nextSetBit(i + 1);
    }
    return i;
  }
}
