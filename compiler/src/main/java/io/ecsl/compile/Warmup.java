package io.ecsl.compile;

import io.ecsl.diag.Diagnostics;
import io.ecsl.emit.Json;
import io.ecsl.emit.script.DeployScript;
import io.ecsl.parse.Parser;
import io.ecsl.rules.Rules;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import io.ecsl.source.SourceFile;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads, on the spare core, what the stages of a compile need (the parser's tables, the API models,
 * the rules, the JSON writer, the deploy-script template) while the command line is read and the
 * source parsed.
 * On a small project this start-up work is most of the run; overlapping it with parsing takes a
 * sixth off a build. It only triggers class loading and caches, so a failure here changes nothing:
 * the stage that needs the part loads it again and reports the problem itself.
 */
public final class Warmup {
  private Warmup() {}

  /** What the later stages will be. */
  public enum Stages {
    CHECK,
    BUILD
  }

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** Starts warming up in a daemon thread (once per process); returns at once. */
  public static void start(Stages stages) {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> run(stages), "ecsl-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run(Stages stages) {
    try {
      // Same order as the pipeline (parse → lower → rules → emit), so class initialisation never
      // waits in a cycle. The parser first: its grammar tables are deserialised on first use, and
      // its prediction cache (shared by all parsers) learns the common forms from this snippet.
      Parser.parse(new SourceFile("<warm-up>", null, SNIPPET), new Diagnostics());
      ServiceModel ecs = ServiceModel.get(ServiceModel.ECS);
      for (String op : new String[] {"RegisterTaskDefinition", "CreateService", "CreateCluster"}) {
        resolve(ecs.input(op), new HashSet<>());
      }
      Rules.all();
      // Looping over a node without elements (a request with no `loadBalancers`) loads Jackson's
      // ClassUtil, which the training sample never reaches: a class outside the AOT cache is read
      // from ecsl.jar, whose 32,000-entry directory costs ~20 ms to open.
      com.fasterxml.jackson.databind.node.MissingNode.getInstance().iterator();
      if (stages == Stages.BUILD) {
        Json.prettyBytes(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("warm", 1));
        DeployScript.prepare();
      }
    } catch (RuntimeException | LinkageError e) {
      // nothing to do: see the class comment
    }
  }

  /**
   * The common forms of the language, for the parser's prediction cache. Whole numbers only: a
   * decimal would load {@code BigDecimal}, 15-20 ms of CPU that a project without decimals never
   * needs (see {@link io.ecsl.ast.Amount}).
   */
  static final String SNIPPET = """
      import "std/logging" as logging
      let size = 512 MiB
      template svc(name: string, port: int = 80) {
        task t {
          family = name
          cpu = 1 vcpu
          container app {
            image = "registry/app:${name}"
            port http = 8080/tcp { host = 0 }
            env { LEVEL = "info", N = port + 1 }
            health { command = "wget -q localhost:${port}", interval = 30s }
            depends_on { init = SUCCESS }
          }
        }
        service s in main { task = t, desired = 2, deployment { max = 200%, min_healthy = 100% } }
      }
      cluster main { default_strategy = [FARGATE base 1 weight 1] }
      svc("a", 8080)
      svc(name = "b")
      for x in [1, 2] { if x > 1 { svc("c${x}") } }
      """;

  /** Parses a shape and every shape under it, as lowering a request will. */
  private static void resolve(Shape shape, Set<String> seen) {
    if (shape == null || !seen.add(shape.name())) {
      return;
    }
    if (shape.isStructure()) {
      for (String member : shape.members().keySet()) {
        resolve(shape.member(member), seen);
      }
    } else if (shape.isList()) {
      resolve(shape.element(), seen);
    } else if (shape.isMap()) {
      resolve(shape.value(), seen);
    }
  }
}
