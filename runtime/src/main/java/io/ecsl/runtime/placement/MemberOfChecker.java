package io.ecsl.runtime.placement;

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
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    QueryView view = new QueryView(snapshot, 0);
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int i = candidates[k];
      if (condition.matches(view.at(i))) {
        candidates[kept++] = i;
      }
    }
    return kept;
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return condition.matches(new QueryView(snapshot, instance));
  }
}
