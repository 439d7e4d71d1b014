package io.ecsl.runtime.placement;

/** The instance must have the task's memory left. */
final class MemoryChecker implements FeasibilityChecker {
  static final MemoryChecker INSTANCE = new MemoryChecker();

  @Override
  public Rejection rejection() {
    return Rejection.MEMORY;
  }

  @Override
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    int need = request.reservation().memory();
    if (need <= 0) {
      return count;
    }
    int[] left = snapshot.memoryLeft();
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
    return snapshot.memoryLeft(instance) >= request.reservation().memory();
  }
}
