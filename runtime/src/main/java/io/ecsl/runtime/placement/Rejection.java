package io.ecsl.runtime.placement;

/**
 * Why an instance cannot take a task, in the order placement checks (ecs-semantics §3.5: CPU,
 * memory and ports first, then constraints): an instance rejected by a later check came closer.
 *
 * @param failureReason what RunTask's {@code failures} say for it (the API's own reasons)
 * @param eventPhrase how a service event describes the closest instance ("has insufficient
 *     memory available")
 */
public enum Rejection {
  AGENT("AGENT", "encountered error \"AGENT\""),
  CPU("RESOURCE:CPU", "has insufficient CPU units available"),
  MEMORY("RESOURCE:MEMORY", "has insufficient memory available"),
  PORTS("RESOURCE:PORTS", "is already using a port required by your task"),
  ATTRIBUTE("ATTRIBUTE", "is missing an attribute required by your task"),
  DISTINCT_INSTANCE("DistinctInstance placement constraint unsatisfied.",
      "already runs a task of this group, and the distinctInstance placement constraint allows one"),
  MEMBER_OF("MemberOf placement constraint unsatisfied.",
      "does not satisfy the memberOf placement constraint");

  private final String failureReason;
  private final String eventPhrase;

  Rejection(String failureReason, String eventPhrase) {
    this.failureReason = failureReason;
    this.eventPhrase = eventPhrase;
  }

  public String failureReason() {
    return failureReason;
  }

  public String eventPhrase() {
    return eventPhrase;
  }
}
