package io.ecsl.runtime.model;

import io.ecsl.runtime.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's bookkeeping for one scheduled EventBridge rule: when it fires next, what its last
 * invocations did, and which failed invocations wait for a retry. EventBridge keeps this to itself
 * (DescribeRule shows none of it); the runtime shows it through {@code ecsl schedules}.
 */
public final class RuleScheduleEntity {
  public String ruleArn;
  public String ruleName;
  public String region;
  /** The expression {@link #nextFireAt} was computed from (a PutRule that changes it restarts the count). */
  public String expression;
  /** When rate counting started: the rule's creation, or the last change of its expression. */
  public Instant anchor;
  public Instant nextFireAt;
  public Instant lastFiredAt;
  public int invocations;
  public int failedInvocations;
  /** Fire times that passed while the runtime was not running; EventBridge does not back-fill them. */
  public int missedFires;
  /** The newest result per target, in target order. */
  public List<TargetResult> lastResults = new ArrayList<>();
  public List<PendingRetry> retries = new ArrayList<>();

  public RuleScheduleEntity copy() {
    return Json.copy(this, RuleScheduleEntity.class);
  }

  /**
   * What one invocation of a target did: the tasks RunTask started, the {@code failures} it
   * returned (placement, capacity), or the error that failed the invocation.
   */
  public static final class TargetResult {
    public String targetId;
    public Instant eventTime;
    public Instant invokedAt;
    public int attempt;
    public String outcome;
    public List<String> taskArns = new ArrayList<>();
    public List<String> failures = new ArrayList<>();
    public String error;

    public static final String STARTED = "STARTED";
    /** RunTask answered, with failures (and perhaps no task): a successful invocation for EventBridge. */
    public static final String PARTIAL = "FAILURES";
    public static final String RETRYING = "RETRYING";
    public static final String FAILED = "FAILED";
    public static final String NOT_INVOKED = "NOT_INVOKED";
  }

  /** A failed invocation EventBridge tries again, per the target's retry policy. */
  public static final class PendingRetry {
    public String targetId;
    public Instant eventTime;
    /** Attempts made so far (the first invocation is attempt 1). */
    public int attempts;
    public Instant notBefore;
  }
}
