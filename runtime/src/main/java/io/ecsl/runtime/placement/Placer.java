package io.ecsl.runtime.placement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
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
 * task definition requires, a memberOf on attributes) run once per request signature and are
 * cached in the snapshot; the rest (CPU, memory, ports, distinctInstance, a memberOf on
 * {@code runningTasksCount} or {@code task:group}) run for every task, each a tight loop over a
 * dense array of candidate indices, so a placement costs a few array reads per instance: linear
 * in the instances.
 */
public final class Placer {
  private Placer() {}

  /** Where one task goes; the snapshot is not changed (see {@link #placeAll}). */
  public static Placement place(ClusterSnapshot snapshot, TaskRequest request, RandomGenerator random) {
    return new Stack(request).place(snapshot, random);
  }

  /**
   * Places {@code count} tasks one after the other, adding each to the snapshot before the next;
   * stops at the first that cannot be placed (the rest could not be either).
   */
  public static List<Placement> placeAll(ClusterSnapshot snapshot, TaskRequest request, int count,
      RandomGenerator random) {
    Stack stack = new Stack(request);
    List<Placement> out = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      Placement placement = stack.place(snapshot, random);
      out.add(placement);
      if (placement instanceof Placement.Placed placed) {
        snapshot.add(placed.instance(), request.group(), request.reservation());
      } else {
        break;
      }
    }
    return out;
  }

  /** One request's checkers and rankers, built once for any number of its placements. */
  private static final class Stack {
    private final TaskRequest request;
    private final Object staticKey;
    private final List<FeasibilityChecker> staticCheckers = new ArrayList<>();
    private final List<FeasibilityChecker> dynamicCheckers = new ArrayList<>();
    private final List<Ranker> rankers = new ArrayList<>();

    Stack(TaskRequest request) {
      this.request = request;
      this.staticKey = request.staticKey();
      staticCheckers.add(AgentChecker.INSTANCE);
      staticCheckers.add(AttributeChecker.INSTANCE);
      dynamicCheckers.add(ResourceChecker.CPU);
      dynamicCheckers.add(ResourceChecker.MEMORY);
      dynamicCheckers.add(PortChecker.INSTANCE);
      for (FeasibilityChecker checker : constraintCheckers(request)) {
        boolean fixed = checker instanceof MemberOfChecker member && !member.condition().dependsOnTasks();
        (fixed ? staticCheckers : dynamicCheckers).add(checker);
      }
      request.strategies().forEach(s -> rankers.add(Ranker.of(s)));
    }

    Placement place(ClusterSnapshot snapshot, RandomGenerator random) {
      int[] fixed = snapshot.staticCandidates(staticKey, () -> staticCandidates(snapshot));
      int[] candidates = snapshot.scratch();
      System.arraycopy(fixed, 0, candidates, 0, fixed.length);
      int count = fixed.length;
      for (int c = 0; c < dynamicCheckers.size() && count > 0; c++) {
        count = dynamicCheckers.get(c).filter(snapshot, request, candidates, count);
      }
      if (count == 0) {
        return explain(snapshot, request);
      }
      for (int r = 0; r < rankers.size() && count > 1; r++) {
        count = rankers.get(r).keepBest(snapshot, request, candidates, count, random);
      }
      return new Placement.Placed(candidates[count == 1 ? 0 : random.nextInt(count)]);
    }

    int[] staticCandidates(ClusterSnapshot snapshot) {
      int[] candidates = new int[snapshot.size()];
      int count = 0;
      for (int i = 0; i < snapshot.size(); i++) {
        if (candidate(snapshot.instance(i), request)) {
          candidates[count++] = i;
        }
      }
      for (FeasibilityChecker checker : staticCheckers) {
        count = checker.filter(snapshot, request, candidates, count);
      }
      return java.util.Arrays.copyOf(candidates, count);
    }
  }

  /**
   * The instances that pass the checks adding tasks cannot change (ACTIVE, capacity provider,
   * agent, required attributes, a memberOf on attributes), and the memberOf constraints on tasks
   * too: where a DAEMON service belongs.
   */
  public static BitSet eligible(ClusterSnapshot snapshot, TaskRequest request) {
    int[] candidates = new Stack(request).staticCandidates(snapshot);
    int count = candidates.length;
    for (FeasibilityChecker checker : constraintCheckers(request)) {
      if (checker instanceof MemberOfChecker member && member.condition().dependsOnTasks()) {
        count = checker.filter(snapshot, request, candidates, count);
      }
    }
    BitSet out = new BitSet(snapshot.size());
    for (int k = 0; k < count; k++) {
      out.set(candidates[k]);
    }
    return out;
  }

  /** Why no instance can take the task: the first check each candidate fails, in pipeline order. */
  public static Placement.Unplaceable explain(ClusterSnapshot snapshot, TaskRequest request) {
    List<FeasibilityChecker> pipeline = new ArrayList<>(List.of(AgentChecker.INSTANCE, ResourceChecker.CPU,
        ResourceChecker.MEMORY, PortChecker.INSTANCE, AttributeChecker.INSTANCE));
    List<FeasibilityChecker> constraints = constraintCheckers(request);
    // Constraints after resources, distinctInstance before memberOf: a later rejection came closer.
    constraints.sort(Comparator.comparing(c -> c.rejection().ordinal()));
    pipeline.addAll(constraints);
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

  /**
   * Whether the instance at {@code i} can take the task, for StartTask (the caller names the
   * instance): the first check it fails, in the order {@link #explain} uses (agent, CPU, memory,
   * ports, required attributes, then the request's constraints), or null when it passes them all.
   * The instance's status is the caller's to check.
   */
  public static Rejection check(ClusterSnapshot snapshot, TaskRequest request, int i) {
    List<FeasibilityChecker> pipeline = new ArrayList<>(List.of(AgentChecker.INSTANCE, ResourceChecker.CPU,
        ResourceChecker.MEMORY, PortChecker.INSTANCE, AttributeChecker.INSTANCE));
    pipeline.addAll(constraintCheckers(request));
    for (FeasibilityChecker checker : pipeline) {
      if (!checker.feasible(snapshot, request, i)) {
        return checker.rejection();
      }
    }
    return null;
  }

  /** An instance that may take tasks of the request at all: ACTIVE, and of its capacity provider. */
  static boolean candidate(InstanceInfo instance, TaskRequest request) {
    return instance.active() && (request.capacityProvider() == null
        || request.capacityProvider().equals(instance.capacityProviderName()));
  }

  /** One checker per constraint, in the request's order. */
  private static List<FeasibilityChecker> constraintCheckers(TaskRequest request) {
    List<FeasibilityChecker> out = new ArrayList<>();
    for (PlacementConstraint constraint : request.constraints()) {
      switch (constraint) {
        case PlacementConstraint.DistinctInstance d -> out.add(DistinctInstanceChecker.INSTANCE);
        case PlacementConstraint.MemberOf m -> out.add(new MemberOfChecker(m.condition()));
      }
    }
    return out;
  }
}
