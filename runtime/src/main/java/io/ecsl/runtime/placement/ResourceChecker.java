package io.ecsl.runtime.placement;

/** The instance must have the task's CPU units ({@link #CPU}) or memory ({@link #MEMORY}) left. */
final class ResourceChecker implements FeasibilityChecker {
  static final ResourceChecker CPU = new ResourceChecker(Rejection.CPU);
  static final ResourceChecker MEMORY = new ResourceChecker(Rejection.MEMORY);

  private final Rejection rejection;

  private ResourceChecker(Rejection rejection) {
    this.rejection = rejection;
  }

  @Override
  public Rejection rejection() {
    return rejection;
  }

  private int need(TaskRequest request) {
    return rejection == Rejection.CPU ? request.reservation().cpu() : request.reservation().memory();
  }

  /** What each instance has left, indexed like the snapshot's instances. */
  private int[] left(ClusterSnapshot snapshot) {
    return rejection == Rejection.CPU ? snapshot.cpuLeft() : snapshot.memoryLeft();
  }

  @Override
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    int need = need(request);
    if (need <= 0) {
      return count;
    }
    int[] left = left(snapshot);
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
    return left(snapshot)[instance] >= need(request);
  }
}
