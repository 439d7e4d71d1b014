package io.ecsl.runtime.placement;

/** {@code distinctInstance}: no other task of the group on the instance. */
final class DistinctInstanceChecker implements FeasibilityChecker {
  static final DistinctInstanceChecker INSTANCE = new DistinctInstanceChecker();

  @Override
  public Rejection rejection() {
    return Rejection.DISTINCT_INSTANCE;
  }

  @Override
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    int[] group = snapshot.groupCounts(request.group());
    if (group == null) {
      return count;
    }
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int i = candidates[k];
      if (group[i] == 0) {
        candidates[kept++] = i;
      }
    }
    return kept;
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.groupCount(request.group(), instance) == 0;
  }
}
