package io.ecsl.runtime.placement;

import static io.ecsl.runtime.placement.Instances.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScaleInTest {
  private static final String PREFIX = "arn:aws:ecs:us-east-1:000000000000:container-instance/c/";

  /** A snapshot with {@code tasks[i]} tasks of 512 MiB of service:web on instance i. */
  private static List<ScaleIn.Candidate> load(ClusterSnapshot.Builder builder, List<InstanceInfo> instances,
      int... tasks) {
    List<ScaleIn.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      builder.instance(instances.get(i));
    }
    for (int i = 0; i < tasks.length; i++) {
      for (int n = 0; n < tasks[i]; n++) {
        builder.task(PREFIX + instances.get(i).id(), "service:web", Reservation.of(0, 512), false);
        candidates.add(new ScaleIn.Candidate("task-" + i + "-" + n, i, "service:web", Reservation.of(0, 512)));
      }
    }
    return candidates;
  }

  private static Map<Integer, Integer> stoppedPerInstance(List<ScaleIn.Candidate> stops) {
    Map<Integer, Integer> out = new TreeMap<>();
    stops.forEach(c -> out.merge(c.instance(), 1, Integer::sum));
    return out;
  }

  @Test
  void spreadScaleInKeepsTheZonesBalanced() {
    List<InstanceInfo> instances = List.of(of("a", "us-east-1a", 4096, 8192), of("b", "us-east-1b", 4096, 8192),
        of("c", "us-east-1c", 4096, 8192));
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder();
    List<ScaleIn.Candidate> candidates = load(builder, instances, 4, 2, 1);
    ClusterSnapshot snapshot = builder.build();
    List<ScaleIn.Candidate> stops = ScaleIn.choose(snapshot, candidates, PlacementStrategy.DEFAULT, 3,
        new SplittableRandom(1));
    // 4/2/1 → 2/2/1 → 1 more from the zones with two: 1/2/1 or 2/1/1
    assertEquals(2, stoppedPerInstance(stops.subList(0, 2)).get(0));
    assertEquals(3, snapshot.tasksOn(0) + snapshot.tasksOn(1));
  }

  @Test
  void binpackScaleInEmptiesTheInstanceThatWillHaveTheMostLeft() {
    List<InstanceInfo> instances = List.of(of("a", "us-east-1a", 4096, 4096), of("b", "us-east-1a", 4096, 4096));
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder();
    List<ScaleIn.Candidate> candidates = load(builder, instances, 6, 2);
    List<ScaleIn.Candidate> stops = ScaleIn.choose(builder.build(), candidates,
        List.of(new PlacementStrategy.Binpack(PlacementStrategy.Resource.MEMORY)), 2, new SplittableRandom(1));
    assertEquals(Map.of(1, 2), stoppedPerInstance(stops));
  }

  @Test
  void tasksOnNoInstanceCanBeChosenToo() {
    List<ScaleIn.Candidate> fargate = List.of(new ScaleIn.Candidate("t1", -1, "g", Reservation.NONE),
        new ScaleIn.Candidate("t2", -1, "g", Reservation.NONE));
    assertEquals(2, ScaleIn.choose(ClusterSnapshot.builder().build(), fargate, PlacementStrategy.DEFAULT, 5,
        new SplittableRandom(3)).size());
  }
}
