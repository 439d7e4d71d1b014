package io.ecsl.runtime.placement;

/**
 * A task placement constraint (ecs-semantics §3.5). Constraints bind: an instance that does not
 * satisfy one never gets the task.
 */
public sealed interface PlacementConstraint {
  /** ECS takes at most ten constraints per service or RunTask (the API model's limit). */
  int MAX = 10;

  /** Each task of the group on a different container instance. */
  record DistinctInstance() implements PlacementConstraint {}

  /** Only instances the expression selects. */
  record MemberOf(InstanceCondition condition) implements PlacementConstraint {}
}
