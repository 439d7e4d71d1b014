package io.ecsl.runtime.placement;

/** Cluster query language expressions as {@link InstanceCondition}s. */
public final class InstanceConditions {
  private InstanceConditions() {}

  /** Parses an expression; throws {@link IllegalArgumentException} saying where it is wrong. */
  public static InstanceCondition parse(String expression) {
    // PENDING(ecsl-facts): the one cluster query language parser lands with the facts module.
    throw new IllegalArgumentException("memberOf expressions are not evaluated yet: " + expression);
  }
}
