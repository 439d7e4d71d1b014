package io.ecsl.compile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Phase timings on stderr when {@code ECSL_TIMINGS} is set: where a slow build spends its time,
 * without a profiler. Shows wall time and the compiling thread's CPU time (which a busy machine
 * disturbs far less).
 */
public final class Timings {
  public Timings() {}

  private final boolean enabled = System.getenv("ECSL_TIMINGS") != null;
  private final ThreadMXBean threads = enabled ? ManagementFactory.getThreadMXBean() : null;
  private long lastWall = System.nanoTime();
  private long lastCpu = enabled ? threads.getCurrentThreadCpuTime() : 0;

  public void mark(String phase) {
    if (!enabled) {
      return;
    }
    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    System.err.printf("ecsl: %-9s %7.1f ms wall %7.1f ms cpu%n", phase, (wall - lastWall) / 1e6, (cpu - lastCpu) / 1e6);
    lastWall = wall;
    lastCpu = cpu;
  }
}
