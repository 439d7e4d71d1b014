package io.ecsl.runtime.placement;

import java.util.Map;

/**
 * The instance must have every attribute the task definition requires ({@code requiresAttributes},
 * e.g. {@code ecs.capability.task-eni} for awsvpc): "ATTRIBUTE" otherwise.
 */
final class AttributeChecker implements FeasibilityChecker {
  static final AttributeChecker INSTANCE = new AttributeChecker();

  @Override
  public Rejection rejection() {
    return Rejection.ATTRIBUTE;
  }

  @Override
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    if (request.requiredAttributes().isEmpty()) {
      return count;
    }
    return FeasibilityChecker.byFeasible(this, snapshot, request, candidates, count);
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    Map<String, String> attributes = snapshot.instance(instance).attributes();
    for (String name : request.requiredAttributes()) {
      if (!attributes.containsKey(name)) {
        return false;
      }
    }
    return true;
  }
}
