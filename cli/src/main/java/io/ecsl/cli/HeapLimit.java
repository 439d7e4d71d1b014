package io.ecsl.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import javax.management.NotificationEmitter;

/**
 * The heap is limited (the launcher gives the JVM {@code -Xmx}, from {@code ECSL_HEAP}, 2g by
 * default). A command that does not fit would otherwise spend many minutes collecting garbage
 * before it ends in an OutOfMemoryError stack trace: a 37 MB project of half a million services
 * took 12 minutes to fail with a 2 GB heap. Instead, as soon as a full collection leaves the old
 * generation nine-tenths full, the process stops with one line that says what to do.
 *
 * <p>Watching the collections takes the JVM's management beans, whose start costs more than a
 * small build (0.13 s), so they are set up only once half the heap's limit is in use; a daemon
 * thread looks every tenth of a second until then.
 */
final class HeapLimit {
  /** A full collection that leaves more than this share of the old generation in use: the work does not fit. */
  private static final double FULL = 0.9;
  /** The heap is watched once it has grown past this share of its limit. */
  private static final double LARGE = 0.5;

  private HeapLimit() {}

  /** What to tell the user when the heap ran out. */
  static String message() {
    return "ecsl: out of memory: this needs more than the " + heapSize() + " heap ecsl runs with; allow more with"
        + " ECSL_HEAP (e.g. ECSL_HEAP=4g ./ecsl …; with java itself, -Xmx4g), or split the project";
  }

  private static String heapSize() {
    return String.format(Locale.ROOT, "%.1f GiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
  }

  /**
   * Watches the old generation for the rest of the process. Only for a real process: it ends the
   * JVM, which an in-process caller (the tests, {@link Main#run}) must never have done to it.
   */
  static void guard() {
    Thread watcher = new Thread(() -> {
      Runtime runtime = Runtime.getRuntime();
      try {
        while (runtime.totalMemory() - runtime.freeMemory() < runtime.maxMemory() * LARGE) {
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        return;
      }
      watchCollections();
    }, "ecsl-heap-limit");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void watchCollections() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      long max = pool.getUsage().getMax();
      // the old generation: the heap pool whose usage after a collection can be watched (the
      // young pools are emptied by every collection and never hold the model for long)
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0
          && !pool.getName().contains("Eden") && !pool.getName().contains("Survivor")) {
        pool.setCollectionUsageThreshold((long) (max * FULL));
      }
    }
    NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
    emitter.addNotificationListener((notification, handback) -> {
      if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
        System.out.flush();
        System.err.println(message());
        System.err.flush();
        Runtime.getRuntime().halt(ExitCodes.ERROR);
      }
    }, null, null);
  }
}
