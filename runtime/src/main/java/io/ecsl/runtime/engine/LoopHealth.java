package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * What the control loop's passes have done lately, for health: when the last one completed, how
 * long it took, and the last failure. The loop is unhealthy when no pass has completed for
 * {@code stallAfter} (a pass is stuck, or the thread is gone) or every pass for that long failed.
 * Wall-clock times: tests move the engine's clock, not this one.
 */
public final class LoopHealth {
  /** Passes take milliseconds; a listing on a busy Docker engine takes seconds. A minute is a stall. */
  public static final Duration DEFAULT_STALL_AFTER = Duration.ofSeconds(60);

  private final Duration stallAfter;
  private volatile long startedNanos = -1;
  private volatile long lastPassNanos = -1;
  private volatile Instant lastPassAt;
  private volatile long lastPassMillis;
  private volatile long passes;
  private volatile long failuresInARow;
  private volatile long failingSinceNanos = -1;
  private volatile String lastError;
  private volatile Instant lastErrorAt;

  LoopHealth(Duration stallAfter) {
    this.stallAfter = stallAfter;
  }

  void started() {
    startedNanos = System.nanoTime();
  }

  void passed(long startedAt) {
    long now = System.nanoTime();
    lastPassNanos = now;
    lastPassAt = Instant.now();
    lastPassMillis = (now - startedAt) / 1_000_000;
    passes++;
    failuresInARow = 0;
    failingSinceNanos = -1;
  }

  void failed(long startedAt, Throwable error) {
    if (failuresInARow++ == 0) {
      failingSinceNanos = startedAt;
    }
    lastError = error.toString();
    lastErrorAt = Instant.now();
  }

  /** Why the loop is unhealthy, in words, or null while it works. */
  public String problem() {
    if (startedNanos < 0) {
      return null; // not started (a test driving passes by hand)
    }
    long now = System.nanoTime();
    long since = lastPassNanos >= 0 ? lastPassNanos : startedNanos;
    if (failingSinceNanos >= 0 && now - since > stallAfter.toNanos()) {
      return "every control-loop pass for the last " + seconds(now - since) + " failed (" + lastError
          + "): tasks are neither started nor stopped";
    }
    if (now - since > stallAfter.toNanos()) {
      return "the control loop has not completed a pass for " + seconds(now - since)
          + (lastError != null ? " (last error: " + lastError + ")" : "") + ": tasks are neither started nor stopped";
    }
    return null;
  }

  /** The {@code controlLoop} member of health. */
  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("healthy", problem() == null);
    Json.putIfPresent(out, "problem", problem());
    Json.putIfPresent(out, "lastPassAt", lastPassAt);
    out.put("lastPassMillis", lastPassMillis);
    out.put("passes", passes);
    out.put("failuresInARow", failuresInARow);
    Json.putIfPresent(out, "lastError", lastError);
    Json.putIfPresent(out, "lastErrorAt", lastErrorAt);
    return out;
  }

  private static String seconds(long nanos) {
    return Duration.ofNanos(nanos).toSeconds() + "s";
  }
}
