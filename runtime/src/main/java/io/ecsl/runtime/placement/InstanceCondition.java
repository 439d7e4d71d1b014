package io.ecsl.runtime.placement;

/**
 * A cluster query language expression ready to test instances: what a {@code memberOf}
 * constraint and ListContainerInstances' {@code filter} evaluate.
 */
public interface InstanceCondition {
  /** The expression as written. */
  String text();

  boolean matches(QueryView instance);

  /**
   * True when the answer can change as tasks are placed ({@code runningTasksCount},
   * {@code task:group}): such a condition is tested again for every task, others once per pass.
   */
  boolean dependsOnTasks();
}
