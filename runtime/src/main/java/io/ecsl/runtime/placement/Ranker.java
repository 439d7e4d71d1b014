package io.ecsl.runtime.placement;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * One placement strategy as a ranking (Nomad's rank iterator): keeps the candidates it ranks
 * best and leaves their ties to the next strategy.
 */
interface Ranker {
  void keepBest(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates, RandomGenerator random);

  static Ranker of(PlacementStrategy strategy) {
    return switch (strategy) {
      case PlacementStrategy.Binpack binpack -> new BinpackRanker(binpack.resource());
      case PlacementStrategy.Spread spread -> new SpreadRanker(spread);
      case PlacementStrategy.Random random -> RandomRanker.INSTANCE;
    };
  }

  /** Keeps the candidates whose score equals the smallest. */
  static void keepLowest(BitSet candidates, int[] scores, int lowest) {
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (scores[i] != lowest) {
        candidates.clear(i);
      }
    }
  }
}
