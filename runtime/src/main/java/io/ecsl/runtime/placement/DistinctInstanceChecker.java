package io.ecsl.runtime.placement;

import java.util.BitSet;

/** {@code distinctInstance}: no other task of the group on the instance. */
final class DistinctInstanceChecker implements FeasibilityChecker {
  static final DistinctInstanceChecker INSTANCE = new DistinctInstanceChecker();

  @Override
  public Rejection rejection() {
    return Rejection.DISTINCT_INSTANCE;
  }

  @Override
  public void filter(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates) {
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (snapshot.groupCount(request.group(), i) > 0) {
        candidates.clear(i);
      }
    }
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.groupCount(request.group(), instance) == 0;
  }
}
