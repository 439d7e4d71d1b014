package io.ecsl.runtime.placement;

import java.util.BitSet;
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
  public void keepBest(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates, RandomGenerator random) {
    int[] ids = snapshot.values(spread).ids;
    int[] counts = snapshot.groupValueCounts(request.group(), spread);
    int lowest = Integer.MAX_VALUE;
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      lowest = Math.min(lowest, counts[ids[i]]);
    }
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (counts[ids[i]] != lowest) {
        candidates.clear(i);
      }
    }
  }
}
