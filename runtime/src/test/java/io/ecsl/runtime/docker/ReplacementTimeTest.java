package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static io.ecsl.runtime.docker.DockerTestSupport.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.testing.NeedsDocker;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The replacement-time acceptance figure on real Docker. Isolated (no other test runs meanwhile)
 * because it measures time.
 */
@Isolated
@NeedsDocker
class ReplacementTimeTest {
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
  void aContainerKilledWithDockerKillIsReplacedWithinTwoSeconds() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "kill");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("kill-web", SERVE, "", ""));
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"kill-web\",\"desiredCount\":2}");
    await(() -> ecs.service("web").get("runningCount").asInt() == 2, Duration.ofSeconds(20), "2 running tasks");
    JsonNode victim = ecs.everyTask().get(0);
    Set<String> before = ecs.everyTask().stream().map(t -> t.get("taskArn").asText()).collect(Collectors.toSet());

    long killedAt = System.nanoTime();
    DockerTestSupport.docker("kill", victim.at("/containers/0/runtimeId").asText());
    JsonNode replacement = await(() -> ecs.everyTask().stream()
        .filter(t -> !before.contains(t.get("taskArn").asText()) && t.get("lastStatus").asText().equals("RUNNING"))
        .findFirst().orElse(null), Duration.ofSeconds(10), "a replacement task RUNNING");
    double seconds = (System.nanoTime() - killedAt) / 1e9;
    System.out.printf("ACCEPTANCE replacement RUNNING %.3f s after docker kill%n", seconds);

    assertTrue(seconds < 2.0, "replacement took " + seconds + " s");
    JsonNode killed = ecs.task(victim.get("taskArn").asText());
    assertEquals("EssentialContainerExited", killed.get("stopCode").asText());
    assertEquals(137, killed.at("/containers/0/exitCode").asInt());
    assertEquals("service:web", replacement.get("group").asText());
  }

}
