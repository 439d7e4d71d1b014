package io.ecsl.runtime.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which tasks a scale-in stops, by the placement strategies' own rules (ecs-semantics §3.5):
 * {@code binpack} stops the task on the instance that will have the most of the resource left
 * once it is gone; {@code spread} keeps the field's values balanced, stopping from the value with
 * the most of the group's tasks; {@code random} stops any. Strategies break each other's ties in
 * order; a last tie is broken at random. Each choice leaves the snapshot before the next, as each
 * placement enters it.
 */
public final class ScaleIn {
  private ScaleIn() {}

  /**
   * A task that may be stopped: where it runs ({@code instance} -1 when on no container instance,
   * as on Fargate) and what it takes there.
   */
  public record Candidate(String taskArn, int instance, String group, Reservation reservation) {}

  /** Up to {@code count} of the candidates, in the order they should stop. */
  public static List<Candidate> choose(ClusterSnapshot snapshot, List<Candidate> candidates,
      List<PlacementStrategy> strategies, int count, RandomGenerator random) {
    List<Candidate> left = new ArrayList<>(candidates);
    List<Candidate> out = new ArrayList<>();
    while (out.size() < count && !left.isEmpty()) {
      List<Candidate> best = left;
      for (PlacementStrategy strategy : strategies) {
        if (best.size() == 1) {
          break;
        }
        best = keepHighest(snapshot, best, strategy, random);
      }
      Candidate chosen = best.size() == 1 ? best.get(0) : best.get(random.nextInt(best.size()));
      out.add(chosen);
      left.remove(chosen);
      if (chosen.instance() >= 0) {
        snapshot.remove(chosen.instance(), chosen.group(), chosen.reservation());
      }
    }
    return out;
  }

  private static List<Candidate> keepHighest(ClusterSnapshot snapshot, List<Candidate> candidates,
      PlacementStrategy strategy, RandomGenerator random) {
    if (strategy instanceof PlacementStrategy.Random) {
      return List.of(candidates.get(random.nextInt(candidates.size())));
    }
    long highest = Long.MIN_VALUE;
    long[] scores = new long[candidates.size()];
    for (int k = 0; k < scores.length; k++) {
      scores[k] = score(snapshot, candidates.get(k), strategy);
      highest = Math.max(highest, scores[k]);
    }
    List<Candidate> out = new ArrayList<>();
    for (int k = 0; k < scores.length; k++) {
      if (scores[k] == highest) {
        out.add(candidates.get(k));
      }
    }
    return out;
  }

  /** Higher stops first. */
  private static long score(ClusterSnapshot snapshot, Candidate candidate, PlacementStrategy strategy) {
    int i = candidate.instance();
    if (i < 0) {
      return 0;
    }
    return switch (strategy) {
      case PlacementStrategy.Binpack binpack -> binpack.resource() == PlacementStrategy.Resource.CPU
          ? snapshot.cpuLeft(i) + candidate.reservation().cpu()
          : snapshot.memoryLeft(i) + candidate.reservation().memory();
      case PlacementStrategy.Spread spread -> snapshot.groupValueCounts(candidate.group(), spread)[
          snapshot.values(spread).ids[i]];
      case PlacementStrategy.Random r -> 0;
    };
  }
}
