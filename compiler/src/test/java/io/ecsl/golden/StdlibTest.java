package io.ecsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import io.ecsl.model.ResourceKind;
import io.ecsl.modules.Stdlib;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard library: its index is complete, and every template compiles into valid ECS JSON. */
class StdlibTest {
  @TempDir Path dir;

  @Test
  void theIndexListsEveryModule() throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> s = Files.list(RepoPaths.root().resolve("stdlib/src/main/resources/ecsl/std"))) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ecs")).forEach(n -> files.add(n.replace(".ecs", "")));
    }
    assertEquals(files, new TreeSet<>(Stdlib.modules()));
  }

  @Test
  void everyTemplateCompiles() {
    Compiler.Result r = TestProjects.compile(dir, """
        import "std/fargate"
        import "std/logging"
        import "std/health"
        import "std/sidecars"
        import "std/placement"

        cluster c {
          capacity_providers = [FARGATE, FARGATE_SPOT]
          default_strategy = fargate.spot_strategy(base = 2, spot_weight = 4)
        }
        task small { fargate.small(), execution_role = "arn:aws:iam::123456789012:role/exec", container app { image = "a:1", logs = logging.awslogs(group = "/ecs/a") } }
        task xs { fargate.xsmall(), container app { image = "a:1", health = health.tcp(port = 80) } }
        task m { fargate.medium(), container app { image = "a:1", health = health.curl(port = 80, path = "/up") } }
        task l { fargate.large(), container app { image = "a:1", health = health.command("true") } }
        task xl { fargate.xlarge(), container app { image = "a:1" } }
        task arm { fargate.arm(cpu = 1 vcpu, memory = 2 GiB), container app { image = "a:1" } }
        task sidecars {
          fargate.size(cpu = 1 vcpu, memory = 2 GiB)
          execution_role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
          container app { image = "a:1", health = health.http(port = 8080), logs = logging.firelens({ Name = "stdout" }) }
          container log-router = sidecars.fluent_bit(log_group = "/ecs/firelens")
          container xray = sidecars.xray()
          container cwagent = sidecars.cloudwatch_agent()
        }
        task ec2 { network = bridge, compatibilities = [EC2], container app { image = "a:1", memory = 64, logs = logging.json_file() } }
        service spread in c { task = ec2, desired = 1, launch_type = EC2, placement_strategy = placement.spread_az_binpack_memory }
        service per-host in c { task = ec2, desired = 1, launch_type = EC2, placement_strategy = placement.spread_az_instance,
          placement_constraints = placement.one_per_instance + placement.instance_types("t3.*") + placement.zones(["us-east-1a"]) }
        service cheap in c { task = ec2, desired = 1, launch_type = EC2, placement_strategy = placement.binpack_cpu }
        service cheaper in c { task = ec2, desired = 1, launch_type = EC2, placement_strategy = placement.binpack_memory }
        """);
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), dir));
    var strategy = r.model().find(ResourceKind.CLUSTER, null, "c").primary().body().get("defaultCapacityProviderStrategy");
    assertEquals("[{\"capacityProvider\":\"FARGATE\",\"weight\":1,\"base\":2},{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":4}]",
        strategy.toString());
    var sizes = r.model().find(ResourceKind.TASK_DEFINITION, null, "arm").primary().body();
    assertEquals("1024", sizes.get("cpu").asText());
    assertEquals("ARM64", sizes.get("runtimePlatform").get("cpuArchitecture").asText());
    var sidecar = r.model().find(ResourceKind.TASK_DEFINITION, null, "sidecars").primary().body().get("containerDefinitions").get(1);
    assertEquals("fluentbit", sidecar.get("firelensConfiguration").get("type").asText());
    assertEquals("/ecs/firelens", sidecar.get("logConfiguration").get("options").get("awslogs-group").asText());
    assertEquals(List.of("distinctInstance", "memberOf", "memberOf"),
        r.model().find(ResourceKind.SERVICE, "c", "per-host").primary().body().get("placementConstraints")
            .findValuesAsText("type"));
  }
}
