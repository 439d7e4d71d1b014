package io.ecsl.compile;

import io.ecsl.emit.Json;
import io.ecsl.emit.script.DeployScript;
import io.ecsl.rules.Rules;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.HashSet;
import java.util.Set;

/**
 * Loads, on the spare core, what the later stages of a compile need (the API models, the rules,
 * the JSON writer, the deploy-script template) while the first stage reads and parses the source.
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

  /** Starts warming up in a daemon thread; returns at once. */
  public static void start(Stages stages) {
    Thread t = new Thread(() -> run(stages), "ecsl-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run(Stages stages) {
    try {
      // Same order as the pipeline (lower → rules → emit), so class initialisation never waits in a cycle.
      ServiceModel ecs = ServiceModel.get(ServiceModel.ECS);
      for (String op : new String[] {"RegisterTaskDefinition", "CreateService", "CreateCluster"}) {
        resolve(ecs.input(op), new HashSet<>());
      }
      Rules.all();
      if (stages == Stages.BUILD) {
        Json.prettyBytes(Json.MAPPER.createObjectNode().put("warm", 1));
        DeployScript.prepare();
      }
    } catch (RuntimeException | LinkageError e) {
      // nothing to do: see the class comment
    }
  }

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
