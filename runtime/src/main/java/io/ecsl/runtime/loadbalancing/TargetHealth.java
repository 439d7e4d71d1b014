package io.ecsl.runtime.loadbalancing;

/**
 * A target's health as ELB reports it, and the pure transition a health check result makes
 * (ecs-runtime-integrations §2.1, §2.2): a newly registered target needs one passing check to be
 * healthy; {@code unhealthyThreshold} consecutive failures make any target unhealthy;
 * {@code healthyThreshold} consecutive passes bring an unhealthy one back. Draining targets are
 * no longer checked.
 *
 * @param passes consecutive passing checks
 * @param failures consecutive failing checks
 */
public record TargetHealth(String state, String reason, String description, int passes, int failures) {
  public static final String INITIAL = "initial";
  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";
  public static final String DRAINING = "draining";
  public static final String UNUSED = "unused";

  /** A target just registered. */
  public static TargetHealth registered() {
    return new TargetHealth(INITIAL, "Elb.RegistrationInProgress", "Target registration is in progress", 0, 0);
  }

  public static TargetHealth draining() {
    return new TargetHealth(DRAINING, "Target.DeregistrationInProgress", "Target deregistration is in progress", 0, 0);
  }

  /** The outcome of one check: passed, or failed with ELB's reason code and description. */
  public record Check(boolean passed, String reason, String description) {
    public static final Check PASSED = new Check(true, null, null);

    public static Check timedOut() {
      return new Check(false, "Target.Timeout", "Request timed out");
    }

    public static Check codeMismatch(int status) {
      return new Check(false, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [" + status + "]");
    }

    public static Check failed(String why) {
      return new Check(false, "Target.FailedHealthChecks", "Health checks failed" + (why == null ? "" : ": " + why));
    }
  }

  /** The health after {@code check}, with the target group's thresholds. */
  public TargetHealth after(Check check, int healthyThreshold, int unhealthyThreshold) {
    if (DRAINING.equals(state)) {
      return this;
    }
    if (check.passed()) {
      int nextPasses = passes + 1;
      boolean healthy = HEALTHY.equals(state) || !UNHEALTHY.equals(state) || nextPasses >= healthyThreshold;
      return healthy ? new TargetHealth(HEALTHY, null, null, nextPasses, 0)
          : new TargetHealth(UNHEALTHY, reason, description, nextPasses, 0);
    }
    int nextFailures = failures + 1;
    if (nextFailures >= unhealthyThreshold || UNHEALTHY.equals(state)) {
      return new TargetHealth(UNHEALTHY, check.reason(), check.description(), 0, nextFailures);
    }
    if (INITIAL.equals(state)) {
      return new TargetHealth(INITIAL, "Elb.InitialHealthChecking", "Initial health checks in progress", 0,
          nextFailures);
    }
    return new TargetHealth(state, reason, description, 0, nextFailures);
  }

  /** Receives new requests: healthy (or, when no target is, unhealthy ones: ALB fails open, §2.5). */
  public boolean isHealthy() {
    return HEALTHY.equals(state);
  }
}
