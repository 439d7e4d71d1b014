package io.ecsl.runtime.placement;

import java.util.BitSet;

/**
 * One check an instance must pass to take a task (Nomad's feasibility checker). {@link #filter}
 * narrows a set of candidates in one tight loop; {@link #feasible} answers for one instance, for
 * explaining a failure.
 */
interface FeasibilityChecker {
  /** What an instance this check removes lacks. */
  Rejection rejection();

  /** Removes from {@code candidates} the instances that fail the check. */
  void filter(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates);

  boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance);
}
