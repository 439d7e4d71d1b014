package io.ecsl.runtime.placement;

import java.util.List;

/** Where a task goes: an instance, or why none can take it. */
public sealed interface Placement {
  /** The task goes to the snapshot's instance {@code instance}. */
  record Placed(int instance) implements Placement {}

  /**
   * No instance can take the task. {@code rejections} says why for every candidate instance (of
   * the right capacity provider and ACTIVE), in snapshot order; {@code closest} is the one that
   * passed the most checks (-1 when there was no candidate at all).
   */
  record Unplaceable(List<InstanceRejection> rejections, int closest) implements Placement {
    public Unplaceable {
      rejections = List.copyOf(rejections);
    }

    public boolean noCandidates() {
      return rejections.isEmpty();
    }

    public Rejection closestReason() {
      for (InstanceRejection r : rejections) {
        if (r.instance() == closest) {
          return r.reason();
        }
      }
      return null;
    }
  }

  /** Instance {@code instance} failed the check {@code reason}. */
  record InstanceRejection(int instance, Rejection reason) {}
}
