package io.ecsl.runtime.scheduler;

import java.time.Duration;

/**
 * The delay between launch attempts of a service whose tasks keep failing to start (§6.6). ECS
 * grows it "incrementally" up to 15 minutes without documenting the curve; the runtime doubles
 * from one second (1, 2, 4, ... 512 s, then 900 s), so a misconfigured service backs off quickly
 * while a single transient failure costs only a second. Reset on success and on a new deployment.
 */
public final class LaunchBackoff {
  public static final Duration MAX = Duration.ofMinutes(15);

  private LaunchBackoff() {}

  public static Duration after(int consecutiveFailures) {
    if (consecutiveFailures <= 0) {
      return Duration.ZERO;
    }
    long seconds = 1L << Math.min(consecutiveFailures - 1, 20);
    return seconds >= MAX.toSeconds() ? MAX : Duration.ofSeconds(seconds);
  }
}
