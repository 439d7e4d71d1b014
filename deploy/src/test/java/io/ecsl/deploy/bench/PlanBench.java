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
import java.nio.file.Path;

/**
 * {@code plan --against} at scale (bench/plan/run.sh): compiles a project (bench/gen-services N),
 * builds it to a directory, compiles a changed copy, then times loading the previous build and
 * planning, separately from compiling, and reports the heap in use. Not a JUnit test.
 *
 * <p>Usage: PlanBench BEFORE_DIR AFTER_DIR BUILD_DIR [ROUNDS]
 */
public final class PlanBench {
  public static void main(String[] args) throws Exception {
    Path before = Path.of(args[0]);
    Path after = Path.of(args[1]);
    Path build = Path.of(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    long t0 = System.nanoTime();
    EcsModel old = compile(before);
    BuildWriter.write(build, BuildWriter.files(old));
    long t1 = System.nanoTime();
    EcsModel model = compile(after);
    long t2 = System.nanoTime();
    System.out.printf("resources: %d (%d services); compile+build previous %.0f ms, compile current %.0f ms%n",
        model.resources().size(), model.ofKind(io.ecsl.model.ResourceKind.SERVICE).size(), ms(t1 - t0), ms(t2 - t1));
    for (int r = 1; r <= rounds; r++) {
      System.gc();
      long a = System.nanoTime();
      LiveState live = BuildState.load(build, Refresher.OWNER_TAG);
      long b = System.nanoTime();
      Plan plan = Planner.plan(model, live, build.toString(), Planner.DEFAULT_KEEP_REVISIONS);
      long c = System.nanoTime();
      String text = TextRenderer.render(PlanJson.write(plan, false), false);
      long d = System.nanoTime();
      Runtime rt = Runtime.getRuntime();
      System.out.printf("round %d: load previous build %.0f ms, plan %.0f ms, render %.0f ms, total %.0f ms;"
          + " %s; heap in use %d MiB%n", r, ms(b - a), ms(c - b), ms(d - c), ms(d - a),
          text.substring(text.lastIndexOf("Plan: ")).trim(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }

  private static EcsModel compile(Path dir) {
    Compiler.Result r = Compiler.compile(Compiler.Options.of(dir));
    if (!r.ok()) {
      throw new IllegalStateException("does not compile: " + r.diagnostics().sorted());
    }
    return r.model();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
