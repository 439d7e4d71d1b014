package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * samples/managed-instances as its header runs it, on Docker: apply creates the cluster, then the
 * Managed Instances capacity provider for it; the service's four 1-vCPU tasks make ECS launch two
 * 2-vCPU, 8 GiB instances (m6i.large: the smallest Intel type the requirements allow), the tasks
 * run there with the MANAGED_INSTANCES launch type, a plan right after finds nothing to change,
 * and destroy removes it all. moto cannot take this sample (CreateCapacityProvider with a
 * managedInstancesProvider fails there), so the local runtime is where it is applied end to end.
 */
@NeedsDocker
class ManagedInstancesSampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  private static JsonNode json(String... args) {
    Processes.Result result = ECSL.run(args);
    assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.output());
    return Json.parse(result.stdout());
  }

  @Test
  void theManagedInstancesSampleRunsAsItsHeaderSays() {
    Path sample = RepoPaths.samples().resolve("managed-instances");
    String dataDir = runtime.dir();
    Processes.Result apply = ECSL.run("apply", sample.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        dataDir);
    assertEquals(0, apply.exitCode(), apply.output());

    JsonNode listed = json("runtime", "instances", "--data-dir", dataDir, "--format", "json");
    assertEquals(2, listed.get("containerInstances").size(), listed.toString());
    for (JsonNode instance : listed.get("containerInstances")) {
      assertEquals("m6i.large", instance.get("type").asText(), instance.toString());
      assertEquals("web-mi", instance.get("capacityProvider").asText(), instance.toString());
      assertEquals(2, instance.get("tasks").asInt(), instance.toString());
    }
    int running = 0;
    for (JsonNode task : json("ps", "--data-dir", dataDir, "--cluster", "apps", "--format", "json")) {
      if (task.get("status").asText().equals("RUNNING")) {
        running++;
        assertEquals("web-mi", task.get("capacityProvider").asText(), task.toString());
        assertEquals("MANAGED_INSTANCES", task.path("launchType").asText(), task.toString());
      }
    }
    assertEquals(4, running);

    Processes.Result plan = ECSL.run("plan", sample.toString(), "--target", "local", "--runtime-dir", dataDir,
        "--detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.output());
    assertTrue(plan.stdout().contains("No changes"), plan.output());

    Processes.Result destroy = ECSL.run("destroy", sample.toString(), "--auto-approve", "--target", "local",
        "--runtime-dir", dataDir);
    assertEquals(0, destroy.exitCode(), destroy.output());
  }
}
