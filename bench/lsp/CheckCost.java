// Where a language-server check's time goes, without the protocol: the warm IncrementalCompiler
// (what `ecsl lsp` runs per project) checks the compile benchmark's workload ROUNDS times, each
// time with one service's desired count changed and the previous Analysis kept alive (as the
// server's newest Snapshot is), and prints per check the wall time, the checking thread's CPU
// time, the whole process's CPU time (GC and JIT threads included), the collectors' time and the
// bytes the checking thread allocated: the one figure a busy machine does not disturb, and what
// the collectors' work grows with.
//   usage: java [JVM flags to compare] -cp cli/target/ecsl.jar bench/lsp/CheckCost.java DIR ROUNDS
// DIR holds main.ecs from bench/gen-services N (bench/lsp/run.sh leaves one in $BENCH_WORK/nN).
// The first third of the rounds warms the JIT up and is not counted.
import io.ecsl.compile.Compiler;
import io.ecsl.compile.IncrementalCompiler;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CheckCost {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    int rounds = Integer.parseInt(args[1]);
    Path file = dir.resolve("main.ecs");
    String text = Files.readString(file);
    // the middle service's call: svc("svc-NNNNN", IMAGE, PORT, INDEX, DESIRED)
    Matcher m = Pattern.compile("(?m)^svc\\((.*), (\\d+)\\)$").matcher(text);
    long calls = m.results().count();
    m.reset();
    for (long i = 0; i <= calls / 2; i++) {
      if (!m.find()) {
        throw new IllegalArgumentException(file + " is not bench/gen-services output");
      }
    }
    int start = m.start(), end = m.end();
    String head = m.group(1);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    IncrementalCompiler compiler = new IncrementalCompiler(Compiler.Options.of(dir));
    IncrementalCompiler.Analysis kept = null;
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      String edited = text.substring(0, start) + "svc(" + head + ", " + (i % 9 + 1) + ")" + text.substring(end);
      long gc0 = gcMillis(), process0 = os.getProcessCpuTime(), thread0 = threads.getCurrentThreadCpuTime();
      long allocated0 = threads.getCurrentThreadAllocatedBytes();
      long wall0 = System.nanoTime();
      kept = compiler.check(Map.of(file, edited));
      long wall1 = System.nanoTime();
      long thread1 = threads.getCurrentThreadCpuTime(), process1 = os.getProcessCpuTime(), gc1 = gcMillis();
      long allocated1 = threads.getCurrentThreadAllocatedBytes();
      if (i >= rounds / 3) {
        rows.add(new double[] {(wall1 - wall0) / 1e6, (thread1 - thread0) / 1e6, (process1 - process0) / 1e6, gc1 - gc0,
            (allocated1 - allocated0) / 1e6});
      }
    }
    if (kept.diagnostics().hasErrors()) {
      throw new IllegalStateException("the workload has errors: " + kept.diagnostics().sorted());
    }
    System.out.printf("%d checks counted (of %d), %s%n", rows.size(), rounds,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    String[] names = {"wall", "checking thread CPU", "process CPU", "GC time", "allocated (MB)"};
    for (int k = 0; k < names.length; k++) {
      final int column = k;
      double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
      String unit = k == names.length - 1 ? "MB" : "ms";
      System.out.printf("%-20s median %7.1f %s  p90 %7.1f %s%n", names[k], v[v.length / 2], unit, v[(int) (v.length * 0.9)], unit);
    }
    // what a check keeps (the server holds its newest one): the heap in use after a full
    // collection with the last Analysis alive, less the same with it gone
    long withCheck = heapAfterGc();
    java.lang.ref.Reference.reachabilityFence(kept);
    kept = null;
    long without = heapAfterGc();
    System.out.printf("%-20s %7.1f MB%n", "one check keeps", (withCheck - without) / 1e6);
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += gc.getCollectionTime();
    }
    return sum;
  }
}
