package io.ecsl.facts.query;

/**
 * A cluster query expression ECS cannot read: what is wrong, and where, as character offsets
 * [start, end) into the expression (start == end at its end), so a caller can point at the spot.
 */
public final class ClusterQuerySyntaxError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int start;
  private final int end;

  ClusterQuerySyntaxError(String reason, int start, int end) {
    super(reason);
    this.reason = reason;
    this.start = start;
    this.end = Math.max(start, end);
  }

  /** What is wrong, in words: {@code unknown operator `=`}. */
  public String reason() {
    return reason;
  }

  /** The offset of the first character at fault (0-based). */
  public int start() {
    return start;
  }

  /** The offset after the last character at fault. */
  public int end() {
    return end;
  }
}
