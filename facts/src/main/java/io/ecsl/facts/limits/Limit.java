package io.ecsl.facts.limits;

/**
 * A named numeric limit of an AWS API: a quota (the default, where AWS raises it on request), a
 * count or size, or a value range the API states. {@link EcsLimit} and
 * {@link io.ecsl.facts.elb.ElbLimit} list them; what a limit allows and how it reads is here once.
 */
public interface Limit {
  /** The bounds and wording of one limit. */
  record Range(long min, long max, String counts, boolean adjustable) {
    public Range {
      if (min > max) {
        throw new IllegalArgumentException(counts + ": min " + min + " is above max " + max);
      }
    }
  }

  Range range();

  /** The smallest value the API accepts. */
  default long min() {
    return range().min();
  }

  /** The largest value the API accepts (the default quota where the quota can be raised). */
  default long max() {
    return range().max();
  }

  /** The largest value as an int, for list sizes and lengths. */
  default int maxInt() {
    return Math.toIntExact(max());
  }

  /** What the limit counts, e.g. "containers per task definition". */
  default String counts() {
    return range().counts();
  }

  /** True when AWS raises the quota on request (Service Quotas); the max is then the default. */
  default boolean adjustable() {
    return range().adjustable();
  }

  default boolean allows(long value) {
    return value >= min() && value <= max();
  }

  /** True when the value is above the maximum. */
  default boolean exceededBy(long value) {
    return value > max();
  }

  /** {@code containers per task definition: 1 to 10}; an adjustable quota says so. */
  default String describe() {
    return counts() + ": " + (min() == 0 ? "at most " + max() : min() + " to " + max())
        + (adjustable() ? " (the default quota; AWS raises it on request)" : "");
  }
}
