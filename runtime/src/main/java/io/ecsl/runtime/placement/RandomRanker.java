package io.ecsl.runtime.placement;

import java.util.random.RandomGenerator;

/** {@code random}: one of the candidates, each as likely (from the pass's seeded generator). */
final class RandomRanker implements Ranker {
  static final RandomRanker INSTANCE = new RandomRanker();

  @Override
  public int keepBest(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count,
      RandomGenerator random) {
    candidates[0] = candidates[random.nextInt(count)];
    return 1;
  }
}
