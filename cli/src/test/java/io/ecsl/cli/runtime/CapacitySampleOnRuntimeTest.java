package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * samples/capacity-local as its README runs it, on Docker: apply grows the simulated Auto Scaling
 * group to three t3.medium instances in three zones for six web tasks (memberOf t3.*, spread by
 * zone), the log-agent daemon runs on each, the worker splits 3 FARGATE / 3 FARGATE_SPOT; a plan
 * right after finds nothing to change (issue 10 §7: the capacity provider's managed draining is
 * what ECS fills in); a Spot interruption from the CLI is replaced on Spot; destroy removes it.
 */
@NeedsDocker
class CapacitySampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  /** A command's JSON output; it must succeed. */
  private static JsonNode json(String... args) {
    Processes.Result result = ECSL.run(args);
    assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.output());
    return Json.parse(result.stdout());
  }

  private JsonNode tasks(boolean all) {
    return all ? json("ps", "--data-dir", runtime.dir(), "--cluster", "shop", "--all", "--format", "json")
        : json("ps", "--data-dir", runtime.dir(), "--cluster", "shop", "--format", "json");
  }

  /** Running tasks of one service per capacity provider (or launch type, for tasks launched with one). */
  private Map<String, Integer> providers(String service) {
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode task : tasks(false)) {
      if (task.get("group").asText().equals("service:" + service) && task.get("status").asText().equals("RUNNING")) {
        out.merge(task.path("capacityProvider").asText(task.path("launchType").asText("-")), 1, Integer::sum);
      }
    }
    return out;
  }

  private static <T> T await(Supplier<T> probe, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return fail("timed out waiting for " + what);
  }

  @Test
  void theCapacitySampleRunsAsItsReadmeSays() {
    Path sample = RepoPaths.samples().resolve("capacity-local");
    String dataDir = runtime.dir();
    Processes.Result apply = ECSL.run("apply", sample.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        dataDir);
    assertEquals(0, apply.exitCode(), apply.output());

    JsonNode listed = json("runtime", "instances", "--data-dir", dataDir, "--format", "json");
    Map<String, Integer> zones = new TreeMap<>();
    for (JsonNode instance : listed.get("containerInstances")) {
      assertEquals("t3.medium", instance.get("type").asText(), instance.toString());
      assertEquals("web-fleet", instance.get("capacityProvider").asText(), instance.toString());
      assertEquals(3, instance.get("tasks").asInt(), "two web tasks and the agent: " + instance);
      zones.merge(instance.get("zone").asText(), 1, Integer::sum);
    }
    assertEquals(Map.of("us-east-1a", 1, "us-east-1b", 1, "us-east-1c", 1), zones, listed.toString());
    assertEquals(3, listed.at("/autoScalingGroups/0/desiredCapacity").asInt(), listed.toString());

    Map<String, Integer> webZones = new TreeMap<>();
    for (JsonNode task : tasks(false)) {
      if (task.get("group").asText().equals("service:web")) {
        webZones.merge(task.get("availabilityZone").asText(), 1, Integer::sum);
      }
    }
    assertEquals(Map.of("us-east-1a", 2, "us-east-1b", 2, "us-east-1c", 2), webZones);
    assertEquals(Map.of("web-fleet", 6), providers("web"));
    assertEquals(Map.of("EC2", 3), providers("log-agent"), "the daemon has a launch type, so no capacity provider");
    assertEquals(Map.of("FARGATE", 3, "FARGATE_SPOT", 3), providers("worker"));

    Processes.Result plan = ECSL.run("plan", sample.toString(), "--target", "local", "--runtime-dir", dataDir,
        "--detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.output());

    Processes.Result interrupt = ECSL.run("runtime", "spot-interrupt", "--data-dir", dataDir, "--cluster", "shop", "--service",
        "worker", "--notice", "1s");
    assertEquals(0, interrupt.exitCode(), interrupt.output());
    assertTrue(interrupt.stdout().startsWith("interrupted "), interrupt.stdout());
    String interrupted = interrupt.stdout().substring("interrupted ".length(), interrupt.stdout().indexOf(':'));
    await(() -> {
      for (JsonNode task : tasks(true)) {
        if (task.get("task").asText().equals(interrupted)) {
          return task.get("status").asText().equals("STOPPED (SpotInterruption)");
        }
      }
      return false;
    }, Duration.ofSeconds(60), "the interrupted task to stop");
    await(() -> providers("worker").equals(Map.of("FARGATE", 3, "FARGATE_SPOT", 3)), Duration.ofSeconds(60),
        "the worker's Spot task replaced on Spot");

    Processes.Result destroy = ECSL.run("destroy", sample.toString(), "--auto-approve", "--target", "local",
        "--runtime-dir", dataDir);
    assertEquals(0, destroy.exitCode(), destroy.output());
  }
}
