package io.ecsl.runtime.placement;

import java.util.BitSet;

/** None of the task's static host ports may be taken on the instance (reserved or bound). */
final class PortChecker implements FeasibilityChecker {
  static final PortChecker INSTANCE = new PortChecker();

  @Override
  public Rejection rejection() {
    return Rejection.PORTS;
  }

  @Override
  public void filter(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates) {
    if (!request.reservation().hasPorts()) {
      return;
    }
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (snapshot.portConflict(i, request.reservation()) >= 0) {
        candidates.clear(i);
      }
    }
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.portConflict(instance, request.reservation()) < 0;
  }
}
