package io.ecsl.runtime.placement;

import java.util.random.RandomGenerator;

/** {@code binpack}: the instance with the least of the resource left (every candidate fits). */
final class BinpackRanker implements Ranker {
  private final PlacementStrategy.Resource resource;

  BinpackRanker(PlacementStrategy.Resource resource) {
    this.resource = resource;
  }

  @Override
  public int keepBest(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count,
      RandomGenerator random) {
    int[] left = resource == PlacementStrategy.Resource.CPU ? snapshot.cpuLeft() : snapshot.memoryLeft();
    int lowest = Integer.MAX_VALUE;
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int i = candidates[k];
      int score = left[i];
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
