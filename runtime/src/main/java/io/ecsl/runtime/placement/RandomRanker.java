package io.ecsl.runtime.placement;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/** {@code random}: one of the candidates, each as likely (from the pass's seeded generator). */
final class RandomRanker implements Ranker {
  static final RandomRanker INSTANCE = new RandomRanker();

  @Override
  public void keepBest(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates, RandomGenerator random) {
    int chosen = Placer.pick(candidates, random);
    candidates.clear();
    candidates.set(chosen);
  }
}
