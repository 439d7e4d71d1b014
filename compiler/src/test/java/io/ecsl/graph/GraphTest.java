package io.ecsl.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.compile.Compiler;
import io.ecsl.emit.TestProjects;
import io.ecsl.graph.ResourceGraph.Edge;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.Golden;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The resource graph of every sample and of a project with every kind, in three formats (golden files). */
class GraphTest {
  private static final Path GOLDEN = RepoPaths.root().resolve("compiler/src/test/resources/golden/graph");

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> everySampleInEveryFormat() throws IOException {
    try (Stream<Path> samples = Files.list(RepoPaths.samples())) {
      return samples.filter(Files::isDirectory).sorted().toList().stream().map(sample -> DynamicTest.dynamicTest(
          sample.getFileName().toString(), () -> golden(sample.getFileName().toString(), compile(sample))));
    }
  }

  @Test
  void everyKindOfResourceInEveryFormat() {
    golden("everything", TestProjects.compile(dir, TestProjects.EVERYTHING));
  }

  private static EcsModel compile(Path sample) {
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(sample), sample, List.of(), List.of(), "eu-west-1",
        "123456789012"));
    assertTrue(r.ok(), sample + " compiles");
    return r.model();
  }

  private static void golden(String name, EcsModel model) {
    ResourceGraph g = ResourceGraph.of(model);
    Golden.assertText(GOLDEN.resolve(name + ".mmd"), GraphRenderer.mermaid(g));
    Golden.assertText(GOLDEN.resolve(name + ".dot"), GraphRenderer.dot(g));
    Golden.assertText(GOLDEN.resolve(name + ".json"), GraphRenderer.json(g));
  }

  @Test
  void servicesTaskDefinitionsContainersAndTargetGroupsAreConnected() {
    EcsModel model = TestProjects.compile(dir, """
        cluster prod { capacity_providers = [FARGATE] }
        task web {
          cpu = 0.25 vcpu, memory = 512 MiB, network = awsvpc, compatibilities = [FARGATE]
          container app {
            image = "nginx:1.25", port http = 8080/tcp, depends_on { init = SUCCESS }
            health { command = "true" }
          }
          container init { image = "busybox:1.36", memory = 64, essential = false }
        }
        service web in prod {
          task = web
          desired = 1
          strategy = [FARGATE weight 1]
          network { subnets = ["subnet-0123456789abcdef0"] }
          load_balancer { target_group = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/0123456789abcdef", container = app.http }
        }
        service legacy in "shared" { task = "legacy:7", desired = 1 }
        """);
    ResourceGraph g = ResourceGraph.of(model);
    List<Edge> edges = g.edges();
    assertTrue(edges.contains(new Edge("service:prod/web", "task-definition:web", "runs")), edges.toString());
    assertTrue(edges.contains(new Edge("container:web/app", "container:web/init", "SUCCESS")), edges.toString());
    assertTrue(edges.contains(new Edge("cluster:prod", "capacity-provider:FARGATE", "uses")), edges.toString());
    assertTrue(edges.contains(new Edge("service:prod/web", "capacity-provider:FARGATE", "strategy weight 1")), edges.toString());
    String tg = "target-group:arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/0123456789abcdef";
    assertTrue(edges.contains(new Edge(tg, "container:web/app", "forwards to :8080")), edges.toString());
    assertEquals("web-tg", g.node(tg).name());
    assertTrue(g.node("cluster:shared").external(), "a cluster the project only names");
    assertTrue(g.node("task-definition:legacy").external());
    assertEquals("cluster:prod", g.node("service:prod/web").parent());
  }
}
