package io.ecsl.runtime.scheduler;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a service's tasks a scale-in stops first. Tasks not running yet go first, then tasks
 * not (yet) counted healthy; among the rest the engine's order applies (the capacity providers'
 * split, keeping the base, then the placement strategies' scale-in rules).
 */
@FunctionalInterface
public interface ScaleInOrder {
  /** Up to {@code count} of the candidates, in the order they stop. */
  List<TaskView> choose(List<TaskView> candidates, int count, Instant now);

  /** Without capacity providers or instances: the newest task goes first. */
  ScaleInOrder NEWEST_FIRST = (candidates, count, now) -> candidates.stream()
      .sorted(readiness(now).thenComparing(TaskView::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
      .limit(count).toList();

  /** Tasks that are not running, then tasks not counted healthy, before the others. */
  static Comparator<TaskView> readiness(Instant now) {
    return Comparator.comparing((TaskView t) -> t.isRunning()).thenComparing(t -> t.countsHealthy(now));
  }
}
