package io.ecsl.runtime.placement;

import java.util.random.RandomGenerator;

/**
 * One placement strategy as a ranking (Nomad's rank iterator): keeps, at the front of the
 * candidates, those it ranks best, handing their ties to the next strategy.
 */
interface Ranker {
  /** Keeps the best of {@code candidates[0, count)} at its front; returns how many. */
  int keepBest(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count, RandomGenerator random);

  static Ranker of(PlacementStrategy strategy) {
    return switch (strategy) {
      case PlacementStrategy.Binpack binpack -> new BinpackRanker(binpack.resource());
      case PlacementStrategy.Spread spread -> new SpreadRanker(spread);
      case PlacementStrategy.Random random -> RandomRanker.INSTANCE;
    };
  }
}
