package io.ecsl.runtime.placement;

import java.util.BitSet;

/** The instance must have the task's memory left. */
final class MemoryChecker implements FeasibilityChecker {
  static final MemoryChecker INSTANCE = new MemoryChecker();

  @Override
  public Rejection rejection() {
    return Rejection.MEMORY;
  }

  @Override
  public void filter(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates) {
    int need = request.reservation().memory();
    if (need <= 0) {
      return;
    }
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (snapshot.memoryLeft(i) < need) {
        candidates.clear(i);
      }
    }
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.memoryLeft(instance) >= request.reservation().memory();
  }
}
