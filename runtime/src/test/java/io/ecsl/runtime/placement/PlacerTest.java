package io.ecsl.runtime.placement;

import static io.ecsl.runtime.placement.Instances.condition;
import static io.ecsl.runtime.placement.Instances.of;
import static io.ecsl.runtime.placement.Instances.request;
import static io.ecsl.runtime.placement.Instances.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlacerTest {
  private static final List<PlacementStrategy> SPREAD_AZ = List.of(new PlacementStrategy.Spread(
      "attribute:ecs.availability-zone"));
  private static final List<PlacementStrategy> BINPACK_MEMORY = List.of(new PlacementStrategy.Binpack(
      PlacementStrategy.Resource.MEMORY));

  /** Instance id → tasks placed, for {@code count} tasks of one request. */
  private static Map<String, Integer> placeAll(ClusterSnapshot snapshot, TaskRequest request, int count, long seed) {
    Map<String, Integer> out = new TreeMap<>();
    for (Placement placement : Placer.placeAll(snapshot, request, count, new SplittableRandom(seed))) {
      Placement.Placed placed = assertInstanceOf(Placement.Placed.class, placement);
      out.merge(snapshot.instance(placed.instance()).id(), 1, Integer::sum);
    }
    return out;
  }

  @Test
  void spreadByZonePutsSixTasksTwoInEachOfThreeZones() {
    for (long seed = 0; seed < 20; seed++) {
      ClusterSnapshot cluster = snapshot(of("a", "us-east-1a", 4096, 8192), of("b", "us-east-1b", 4096, 8192),
          of("c", "us-east-1c", 4096, 8192));
      assertEquals(Map.of("a", 2, "b", 2, "c", 2), placeAll(cluster, request(256, 512, List.of(), SPREAD_AZ), 6, seed));
    }
  }

  @Test
  void spreadCountsTheGroupsTasksAlreadyRunning() {
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder().instance(of("a", "us-east-1a", 4096, 8192))
        .instance(of("b", "us-east-1b", 4096, 8192));
    String a = "arn:aws:ecs:us-east-1:000000000000:container-instance/c/a";
    builder.task(a, "service:web", Reservation.of(256, 512), false);
    builder.task(a, "service:web", Reservation.of(256, 512), false);
    builder.task(a, "service:other", Reservation.of(256, 512), false);
    ClusterSnapshot cluster = builder.build();
    assertEquals(Map.of("b", 2), placeAll(cluster, request(256, 512, List.of(), SPREAD_AZ), 2, 1));
    assertEquals(3, cluster.tasksOn(0));
  }

  @Test
  void binpackOnMemoryFillsOneInstanceBeforeTheNext() {
    ClusterSnapshot cluster = snapshot(of("a", "us-east-1a", 4096, 2048), of("b", "us-east-1b", 4096, 2048),
        of("c", "us-east-1c", 4096, 2048));
    TaskRequest task = request(128, 512, List.of(), BINPACK_MEMORY);
    List<String> order = new ArrayList<>();
    for (Placement p : Placer.placeAll(cluster, task, 12, new SplittableRandom(7))) {
      order.add(cluster.instance(((Placement.Placed) p).instance()).id());
    }
    // four tasks fill an instance; the next instance is only started once one is full
    for (int n = 0; n < 12; n += 4) {
      assertEquals(1, order.subList(n, n + 4).stream().distinct().count(), order.toString());
    }
    assertEquals(3, order.stream().distinct().count(), order.toString());
  }

  @Test
  void binpackPrefersTheInstanceWithTheLeastLeftThatStillFits() {
    ClusterSnapshot cluster = snapshot(of("big", "us-east-1a", 4096, 8192), of("small", "us-east-1a", 4096, 1024),
        of("tiny", "us-east-1a", 4096, 256));
    assertEquals(Map.of("small", 1), placeAll(cluster, request(0, 512, List.of(), BINPACK_MEMORY), 1, 3));
  }

  @Test
  void theDefaultSpreadsAcrossZonesThenAcrossInstances() {
    ClusterSnapshot cluster = snapshot(of("a1", "us-east-1a", 4096, 8192), of("a2", "us-east-1a", 4096, 8192),
        of("b1", "us-east-1b", 4096, 8192));
    assertEquals(Map.of("a1", 1, "a2", 1, "b1", 2), placeAll(cluster, request(0, 128, List.of(), List.of()), 4, 11));
  }

  @Test
  void distinctInstanceNeverPutsTwoTasksOfTheGroupOnOneInstance() {
    ClusterSnapshot cluster = snapshot(of("a", "us-east-1a", 4096, 8192), of("b", "us-east-1b", 4096, 8192),
        of("c", "us-east-1b", 4096, 8192));
    TaskRequest task = request(0, 128, List.of(new PlacementConstraint.DistinctInstance()), BINPACK_MEMORY);
    List<Placement> placements = Placer.placeAll(cluster, task, 4, new SplittableRandom(5));
    assertEquals(4, placements.size());
    assertEquals(3, placements.stream().filter(p -> p instanceof Placement.Placed).map(p ->
        ((Placement.Placed) p).instance()).distinct().count());
    Placement.Unplaceable fourth = assertInstanceOf(Placement.Unplaceable.class, placements.get(3));
    assertEquals(Rejection.DISTINCT_INSTANCE, fourth.closestReason());
    assertEquals(3, fourth.rejections().size());
  }

  @Test
  void anUnplaceableTaskNamesTheClosestInstanceAndWhatItLacked() {
    ClusterSnapshot cluster = snapshot(of("cpu-short", "us-east-1a", 256, 8192),
        of("memory-short", "us-east-1b", 4096, 256), of("draining", "us-east-1c", 4096, 8192));
    ClusterSnapshot withDraining = snapshot(cluster.instance(0), cluster.instance(1),
        Instances.with("draining", "us-east-1c", 4096, 8192, "DRAINING", true, null, Map.of()));
    Placement.Unplaceable result = assertInstanceOf(Placement.Unplaceable.class,
        Placer.place(withDraining, request(512, 512, List.of(), List.of()), new SplittableRandom(1)));
    // memory is checked after CPU: the instance short of memory came closer
    assertEquals(1, result.closest());
    assertEquals(Rejection.MEMORY, result.closestReason());
    assertEquals(List.of(new Placement.InstanceRejection(0, Rejection.CPU),
        new Placement.InstanceRejection(1, Rejection.MEMORY)), result.rejections());
  }

  @Test
  void staticHostPortsAreTakenUntilTheTaskLeaves() {
    ClusterSnapshot cluster = snapshot(of("a", "us-east-1a", 4096, 8192), of("b", "us-east-1b", 4096, 8192));
    TaskRequest web = new TaskRequest(new Reservation(0, 64, new int[] {80}, new int[0]), "service:web", null,
        List.of(), BINPACK_MEMORY);
    List<Placement> placements = Placer.placeAll(cluster, web, 3, new SplittableRandom(2));
    assertEquals(2, placements.stream().filter(p -> p instanceof Placement.Placed).count());
    Placement.Unplaceable third = assertInstanceOf(Placement.Unplaceable.class, placements.get(2));
    assertEquals(Rejection.PORTS, third.closestReason());
    // a port the agent reserved at registration is never free
    TaskRequest ssh = new TaskRequest(new Reservation(0, 64, new int[] {22}, new int[0]), "service:ssh", null,
        List.of(), List.of());
    assertEquals(Rejection.PORTS, ((Placement.Unplaceable) Placer.place(cluster, ssh, new SplittableRandom(1)))
        .closestReason());
    cluster.remove(((Placement.Placed) placements.get(0)).instance(), "service:web", web.reservation());
    assertInstanceOf(Placement.Placed.class, Placer.place(cluster, web, new SplittableRandom(3)));
  }

  @Test
  void onlyActiveInstancesOfTheCapacityProviderWithAConnectedAgentTakeTasks() {
    ClusterSnapshot cluster = snapshot(
        Instances.with("other", "us-east-1a", 4096, 8192, "ACTIVE", true, "other-fleet", Map.of()),
        Instances.with("draining", "us-east-1a", 4096, 8192, "DRAINING", true, "fleet", Map.of()),
        Instances.with("lost", "us-east-1a", 4096, 8192, "ACTIVE", false, "fleet", Map.of()),
        Instances.with("good", "us-east-1a", 4096, 8192, "ACTIVE", true, "fleet", Map.of()));
    TaskRequest fleet = new TaskRequest(Reservation.of(0, 128), "g", "fleet", List.of(), PlacementStrategy.DEFAULT);
    assertEquals(Map.of("good", 3), placeAll(cluster, fleet, 3, 9));
    ClusterSnapshot withoutGood = snapshot(cluster.instance(0), cluster.instance(1), cluster.instance(2));
    Placement.Unplaceable none = assertInstanceOf(Placement.Unplaceable.class,
        Placer.place(withoutGood, fleet, new SplittableRandom(1)));
    assertEquals(List.of(new Placement.InstanceRejection(2, Rejection.AGENT)), none.rejections());
    // the EC2 launch type (no capacity provider) may use any instance
    TaskRequest ec2 = new TaskRequest(Reservation.of(0, 128), "g", null, List.of(), PlacementStrategy.DEFAULT);
    assertEquals(Map.of("other", 1), placeAll(snapshot(cluster.instance(0), cluster.instance(1)), ec2, 1, 2));
  }

  @Test
  void noCandidateAtAllIsSaidAsSuch() {
    Placement.Unplaceable none = assertInstanceOf(Placement.Unplaceable.class,
        Placer.place(snapshot(), request(1, 1, List.of(), List.of()), new SplittableRandom(1)));
    assertTrue(none.noCandidates());
    assertEquals(-1, none.closest());
  }

  @Test
  void memberOfKeepsTasksOnTheInstancesItSelects() {
    ClusterSnapshot cluster = snapshot(of("a", "us-east-1a", 4096, 8192), of("b", "us-east-1b", 4096, 8192),
        of("c", "us-east-1c", 4096, 8192));
    InstanceCondition inB = condition("attribute:ecs.availability-zone == us-east-1b", false,
        v -> v.attribute("ecs.availability-zone").orElse("").equals("us-east-1b"));
    assertEquals(Map.of("b", 5), placeAll(cluster,
        request(0, 128, List.of(new PlacementConstraint.MemberOf(inB)), List.of()), 5, 4));
  }

  @Test
  void aMemberOfOnTheTasksOfAnInstanceIsEvaluatedForEveryTask() {
    ClusterSnapshot cluster = snapshot(of("a", "us-east-1a", 4096, 8192), of("b", "us-east-1b", 4096, 8192));
    InstanceCondition fewer = condition("runningTasksCount < 2", true, v -> v.runningTasksCount() < 2);
    TaskRequest task = request(0, 128, List.of(new PlacementConstraint.MemberOf(fewer)), BINPACK_MEMORY);
    List<Placement> placements = Placer.placeAll(cluster, task, 5, new SplittableRandom(6));
    assertEquals(4, placements.stream().filter(p -> p instanceof Placement.Placed).count());
    assertEquals(Rejection.MEMBER_OF, ((Placement.Unplaceable) placements.get(4)).closestReason());
  }

  @Test
  void theSameSeedPlacesTheSameWay() {
    TaskRequest random = request(0, 128, List.of(), List.of(new PlacementStrategy.Random()));
    Map<String, Integer> first = placeAll(snapshot(of("a", "z", 4096, 8192), of("b", "z", 4096, 8192),
        of("c", "z", 4096, 8192)), random, 9, 42);
    Map<String, Integer> second = placeAll(snapshot(of("a", "z", 4096, 8192), of("b", "z", 4096, 8192),
        of("c", "z", 4096, 8192)), random, 9, 42);
    assertEquals(first, second);
    assertTrue(first.size() > 1, "random spreads over several instances: " + first);
  }
}
