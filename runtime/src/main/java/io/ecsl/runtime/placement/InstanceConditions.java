package io.ecsl.runtime.placement;

import io.ecsl.facts.query.ClusterQuery;
import io.ecsl.facts.query.ClusterQuerySyntaxError;

/**
 * Cluster query language expressions as {@link InstanceCondition}s: the one parser and evaluator
 * of {@code ecsl-facts} ({@link ClusterQuery}), which the compiler checks expressions with too.
 */
public final class InstanceConditions {
  private InstanceConditions() {}

  /** Parses an expression; throws {@link IllegalArgumentException} saying where it is wrong. */
  public static InstanceCondition parse(String expression) {
    ClusterQuery query;
    try {
      query = ClusterQuery.parse(expression);
    } catch (ClusterQuerySyntaxError e) {
      throw new IllegalArgumentException("Invalid cluster query expression '" + expression + "': " + e.reason()
          + " at character " + (e.start() + 1) + ".");
    }
    return new Query(query);
  }

  /** A parsed expression. */
  private record Query(ClusterQuery query) implements InstanceCondition {
    @Override
    public String text() {
      return query.text();
    }

    @Override
    public boolean matches(QueryView instance) {
      return query.matches(instance);
    }

    @Override
    public boolean dependsOnTasks() {
      return query.readsTasks();
    }
  }
}
