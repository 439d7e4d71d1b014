package io.ecsl.deploy.bench;

import io.ecsl.compile.Compiler;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.PlanJson;
import io.ecsl.deploy.plan.Planner;
import io.ecsl.deploy.render.TextRenderer;
import io.ecsl.deploy.state.BuildState;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.target.Refresher;
import io.ecsl.emit.BuildWriter;
import io.ecsl.model.EcsModel;
import io.ecsl.model.ResourceKind;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code plan --against} at scale (bench/plan/run.sh). Two modes, each its own JVM so that the
 * first planning round is as cold as an {@code ecsl plan} run:
 *
 * <ul>
 *   <li>{@code build SRC BUILD_DIR}: compiles SRC and writes its build output (the "main branch" build);
 *   <li>{@code plan SRC BUILD_DIR ROUNDS}: compiles SRC (timed on its own: compiling is not the
 *       plan stage), then ROUNDS times loads the previous build, plans and renders the text plan.
 * </ul>
 *
 * <p>The machine is shared and has 2 cores, so wall time is noisy: every phase also reports CPU
 * time, summed over the JVM's Java threads (the planning thread and the pool threads it hands work
 * to; GC and JIT threads are not Java threads and are not counted), and the process's CPU time
 * (everything, GC and JIT included). Memory: the sum of the heap pools' peaks during the round,
 * and the heap still in use after a full GC with the model, the previous build and the plan alive.
 * Every round prints one {@code RESULT key=value …} line for run.sh to aggregate. Not a JUnit test.
 */
public final class PlanBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "build" -> build(Path.of(args[1]), Path.of(args[2]));
      case "plan" -> plan(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 3);
      default -> throw new IllegalArgumentException("usage: PlanBench build SRC BUILD_DIR | plan SRC BUILD_DIR [ROUNDS]");
    }
  }

  private static void build(Path src, Path build) throws Exception {
    Clock c = Clock.start();
    EcsModel model = compile(src);
    Clock w = c.stop().next();
    BuildWriter.write(build, BuildWriter.files(model));
    w.stop();
    System.out.printf(Locale.ROOT, "previous build: %d resources; compile %s; write %s%n", model.resources().size(), c, w);
  }

  private static void plan(Path src, Path build, int rounds) throws Exception {
    Clock c = Clock.start();
    EcsModel model = compile(src);
    c.stop();
    System.out.printf(Locale.ROOT, "current: %d resources (%d services); compile %s%n", model.resources().size(),
        model.ofKind(ResourceKind.SERVICE).size(), c);
    System.out.printf(Locale.ROOT, "RESULT phase=compile wall=%.0f cpu=%.0f%n", c.wallMs(), c.cpuMs());
    for (int r = 1; r <= rounds; r++) {
      System.gc();
      resetPeaks();
      Clock load = Clock.start();
      LiveState live = BuildState.load(build, Refresher.OWNER_TAG);
      Clock planning = load.stop().next();
      Plan plan = Planner.plan(model, live, build.toString(), Planner.DEFAULT_KEEP_REVISIONS);
      Clock render = planning.stop().next();
      String text = TextRenderer.render(PlanJson.write(plan, false), false);
      render.stop();
      long peak = peakHeap();
      System.gc();
      long retained = usedHeap();
      String summary = text.substring(text.lastIndexOf("Plan: ")).trim();
      System.out.printf(Locale.ROOT, "round %d%s: load+plan %.0f ms wall, %.0f ms CPU: load previous build (manifest) %s;"
          + " plan (reading the build's files as it goes) %s; render %s; peak heap %d MiB, retained %d MiB; %s%n", r,
          r == 1 ? " (cold)" : "", load.wallMs() + planning.wallMs(), load.cpuMs() + planning.cpuMs(), load, planning, render,
          peak >> 20, retained >> 20, summary);
      System.out.printf(Locale.ROOT, "RESULT phase=round round=%d load_wall=%.0f load_cpu=%.0f plan_wall=%.0f plan_cpu=%.0f"
          + " plan_thread_cpu=%.0f plan_process_cpu=%.0f load_gc=%d plan_gc=%d render_wall=%.0f render_cpu=%.0f peak_mib=%d"
          + " retained_mib=%d%n", r, load.wallMs(), load.cpuMs(), planning.wallMs(), planning.cpuMs(), planning.threadCpuMs(),
          planning.processCpuMs(), load.gcMs(), planning.gcMs(), render.wallMs(), render.cpuMs(), peak >> 20, retained >> 20);
      if (plan.resources().isEmpty() || live == null) {
        throw new IllegalStateException("empty plan");
      }
    }
  }

  private static EcsModel compile(Path dir) {
    Compiler.Result r = Compiler.compile(Compiler.Options.of(dir));
    if (!r.ok()) {
      throw new IllegalStateException("does not compile: " + r.diagnostics().sorted());
    }
    return r.model();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks (an upper bound: the pools may peak at different moments). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Sum of the CPU time of every live Java thread. */
  private static long javaThreadsCpu() {
    long sum = 0;
    for (long id : THREADS.getAllThreadIds()) {
      long t = THREADS.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }

  /** Time spent in collections so far (pauses, wall clock). */
  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Wall time, this thread's CPU, all Java threads' CPU and the process's CPU of one phase. */
  private static final class Clock {
    private long wall = System.nanoTime();
    private long thread = THREADS.getCurrentThreadCpuTime();
    private long threads = javaThreadsCpu();
    private long process = processCpu();
    private long gc = gcMillis();

    static Clock start() {
      return new Clock();
    }

    Clock stop() {
      wall = System.nanoTime() - wall;
      thread = THREADS.getCurrentThreadCpuTime() - thread;
      threads = javaThreadsCpu() - threads;
      process = processCpu() - process;
      gc = gcMillis() - gc;
      return this;
    }

    Clock next() {
      return new Clock();
    }

    double wallMs() {
      return wall / 1e6;
    }

    double cpuMs() {
      return threads / 1e6;
    }

    double threadCpuMs() {
      return thread / 1e6;
    }

    double processCpuMs() {
      return process / 1e6;
    }

    long gcMs() {
      return gc;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f ms wall, %.0f ms CPU (this thread %.0f, process %.0f, GC pauses %d)", wallMs(),
          cpuMs(), threadCpuMs(), processCpuMs(), gcMs());
    }
  }
}
