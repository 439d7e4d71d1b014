package io.ecsl.runtime.placement;

import java.util.BitSet;

/** The instance must have the task's CPU units left. */
final class CpuChecker implements FeasibilityChecker {
  static final CpuChecker INSTANCE = new CpuChecker();

  @Override
  public Rejection rejection() {
    return Rejection.CPU;
  }

  @Override
  public void filter(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates) {
    int need = request.reservation().cpu();
    if (need <= 0) {
      return;
    }
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (snapshot.cpuLeft(i) < need) {
        candidates.clear(i);
      }
    }
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.cpuLeft(instance) >= request.reservation().cpu();
  }
}
