package io.ecsl.runtime.bench;

import io.ecsl.runtime.placement.ClusterSnapshot;
import io.ecsl.runtime.placement.InstanceConditions;
import io.ecsl.runtime.placement.InstanceInfo;
import io.ecsl.runtime.placement.Placement;
import io.ecsl.runtime.placement.PlacementConstraint;
import io.ecsl.runtime.placement.PlacementStrategy;
import io.ecsl.runtime.placement.Placer;
import io.ecsl.runtime.placement.Reservation;
import io.ecsl.runtime.placement.TaskRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The placement stage in memory (bench/placement/run.sh): N container instances in three zones
 * of three instance types, and T tasks of one service placed one after the other with spread by
 * Availability Zone, then binpack on memory, under a memberOf constraint in the cluster query
 * language. Prints placements per second, and the cost per placement as the instances grow.
 * Usage: PlacementBench [instances] [tasks] [rounds].
 */
public final class PlacementBench {
  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
  /** Type, CPU units, MiB: the memberOf below selects the first two. */
  private static final Object[][] TYPES = {{"m5.2xlarge", 8192, 32768}, {"c6i.4xlarge", 16384, 32768},
      {"r6g.2xlarge", 8192, 65536}};
  static final String MEMBER_OF = "attribute:ecs.instance-type =~ (m5|c6i)\\..* and attribute:stack != canary";

  private PlacementBench() {}

  static ClusterSnapshot cluster(int instances) {
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder();
    Instant registered = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < instances; i++) {
      Object[] type = TYPES[i % TYPES.length];
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("ecs.availability-zone", ZONES[(i / TYPES.length) % ZONES.length]);
      attributes.put("ecs.instance-type", (String) type[0]);
      attributes.put("ecs.os-type", "linux");
      attributes.put("stack", i % 50 == 0 ? "canary" : "prod");
      builder.instance(new InstanceInfo("arn:aws:ecs:us-east-1:000000000000:container-instance/bench/" + i,
          Integer.toString(i), "i-" + i, "ACTIVE", true, "1.89.1", registered.plusSeconds(i), null, attributes,
          (Integer) type[1], (Integer) type[2], Set.of(22, 2375, 2376, 51678, 51679), Set.of()));
    }
    return builder.build();
  }

  static TaskRequest request() {
    return new TaskRequest(Reservation.of(256, 512), "service:bench", null,
        List.of(new PlacementConstraint.MemberOf(InstanceConditions.parse(MEMBER_OF))),
        List.of(new PlacementStrategy.Spread("attribute:ecs.availability-zone"),
            new PlacementStrategy.Binpack(PlacementStrategy.Resource.MEMORY)));
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** The placing thread's CPU seconds in the last {@link #run}: on a shared machine wall time counts others' work. */
  private static double lastCpuSeconds;

  /** Seconds to place {@code tasks} tasks on a fresh cluster of {@code instances}. */
  static double run(int instances, int tasks, long seed) {
    ClusterSnapshot snapshot = cluster(instances);
    TaskRequest request = request();
    long cpuStarted = THREADS.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    List<Placement> placed = Placer.placeAll(snapshot, request, tasks, new SplittableRandom(seed));
    double seconds = (System.nanoTime() - started) / 1e9;
    lastCpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    if (placed.size() != tasks || !(placed.get(placed.size() - 1) instanceof Placement.Placed)) {
      throw new IllegalStateException("only " + placed.size() + " of " + tasks + " tasks placed");
    }
    return seconds;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  public static void main(String[] args) {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    System.out.printf("placement: %,d instances, %,d tasks of one service, spread by zone + binpack memory,"
        + " memberOf %s%n", instances, tasks, MEMBER_OF);
    for (int warm = 0; warm < 3; warm++) {
      run(instances, tasks, warm);
    }
    double[] seconds = new double[rounds];
    double[] cpu = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      seconds[r] = run(instances, tasks, 100 + r);
      cpu[r] = lastCpuSeconds;
    }
    double median = median(seconds);
    System.out.printf("  %d rounds: median %.3f s, %,.0f placements/s (best %.3f s, worst %.3f s)%n", rounds, median,
        tasks / median, Arrays.stream(seconds).min().orElseThrow(), Arrays.stream(seconds).max().orElseThrow());
    System.out.printf("  thread CPU time: median %.3f s, %,.0f placements per CPU second%n", median(cpu),
        tasks / median(cpu));

    System.out.println();
    System.out.println("cost per placement as the instances grow (2,000 tasks each, median of " + rounds + "):");
    System.out.println("| instances | µs per placement (wall) | µs per placement (thread CPU) |"
        + " CPU µs per placement per 1,000 instances |");
    System.out.println("|---|---|---|---|");
    List<Integer> sizes = new ArrayList<>(List.of(125, 250, 500, 1000, 2000, 4000, 8000));
    for (int size : sizes) {
      double[] perPlacement = new double[rounds];
      double[] cpuPerPlacement = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        perPlacement[r] = run(size, 2000, 200 + r) / 2000 * 1e6;
        cpuPerPlacement[r] = lastCpuSeconds / 2000 * 1e6;
      }
      double us = median(perPlacement);
      double cpuUs = median(cpuPerPlacement);
      System.out.printf("| %,d | %.2f | %.2f | %.2f |%n", size, us, cpuUs, cpuUs / size * 1000);
    }
  }
}
