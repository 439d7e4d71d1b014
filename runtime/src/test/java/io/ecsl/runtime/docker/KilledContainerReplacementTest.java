package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static io.ecsl.runtime.docker.DockerTestSupport.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.testing.NeedsDocker;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container killed behind the runtime's back (`docker kill`) stops its task as ECS reports it,
 * and the service replaces the task. How fast is measured by {@code bench/runtime/replacement.sh},
 * not here: a timed assertion fails on a busy machine without anything being wrong.
 */
@NeedsDocker
class KilledContainerReplacementTest {
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
  void aContainerKilledWithDockerKillStopsItsTaskAndIsReplaced() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "kill");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("kill-web", SERVE, "", ""));
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"kill-web\",\"desiredCount\":2}");
    await(() -> ecs.service("web").get("runningCount").asInt() == 2, Duration.ofSeconds(20), "2 running tasks");
    JsonNode victim = ecs.everyTask().get(0);
    Set<String> before = ecs.everyTask().stream().map(t -> t.get("taskArn").asText()).collect(Collectors.toSet());

    DockerTestSupport.docker("kill", victim.at("/containers/0/runtimeId").asText());
    JsonNode replacement = await(() -> ecs.everyTask().stream()
        .filter(t -> !before.contains(t.get("taskArn").asText()) && t.get("lastStatus").asText().equals("RUNNING"))
        .findFirst().orElse(null), Duration.ofSeconds(30), "a replacement task RUNNING");

    JsonNode killed = ecs.task(victim.get("taskArn").asText());
    assertEquals("EssentialContainerExited", killed.get("stopCode").asText());
    assertEquals(137, killed.at("/containers/0/exitCode").asInt());
    assertEquals("service:web", replacement.get("group").asText());
  }

}
