package io.ecsl.runtime.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * Property test of the placement stage over many random clusters and task streams: a placement
 * never takes an instance past its registered CPU or memory, never binds a port twice (or one the
 * agent reserved), never breaks distinctInstance nor a memberOf in the cluster query language, only uses ACTIVE instances of the right
 * capacity provider with a connected agent, and a task is refused only when no instance could
 * take it (checked by brute force, independently of the placer's bookkeeping).
 */
class PlacementPropertyTest {
  private static final int RUNS = 400;
  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

  private record Placed(int instance, String group, Reservation reservation) {}

  /**
   * A memberOf expression in the cluster query language, and the same rule written in Java over
   * the instance and the groups of the tasks placed on it (one entry per task), as the oracle.
   */
  private record MemberOf(String expression, BiPredicate<InstanceInfo, List<String>> holds) {}

  private static final List<MemberOf> MEMBER_OF = List.of(
      new MemberOf("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
          (instance, groups) -> !instance.attribute("ecs.availability-zone").equals("us-east-1c")),
      new MemberOf("not(task:group == service:s0)", (instance, groups) -> !groups.contains("service:s0")),
      new MemberOf("attribute:ecs.availability-zone != us-east-1a and runningTasksCount < 3",
          (instance, groups) -> !instance.attribute("ecs.availability-zone").equals("us-east-1a") && groups.size() < 3));

  @Test
  void placementsNeverExceedCapacityNorBreakDistinctInstanceOrMemberOf() {
    SplittableRandom random = new SplittableRandom(20261206);
    for (int run = 0; run < RUNS; run++) {
      check(random.split(), "run " + run);
    }
  }

  private static void check(SplittableRandom random, String run) {
    int size = 1 + random.nextInt(12);
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder();
    List<InstanceInfo> instances = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      InstanceInfo instance = Instances.with("i" + i, ZONES[random.nextInt(ZONES.length)],
          1024 * (1 + random.nextInt(4)), 512 * (1 + random.nextInt(8)),
          random.nextInt(6) == 0 ? "DRAINING" : "ACTIVE", random.nextInt(8) != 0,
          random.nextBoolean() ? "fleet" : null, Map.of());
      instances.add(instance);
      builder.instance(instance);
    }
    ClusterSnapshot snapshot = builder.build();
    List<Placed> placed = new ArrayList<>();
    for (int t = 0; t < 60; t++) {
      String group = "service:s" + random.nextInt(3);
      int[] ports = random.nextInt(4) == 0 ? new int[] {8000 + random.nextInt(3)} : new int[0];
      Reservation reservation = new Reservation(random.nextInt(600), 1 + random.nextInt(900), ports, new int[0]);
      List<PlacementConstraint> constraints = new ArrayList<>();
      if (random.nextInt(3) == 0) {
        constraints.add(new PlacementConstraint.DistinctInstance());
      }
      MemberOf memberOf = random.nextInt(3) == 0 ? MEMBER_OF.get(random.nextInt(MEMBER_OF.size())) : null;
      if (memberOf != null) {
        constraints.add(new PlacementConstraint.MemberOf(InstanceConditions.parse(memberOf.expression())));
      }
      List<PlacementStrategy> strategies = switch (random.nextInt(4)) {
        case 0 -> List.of(new PlacementStrategy.Binpack(PlacementStrategy.Resource.MEMORY));
        case 1 -> List.of(new PlacementStrategy.Spread("attribute:ecs.availability-zone"),
            new PlacementStrategy.Binpack(PlacementStrategy.Resource.CPU));
        case 2 -> List.of(new PlacementStrategy.Random());
        default -> PlacementStrategy.DEFAULT;
      };
      TaskRequest request = new TaskRequest(reservation, group, random.nextBoolean() ? "fleet" : null, constraints,
          strategies);
      Placement placement = Placer.place(snapshot, request, random);
      boolean anyFits = false;
      for (int i = 0; i < size; i++) {
        anyFits |= fits(instances.get(i), i, request, memberOf, placed);
      }
      if (placement instanceof Placement.Placed p) {
        assertTrue(fits(instances.get(p.instance()), p.instance(), request, memberOf, placed),
            run + ": task " + t + " placed on " + p.instance() + " where it does not fit");
        snapshot.add(p.instance(), group, reservation);
        placed.add(new Placed(p.instance(), group, reservation));
      } else {
        assertFalse(anyFits, run + ": task " + t + " refused although an instance could take it");
      }
      // the snapshot's own accounting agrees with an independent sum
      for (int i = 0; i < size; i++) {
        int cpu = 0;
        int memory = 0;
        for (Placed p : placed) {
          if (p.instance() == i) {
            cpu += p.reservation().cpu();
            memory += p.reservation().memory();
          }
        }
        assertTrue(cpu <= instances.get(i).cpu() && memory <= instances.get(i).memory(), run + ": over capacity");
        assertEquals(instances.get(i).cpu() - cpu, snapshot.cpuLeft(i), run);
        assertEquals(instances.get(i).memory() - memory, snapshot.memoryLeft(i), run);
      }
    }
  }

  /** Brute force: could instance {@code i} take the task, given everything placed so far? */
  private static boolean fits(InstanceInfo instance, int i, TaskRequest request, MemberOf memberOf,
      List<Placed> placed) {
    if (!instance.active() || !instance.agentConnected()) {
      return false;
    }
    if (request.capacityProvider() != null && !request.capacityProvider().equals(instance.capacityProviderName())) {
      return false;
    }
    int cpu = 0;
    int memory = 0;
    Set<Integer> ports = new HashSet<>(instance.reservedTcpPorts());
    Map<String, Integer> groups = new HashMap<>();
    List<String> tasksGroups = new ArrayList<>();
    for (Placed p : placed) {
      if (p.instance() != i) {
        continue;
      }
      tasksGroups.add(p.group());
      cpu += p.reservation().cpu();
      memory += p.reservation().memory();
      for (int port : p.reservation().tcpPorts()) {
        ports.add(port);
      }
      groups.merge(p.group(), 1, Integer::sum);
    }
    if (cpu + request.reservation().cpu() > instance.cpu() || memory + request.reservation().memory() > instance.memory()) {
      return false;
    }
    for (int port : request.reservation().tcpPorts()) {
      if (ports.contains(port)) {
        return false;
      }
    }
    if (memberOf != null && !memberOf.holds().test(instance, tasksGroups)) {
      return false;
    }
    boolean distinct = request.constraints().stream().anyMatch(c -> c instanceof PlacementConstraint.DistinctInstance);
    return !distinct || groups.getOrDefault(request.group(), 0) == 0;
  }
}
