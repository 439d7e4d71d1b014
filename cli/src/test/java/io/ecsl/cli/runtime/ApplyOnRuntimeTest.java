package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.docker.DockerBackend;
import java.util.List;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop a user runs: {@code ecsl apply} of the quick-start sample to the local runtime,
 * then {@code ecsl ps} shows its tasks healthy and reachable on 127.0.0.1, and a second plan finds
 * nothing to change (the runtime describes exactly what apply created). Then a revision whose
 * container exits at once: the circuit breaker rolls it back, and apply says so and fails.
 */
@NeedsDocker
class ApplyOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @Test
  void theQuickStartSampleAppliesRunsHealthyAndPlansClean(@TempDir Path broken) throws Exception {
    Path sample = RepoPaths.samples().resolve("hello-local");
    String endpoint = runtime.endpoint();
    String runtimeDir = runtime.dir();
    Processes.Result apply = ECSL.run("apply", sample.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtimeDir);
    assertEquals(0, apply.exitCode(), apply.output());
    assertTrue(apply.stdout().contains("Apply complete"), apply.stdout());

    Processes.Result ps = ECSL.run("ps", "--data-dir", runtime.dir(), "--format", "json");
    assertEquals(0, ps.exitCode(), ps.stderr());
    JsonNode tasks = Json.parse(ps.stdout());
    assertEquals(2, tasks.size());
    for (JsonNode task : tasks) {
      assertEquals("RUNNING", task.get("status").asText());
      assertEquals("HEALTHY", task.get("health").asText(), "the sample's HTTP health check passed");
      String port = task.get("ports").get(0).asText().replaceAll("^127\\.0\\.0\\.1:(\\d+)->8080/tcp$", "$1");
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(page.body().startsWith("hello from container "), page.body());
    }

    // An explicit endpoint is signed with the key of the runtime the data directory names.
    Processes.Result plan = ECSL.run("plan", sample.toString(), "--target", "local", "--runtime-dir", runtimeDir,
        "--endpoint", endpoint);
    assertEquals(0, plan.exitCode(), plan.stderr());
    assertTrue(plan.stdout().contains("No changes"), plan.stdout());

    // The service is steady again after the rollback, but on the old revision: that is a failed apply.
    String source = Files.readString(sample.resolve("main.ecs"));
    String exits = source.replace("exec httpd -f -p 8080 -h /www", "exit 3");
    assertFalse(exits.equals(source), "the sample's command changed: update this test");
    Path project = Files.createDirectories(broken.resolve("hello-local"));  // the same project: named by its directory
    Files.writeString(project.resolve("main.ecs"), exits);
    Processes.Result failed = ECSL.run("apply", project.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtimeDir);
    assertEquals(1, failed.exitCode(), failed.output());
    assertTrue(failed.stderr().contains("service local/hello: deployment failed: tasks failed to start; ECS rolled back to hello:1;"
        + " stopped tasks: Essential container in task exited; web: exit code 3"), failed.output());
    Processes.Result after = ECSL.run("ps", "--data-dir", runtime.dir(), "--format", "json");
    assertTrue(Json.parse(after.stdout()).size() > 0, after.stdout());
    for (JsonNode task : Json.parse(after.stdout())) {
      assertEquals("hello:1", task.path("taskDefinition").asText(), after.stdout());
    }

    // Back to the sample as it was: it is what runs (hello:1), so nothing is registered or deployed
    // (not a hello:3 identical to hello:1, nor a redeploy of the latest, hello:2, which failed).
    Processes.Result back = ECSL.run("plan", sample.toString(), "--target", "local", "--endpoint", endpoint,
        "--runtime-dir", runtimeDir, "--detailed-exitcode");
    assertEquals(0, back.exitCode(), back.output());
    assertTrue(back.stdout().contains("No changes"), back.stdout());

    // --format json: stdout is the plan document alone, for tools; the progress goes to stderr
    Processes.Result destroy = ECSL.run("destroy", sample.toString(), "--auto-approve", "--format", "json", "--target", "local",
        "--runtime-dir", runtimeDir);
    assertEquals(0, destroy.exitCode(), destroy.output());
    assertTrue(destroy.stdout().strip().startsWith("{") && destroy.stdout().strip().endsWith("}"), destroy.stdout());
    assertEquals("hello-local", Json.parse(destroy.stdout()).path("project").asText(), destroy.stdout());
    assertTrue(destroy.stderr().contains("Destroy complete: 3 resources changed."), destroy.stderr());
    // The deleted cluster's stopped tasks are collected at once, not after the hour stopped tasks are kept.
    try (DockerBackend docker = DockerBackend.connect()) {
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (!docker.listContainers(Labels.RUNTIME, runtime.status.instanceId()).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertEquals(List.of(), docker.listContainers(Labels.RUNTIME, runtime.status.instanceId()).stream()
          .map(c -> c.name()).toList(), "no container of the destroyed project is left");
    }
  }
}
