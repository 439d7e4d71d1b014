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
 * milliseconds (start) to minutes (pull), so each runs on its own virtual thread; the inline mode
 * runs them on the caller's thread, which makes engine tests deterministic.
 */
final class ActionRunner implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ActionRunner.class.getName());

  private final ExecutorService executor;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  private ActionRunner(ExecutorService executor) {
    this.executor = executor;
  }

  static ActionRunner async() {
    return new ActionRunner(Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("ecsl-action-", 0).factory()));
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
