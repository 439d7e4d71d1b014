package io.ecsl.runtime.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs backend actions off the state lock, at most one per key at a time. Docker calls take from
 * milliseconds (start) to minutes (pull), so they run on a pool of platform threads (docker-java's
 * blocking I/O would pin virtual threads to the few carriers on Java 21); the inline mode runs them
 * on the caller's thread, which makes engine tests deterministic.
 */
final class ActionRunner implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ActionRunner.class.getName());

  private final ExecutorService executor;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  private ActionRunner(ExecutorService executor) {
    this.executor = executor;
  }

  /** Enough for a burst of a large service's creates and starts, a few pulls and log streams. */
  private static final int THREADS = 32;

  static ActionRunner async() {
    return new ActionRunner(Executors.newFixedThreadPool(THREADS,
        Thread.ofPlatform().name("ecsl-action-", 0).daemon(true).factory()));
  }

  static ActionRunner inline() {
    return new ActionRunner(null);
  }

  /** Runs {@code work} unless an action with the same key is still running. */
  void submit(String key, Runnable work) {
    if (!inFlight.add(key)) {
      return;
    }
    Runnable guarded = () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "action " + key + " failed unexpectedly", e);
      } finally {
        inFlight.remove(key);
      }
    };
    if (executor == null) {
      guarded.run();
    } else {
      executor.execute(guarded);
    }
  }

  boolean isRunning(String key) {
    return inFlight.contains(key);
  }

  /** True when no action is running (tests wait for this). */
  boolean idle() {
    return inFlight.isEmpty();
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
