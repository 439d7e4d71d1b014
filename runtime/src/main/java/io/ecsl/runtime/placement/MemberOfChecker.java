package io.ecsl.runtime.placement;

import java.util.BitSet;

/** {@code memberOf}: the instance must satisfy the constraint's cluster query expression. */
final class MemberOfChecker implements FeasibilityChecker {
  private final InstanceCondition condition;

  MemberOfChecker(InstanceCondition condition) {
    this.condition = condition;
  }

  InstanceCondition condition() {
    return condition;
  }

  @Override
  public Rejection rejection() {
    return Rejection.MEMBER_OF;
  }

  @Override
  public void filter(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates) {
    QueryView view = new QueryView(snapshot, 0);
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (!condition.matches(view.at(i))) {
        candidates.clear(i);
      }
    }
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return condition.matches(new QueryView(snapshot, instance));
  }
}
