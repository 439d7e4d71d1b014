package io.ecsl.runtime.placement;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/** {@code binpack}: the instance with the least of the resource left (every candidate fits). */
final class BinpackRanker implements Ranker {
  private final PlacementStrategy.Resource resource;

  BinpackRanker(PlacementStrategy.Resource resource) {
    this.resource = resource;
  }

  @Override
  public void keepBest(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates, RandomGenerator random) {
    boolean cpu = resource == PlacementStrategy.Resource.CPU;
    int lowest = Integer.MAX_VALUE;
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      lowest = Math.min(lowest, cpu ? snapshot.cpuLeft(i) : snapshot.memoryLeft(i));
    }
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if ((cpu ? snapshot.cpuLeft(i) : snapshot.memoryLeft(i)) != lowest) {
        candidates.clear(i);
      }
    }
  }
}
