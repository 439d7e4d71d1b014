// What the rules phase of a check costs on a large model, and what CleanItems saves of it: the
// model of DIR (bench/gen-services N output) is compiled once; then, in one thread, the ModelIndex,
// the whole-model rules and the per-item rules (PerTaskDefinition, PerService) are timed apart; then
// Rules.check as a check runs it (in parallel), alternately on every item (as `ecsl check` does)
// and with a warm CleanItems (as the editor's warm compiler does after an edit that changed no
// task definition or service: the edited one is a single item more).
//   usage: java [JVM flags] -cp cli/target/ecsl.jar bench/lsp/RulesCost.java DIR [ROUNDS]
// The first quarter of the rounds warms the JIT up and is not counted.
import io.ecsl.compile.Compiler;
import io.ecsl.compile.IncrementalCompiler;
import io.ecsl.diag.Diagnostics;
import io.ecsl.rules.CleanItems;
import io.ecsl.rules.ModelIndex;
import io.ecsl.rules.PerService;
import io.ecsl.rules.PerTaskDefinition;
import io.ecsl.rules.Rule;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Rules;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

public class RulesCost {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    var analysis = new IncrementalCompiler(Compiler.Options.of(dir)).check(Map.of());
    var model = analysis.model();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Double> index = new ArrayList<>(), whole = new ArrayList<>(), perItem = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      ModelIndex idx = new ModelIndex(model);
      long t1 = threads.getCurrentThreadCpuTime();
      Diagnostics d = new Diagnostics();
      for (Rule r : Rules.all()) {
        if (!(r instanceof PerTaskDefinition) && !(r instanceof PerService)) {
          r.check(new RuleContext(model, idx, d, r));
        }
      }
      long t2 = threads.getCurrentThreadCpuTime();
      for (Rule r : Rules.all()) {
        RuleContext ctx = new RuleContext(model, idx, d, r);
        if (r instanceof PerTaskDefinition t) {
          idx.taskDefinitions().forEach(x -> t.checkTaskDefinition(ctx, x));
        } else if (r instanceof PerService s) {
          idx.services().forEach(x -> s.checkService(ctx, x));
        }
      }
      long t3 = threads.getCurrentThreadCpuTime();
      if (round >= rounds / 4) {
        index.add((t1 - t0) / 1e6);
        whole.add((t2 - t1) / 1e6);
        perItem.add((t3 - t2) / 1e6);
      }
    }
    long perItemRules = Rules.all().stream().filter(r -> r instanceof PerTaskDefinition || r instanceof PerService).count();
    System.out.printf("%d task definitions, %d services; %d per-item rules of %d%n", model.resources().stream()
        .filter(r -> r.kind() == io.ecsl.model.ResourceKind.TASK_DEFINITION).count(), model.resources().stream()
        .filter(r -> r.kind() == io.ecsl.model.ResourceKind.SERVICE).count(), perItemRules, Rules.all().size());
    print("one thread: ModelIndex (thread CPU)", index);
    print("one thread: whole-model rules", whole);
    print("one thread: per-item rules", perItem);
    CleanItems memory = new CleanItems();
    List<Double> full = new ArrayList<>(), fullWall = new ArrayList<>(), warm = new ArrayList<>(), warmWall = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      boolean useMemory = round % 2 == 1;
      long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
      Rules.check(model, new Diagnostics(), useMemory ? memory : null);
      long c1 = os.getProcessCpuTime(), w1 = System.nanoTime();
      if (round >= rounds / 4) {
        (useMemory ? warm : full).add((c1 - c0) / 1e6);
        (useMemory ? warmWall : fullWall).add((w1 - w0) / 1e6);
      }
    }
    print("Rules.check, every item: process CPU", full);
    print("Rules.check, every item: wall", fullWall);
    print("Rules.check, CleanItems: process CPU", warm);
    print("Rules.check, CleanItems: wall", warmWall);
  }

  private static void print(String what, List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    System.out.printf("%-40s median %7.1f ms  p90 %7.1f ms%n", what, v.get(v.size() / 2), v.get((int) (v.size() * 0.9)));
  }
}
