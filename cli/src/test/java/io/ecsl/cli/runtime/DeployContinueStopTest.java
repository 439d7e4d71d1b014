package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl deploy continue} and {@code ecsl deploy stop} on the real local runtime: apply
 * follows a blue/green deployment to a PAUSE hook and waits there; {@code deploy continue} lets it
 * finish; the next one is stopped with {@code deploy stop}, and apply fails with the rollback's
 * reason. {@code ecsl events} shows the deployment state changes.
 */
@NeedsDocker
class DeployContinueStopTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @TempDir Path project;
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  private void write(String message) throws Exception {
    Files.writeString(project.resolve("main.ecs"), """
        cluster bg {}
        task web {
          network = bridge
          container app {
            image = "ecsl/busybox:1.35"
            command = ["sh", "-c", "trap 'exit 0' TERM; echo %s; sleep 3600 & wait"]
            memory = 32 MiB
            health { command = "true", interval = 5s }
          }
        }
        service web in bg {
          task = web
          desired = 1
          deployment {
            strategy = blue_green(bake = 0m)
            hook post_scale_up = pause(timeout = 1h)
          }
        }
        """.formatted(message));
  }

  private CompletableFuture<Processes.Result> apply() {
    return CompletableFuture.supplyAsync(() -> ECSL.run("apply", project.toString(), "--auto-approve",
        "--runtime-dir", runtime.dir(), "--wait-timeout", "5m", "--poll-interval", "1s"));
  }

  private static <T> T await(Supplier<T> probe, Duration timeout, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout.multipliedBy(3));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /**
   * Until the runtime says the deployment awaits its hook, and then a few of apply's polls more, so
   * apply has printed the pause before the test answers it.
   */
  private void awaitPaused() throws InterruptedException {
    RuntimeClient client = LocalRuntime.client(runtime.dataDir);
    await(() -> {
      JsonNode listed = client.ecs("ListServiceDeployments", Json.parse("{\"cluster\":\"bg\",\"service\":\"web\"}"));
      String arn = listed.at("/serviceDeployments/0/serviceDeploymentArn").asText();
      JsonNode described = client.ecs("DescribeServiceDeployments",
          Json.parse("{\"serviceDeploymentArns\":[\"" + arn + "\"]}"));
      return "AWAITING_ACTION".equals(described.at("/serviceDeployments/0/lifecycleHookDetails/0/status").asText())
          ? true : null;
    }, Duration.ofSeconds(60), "the deployment to pause");
    Thread.sleep(5000);
  }

  /** {@code ecsl deploy ARGS} once the deployment is paused (it answers "nothing to continue" before). */
  private Processes.Result whenPaused(String... args) throws InterruptedException {
    return await(() -> {
      Processes.Result continued = ECSL.run(args);
      return continued.exitCode() == 0 ? continued : null;
    }, Duration.ofSeconds(60), "the deployment to pause");
  }

  @Test
  void applyWaitsAtThePauseUntilDeployContinueAndFailsOnDeployStop() throws Exception {
    write("v1");
    Processes.Result first = apply().join();
    assertEquals(0, first.exitCode(), first.output());

    Processes.Result idle = ECSL.run("deploy", "continue", "web", "--runtime-dir", runtime.dir());
    assertEquals(1, idle.exitCode());
    assertTrue(idle.stderr().contains("service web has no deployment in progress"), idle.stderr());

    write("v2");
    CompletableFuture<Processes.Result> second = apply();
    awaitPaused();
    Processes.Result continued = whenPaused("deploy", "continue", "web", "--runtime-dir", runtime.dir(),
        "--format", "json");
    JsonNode answer = Json.parse(continued.stdout());
    assertEquals("post_scale_up-1", answer.get("hookId").asText(), continued.stdout());
    assertEquals("CONTINUE", answer.get("action").asText());
    Processes.Result applied = second.join();
    assertEquals(0, applied.exitCode(), applied.output());
    String printed = applied.output();
    assertTrue(printed.contains("paused at post_scale_up (hook post_scale_up-1): `ecsl deploy continue web --cluster bg`"
        + " goes on"), printed);
    assertTrue(printed.contains("production traffic: 100% to the new revision"), printed);
    assertTrue(printed.contains("deployment successful"), printed);

    write("v3");
    CompletableFuture<Processes.Result> third = apply();
    Processes.Result stopped = whenPaused("deploy", "stop", "web", "--cluster", "bg", "--runtime-dir", runtime.dir());
    assertTrue(stopped.stdout().startsWith("Rolling back service deployment arn:aws:ecs:"), stopped.stdout());
    Processes.Result failed = third.join();
    assertEquals(1, failed.exitCode(), failed.output());
    assertTrue(failed.output().contains("rolled back (ROLLBACK_"), failed.output());
    assertTrue(failed.output().contains("StopServiceDeployment"), failed.output());

    Processes.Result events = ECSL.run("events", "web", "--data-dir", runtime.dir());
    assertEquals(0, events.exitCode(), events.output());
    assertTrue(events.stdout().contains("ECS Deployment State Change SERVICE_DEPLOYMENT_COMPLETED"), events.stdout());
    assertTrue(events.stdout().contains("ECS Deployment State Change SERVICE_DEPLOYMENT_FAILED"), events.stdout());
  }

  @Test
  void deployCommandsExplainThemselvesAndRefuseWhatTheyCannotDo() {
    Processes.Result help = ECSL.run("deploy", "continue", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.stdout().contains("ContinueServiceDeployment"), help.stdout());
    assertEquals(0, ECSL.run("deploy", "stop", "--help").exitCode());
    Processes.Result missing = ECSL.run("deploy");
    assertEquals(1, missing.exitCode(), missing.output());
    assertTrue(missing.stderr().contains("missing subcommand: continue or stop"), missing.stderr());
    Processes.Result noService = ECSL.run("deploy", "stop", "nope", "--runtime-dir", runtime.dir());
    assertEquals(1, noService.exitCode());
    assertTrue(noService.stderr().contains("no service nope in any cluster"), noService.stderr());
    Processes.Result unnamed = ECSL.run("deploy", "stop", "--runtime-dir", runtime.dir());
    assertEquals(1, unnamed.exitCode());
    assertTrue(unnamed.stderr().contains("name the service"), unnamed.stderr());
  }
}
