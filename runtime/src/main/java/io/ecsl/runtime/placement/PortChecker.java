package io.ecsl.runtime.placement;

/** None of the task's static host ports may be taken on the instance (reserved or bound). */
final class PortChecker implements FeasibilityChecker {
  static final PortChecker INSTANCE = new PortChecker();

  @Override
  public Rejection rejection() {
    return Rejection.PORTS;
  }

  @Override
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    if (!request.reservation().hasPorts()) {
      return count;
    }
    return FeasibilityChecker.byFeasible(this, snapshot, request, candidates, count);
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.portConflict(instance, request.reservation()) < 0;
  }
}
