package io.ecsl.runtime.placement;

/** The instance must have the task's CPU units left. */
final class CpuChecker implements FeasibilityChecker {
  static final CpuChecker INSTANCE = new CpuChecker();

  @Override
  public Rejection rejection() {
    return Rejection.CPU;
  }

  @Override
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    int need = request.reservation().cpu();
    if (need <= 0) {
      return count;
    }
    int[] left = snapshot.cpuLeft();
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int i = candidates[k];
      if (left[i] >= need) {
        candidates[kept++] = i;
      }
    }
    return kept;
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.cpuLeft(instance) >= request.reservation().cpu();
  }
}
