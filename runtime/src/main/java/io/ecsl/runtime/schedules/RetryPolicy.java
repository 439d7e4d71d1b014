package io.ecsl.runtime.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * A target's {@code RetryPolicy} (ecs-runtime-integrations §6.1): EventBridge retries only
 * retriable failures (HTTP 5xx and throttling), with exponential back-off and jitter, until
 * {@code MaximumRetryAttempts} retries (default 185) or {@code MaximumEventAgeInSeconds} (default
 * 24 h) are used up. A 4xx answer fails the invocation at once; RunTask answering with
 * {@code failures} is a successful invocation.
 *
 * <p>The back-off curve is not documented; the runtime's (EMU) is 1 s doubling per attempt up to 3
 * minutes, each delay scaled by a jitter in [0.5, 1) derived from the event, so it is repeatable.
 */
public record RetryPolicy(int maximumRetryAttempts, Duration maximumEventAge) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(185, Duration.ofHours(24));
  private static final Duration MAX_DELAY = Duration.ofMinutes(3);

  public static RetryPolicy of(JsonNode target) {
    JsonNode policy = target.path("RetryPolicy");
    return new RetryPolicy(Json.integer(policy, "MaximumRetryAttempts", DEFAULT.maximumRetryAttempts()),
        Duration.ofSeconds(Json.integer(policy, "MaximumEventAgeInSeconds", (int) DEFAULT.maximumEventAge().toSeconds())));
  }

  /** Whether EventBridge would try an invocation that failed this way again. */
  public static boolean retriable(int httpStatus, String errorType) {
    return httpStatus >= 500 || httpStatus == 429 || (errorType != null && errorType.startsWith("Throttl"));
  }

  /**
   * When to try again after {@code attempts} attempts (the first invocation included) failed, or
   * null to give up. {@code seed} identifies the event (rule, target, event time) for the jitter.
   */
  public Instant nextAttempt(Instant eventTime, int attempts, Instant now, String seed) {
    if (attempts - 1 >= maximumRetryAttempts) {
      return null;
    }
    long base = Math.min(MAX_DELAY.toMillis(), 1000L << Math.min(attempts - 1, 20));
    double jitter = 0.5 + (Math.floorMod((seed + "#" + attempts).hashCode(), 1000) / 2000.0);
    Instant next = now.plusMillis((long) (base * jitter));
    return next.isAfter(eventTime.plus(maximumEventAge)) ? null : next;
  }
}
