package io.ecsl.runtime.placement;

/**
 * One check an instance must pass to take a task (Nomad's feasibility checker). {@link #filter}
 * narrows the candidates in one tight loop over a dense array of instance indices; {@link
 * #feasible} answers for one instance, for explaining a failure.
 */
interface FeasibilityChecker {
  /** What an instance this check removes lacks. */
  Rejection rejection();

  /**
   * Keeps, at the front of {@code candidates[0, count)} and in order, the instances that pass;
   * returns how many.
   */
  int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count);

  boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance);

  /** {@link #filter} by {@link #feasible}, for checkers with no faster loop. */
  static int byFeasible(FeasibilityChecker checker, ClusterSnapshot snapshot, TaskRequest request, int[] candidates,
      int count) {
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int i = candidates[k];
      if (checker.feasible(snapshot, request, i)) {
        candidates[kept++] = i;
      }
    }
    return kept;
  }
}
