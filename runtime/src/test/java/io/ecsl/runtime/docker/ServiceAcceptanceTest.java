package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static io.ecsl.runtime.docker.DockerTestSupport.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service acceptance on real Docker: desired count seen through the real aws CLI, rolling
 * deployment bounds sampled through the API, circuit breaker rollback.
 */
@NeedsDocker
class ServiceAcceptanceTest {
  /**
   * A check that a loaded machine cannot fail: ECS's default 5 s timeout and 3 retries let three
   * slow {@code docker exec}s in a row (CI runs four Docker classes on two cores) mark a healthy
   * task UNHEALTHY, and the scheduler then rightly replaces it, which is not what the test measures.
   */
  private static final String HEALTH = ",\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"exit 0\"],"
      + "\"interval\":5,\"timeout\":30,\"retries\":10}";
  private static TestRuntimes runtime;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  @NeedsAwsCli
  void theAwsCliSeesTheServiceRunItsDesiredCount() throws IOException, InterruptedException {
    Map<String, String> aws = runtime.awsEnvironment();
    AwsCli.json(aws, "ecs", "create-cluster", "--cluster-name", "cli");
    Path input = Files.createTempFile("ecsl-td", ".json");
    Files.writeString(input, taskDefinition("cli-web", SERVE, "", ""));
    AwsCli.json(aws, "ecs", "register-task-definition", "--cli-input-json", "file://" + input);
    Files.delete(input);
    JsonNode created = AwsCli.json(aws, "ecs", "create-service", "--cluster", "cli", "--service-name", "web",
        "--task-definition", "cli-web", "--desired-count", "2");
    assertEquals("ACTIVE", created.at("/service/status").asText());
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "cli");
    await(() -> ecs.service("web").get("runningCount").asInt() == 2, Duration.ofSeconds(20), "2 running tasks");

    JsonNode described = AwsCli.json(aws, "ecs", "describe-services", "--cluster", "cli", "--services", "web");
    JsonNode service = described.at("/services/0");
    assertEquals(2, service.get("desiredCount").asInt());
    assertEquals(service.get("desiredCount").asInt(), service.get("runningCount").asInt());
    assertEquals(0, service.get("pendingCount").asInt());
  }

  @Test
  void aRollingDeploymentOfFourTasksKeepsFourHealthyAndNeverExceedsEight() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "roll");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("roll-web", SERVE, HEALTH, ""));
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"roll-web:1\",\"desiredCount\":4,"
        + "\"deploymentConfiguration\":{\"minimumHealthyPercent\":100,\"maximumPercent\":200}}");
    await(() -> "COMPLETED".equals(ecs.service("web").at("/deployments/0/rolloutState").asText()),
        Duration.ofSeconds(30), "the first deployment to complete");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("roll-web", SERVE + " ", HEALTH, ""));
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"taskDefinition\":\"roll-web:2\"}");

    int minHealthy = Integer.MAX_VALUE;
    String leastHealthy = "";
    int maxTasks = 0;
    int samples = 0;
    long started = System.nanoTime();
    while (true) {
      List<JsonNode> tasks = ecs.everyTask();
      List<JsonNode> live = tasks.stream().filter(t -> !t.get("lastStatus").asText().equals("STOPPED")).toList();
      long healthy = live.stream().filter(t -> t.get("lastStatus").asText().equals("RUNNING")
          && t.get("healthStatus").asText().equals("HEALTHY")).count();
      if (healthy < minHealthy) {
        minHealthy = (int) healthy;
        leastHealthy = describe(live);
      }
      maxTasks = Math.max(maxTasks, live.size());
      samples++;
      JsonNode service = ecs.service("web");
      boolean done = service.get("deployments").size() == 1
          && "COMPLETED".equals(service.at("/deployments/0/rolloutState").asText())
          && service.at("/deployments/0/taskDefinition").asText().endsWith("roll-web:2") && live.size() == 4;
      if (done) {
        break;
      }
      assertTrue(System.nanoTime() - started < Duration.ofSeconds(60 * DockerTestSupport.LOADED_MACHINE_FACTOR).toNanos(),
          "the deployment did not finish");
      DockerTestSupport.sleep(50);
    }
    System.out.printf("ACCEPTANCE rolling deployment: %d samples over %.1f s, min healthy %d, max tasks %d%n",
        samples, (System.nanoTime() - started) / 1e9, minHealthy, maxTasks);
    assertTrue(minHealthy >= 4, "healthy tasks fell to " + minHealthy + " in the sample " + leastHealthy
        + "; service events: " + ecs.service("web").get("events"));
    assertTrue(maxTasks <= 8, "tasks rose to " + maxTasks);
    assertTrue(maxTasks > 4, "max 200% should have started new tasks before stopping old ones");
  }

  /** One line per task: id, revision, last and desired status, health, for a failure message. */
  private static String describe(List<JsonNode> tasks) {
    StringBuilder out = new StringBuilder();
    for (JsonNode task : tasks) {
      String arn = task.get("taskArn").asText();
      String definition = task.get("taskDefinitionArn").asText();
      out.append("\n  ").append(arn.substring(arn.lastIndexOf('/') + 1))
          .append(' ').append(definition.substring(definition.lastIndexOf(':') + 1))
          .append(' ').append(task.get("lastStatus").asText()).append('/').append(task.get("desiredStatus").asText())
          .append(' ').append(task.get("healthStatus").asText());
    }
    return out.toString();
  }

  @Test
  void aCrashingRevisionTripsTheCircuitBreakerAndRollsBack() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "breaker");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("breaker-web", SERVE, HEALTH, ""));
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"breaker-web:1\",\"desiredCount\":2,"
        + "\"deploymentConfiguration\":{\"deploymentCircuitBreaker\":{\"enable\":true,\"rollback\":true}}}");
    await(() -> "COMPLETED".equals(ecs.service("web").at("/deployments/0/rolloutState").asText()),
        Duration.ofSeconds(30), "the first deployment to complete");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("breaker-web", "echo starting; exit 1", HEALTH, ""));
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"taskDefinition\":\"breaker-web:2\"}");

    JsonNode service = await(() -> {
      JsonNode current = ecs.service("web");
      boolean rolledBack = current.get("taskDefinition").asText().endsWith("breaker-web:1")
          && current.get("deployments").size() == 1
          && "COMPLETED".equals(current.at("/deployments/0/rolloutState").asText());
      return rolledBack ? current : null;
    }, Duration.ofSeconds(60), "the rollback to revision 1 to complete");
    List<String> events = Json.list(service, "events").stream().map(e -> e.get("message").asText()).toList();
    assertTrue(events.stream().anyMatch(m -> m.endsWith("deployment failed: tasks failed to start.")), events.toString());
    assertTrue(events.stream().anyMatch(m -> m.startsWith("(service web) rolling back to deployment")), events.toString());
    assertEquals(2, service.get("runningCount").asInt());
    long failed = ecs.everyTask().stream().filter(t -> t.get("taskDefinitionArn").asText().endsWith(":2")).count();
    assertTrue(failed >= 3, "the default threshold for 2 tasks is 3 failures; saw " + failed);
  }
}
