package io.ecsl.runtime.placement;

import java.util.random.RandomGenerator;

/**
 * {@code spread}: the instance whose value of the field (its Availability Zone, its own id, …)
 * holds the fewest tasks of the group, across the whole cluster.
 */
final class SpreadRanker implements Ranker {
  private final PlacementStrategy.Spread spread;

  SpreadRanker(PlacementStrategy.Spread spread) {
    this.spread = spread;
  }

  @Override
  public int keepBest(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count,
      RandomGenerator random) {
    int[] ids = snapshot.values(spread).ids;
    int[] counts = snapshot.groupValueCounts(request.group(), spread);
    int lowest = Integer.MAX_VALUE;
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int i = candidates[k];
      int score = counts[ids[i]];
      if (score < lowest) {
        lowest = score;
        kept = 0;
      }
      if (score == lowest) {
        candidates[kept++] = i;
      }
    }
    return kept;
  }
}
