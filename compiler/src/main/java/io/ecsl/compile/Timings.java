package io.ecsl.compile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Phase timings on stderr when {@code ECSL_TIMINGS} is set: where a slow build spends its time,
 * without a profiler. Shows wall time, the compiling thread's CPU time (which a busy machine
 * disturbs far less) and the whole process's CPU time (worker threads, JIT and GC included).
 */
public final class Timings {
  public Timings() {}

  private final boolean enabled = System.getenv("ECSL_TIMINGS") != null;
  private final ThreadMXBean threads = enabled ? ManagementFactory.getThreadMXBean() : null;
  private long lastWall = System.nanoTime();
  private long lastCpu = enabled ? threads.getCurrentThreadCpuTime() : 0;
  private final com.sun.management.OperatingSystemMXBean os = enabled
      ? (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean() : null;
  private long lastProcessCpu = enabled ? os.getProcessCpuTime() : 0;

  /**
   * Prints the first phase, {@code start}: from the JVM's start to now (the JVM booting, the
   * command line, the command's set-up). Once per process; the later phases follow from here.
   */
  public static void startup() {
    if (System.getenv("ECSL_TIMINGS") == null || !STARTUP_PRINTED.compareAndSet(false, true)) {
      return;
    }
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    System.err.printf("ecsl: %-9s %7.1f ms wall %7.1f ms cpu (all threads %7.1f ms)%n", "start", (double) sinceStart,
        cpu / 1e6, processCpu / 1e6);
  }

  private static final java.util.concurrent.atomic.AtomicBoolean STARTUP_PRINTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  public void mark(String phase) {
    if (!enabled) {
      return;
    }
    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    long processCpu = os.getProcessCpuTime();
    System.err.printf("ecsl: %-9s %7.1f ms wall %7.1f ms cpu (all threads %7.1f ms)%n", phase, (wall - lastWall) / 1e6,
        (cpu - lastCpu) / 1e6, (processCpu - lastProcessCpu) / 1e6);
    lastWall = wall;
    lastCpu = cpu;
    lastProcessCpu = processCpu;
  }
}
