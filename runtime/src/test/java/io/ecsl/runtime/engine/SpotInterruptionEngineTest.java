package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.model.TaskEntity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A FARGATE_SPOT interruption (§7.1): warning, SIGTERM, killed at the end of the notice, replaced on Spot. */
class SpotInterruptionEngineTest {
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"w\",\"capacityProviders\":[\"FARGATE\",\"FARGATE_SPOT\"]}");
    // ignores SIGTERM (no trap), and asks for more than the notice leaves it
    engine.registerTaskDefinition("{\"family\":\"worker\",\"networkMode\":\"awsvpc\",\"requiresCompatibilities\":"
        + "[\"FARGATE\"],\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":"
        + "\"ecsl/busybox:latest\",\"command\":[\"sleep\",\"3600\"],\"stopTimeout\":100}]}");
    engine.ecs("CreateService", "{\"cluster\":\"w\",\"serviceName\":\"worker\",\"taskDefinition\":\"worker\","
        + "\"desiredCount\":2,\"capacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE\",\"base\":1,\"weight\":0},"
        + "{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":1}],\"networkConfiguration\":{\"awsvpcConfiguration\":"
        + "{\"subnets\":[\"subnet-1\"]}}}");
    engine.ticks(5);
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  @Test
  void anInterruptedSpotTaskIsWarnedKilledAtTheEndOfTheNoticeAndReplacedOnSpot() {
    JsonNode spot = engine.tasks("w", "RUNNING").stream()
        .filter(t -> t.get("capacityProviderName").asText().equals("FARGATE_SPOT")).findFirst().orElseThrow();
    String arn = spot.get("taskArn").asText();
    RuntimeState state = engine.plane().state();
    state.atomically(() -> SpotInterruptions.interrupt(state, state.tasks.get(arn), Duration.ofSeconds(10),
        engine.clock.instant()));
    JsonNode warned = task(arn);
    assertEquals("STOPPED", warned.get("desiredStatus").asText());
    assertEquals("RUNNING", warned.get("lastStatus").asText());
    assertEquals("SpotInterruption", warned.get("stopCode").asText());
    assertEquals("Your Spot Task was interrupted.", warned.get("stoppedReason").asText());
    assertTrue(engine.service("w", "worker").get("events").toString().contains("Fargate Spot interruption notice"));
    engine.run(9, Duration.ofSeconds(1));
    assertEquals("RUNNING", task(arn).at("/containers/0/lastStatus").asText(), "SIGTERM ignored, notice not over");
    engine.run(3, Duration.ofSeconds(1));
    JsonNode stopped = task(arn);
    assertEquals("STOPPED", stopped.get("lastStatus").asText());
    assertEquals(137, stopped.at("/containers/0/exitCode").asInt(), "killed when the notice ran out");
    engine.ticks(3);
    List<JsonNode> running = engine.tasks("w", "RUNNING");
    assertEquals(2, running.size());
    assertEquals(1, running.stream().filter(t -> t.get("capacityProviderName").asText().equals("FARGATE_SPOT")).count(),
        "the replacement follows the strategy: back on Spot");
  }

  @Test
  void onlySpotTasksCanBeInterrupted() {
    JsonNode onDemand = engine.tasks("w", "RUNNING").stream()
        .filter(t -> t.get("capacityProviderName").asText().equals("FARGATE")).findFirst().orElseThrow();
    TaskEntity task = engine.plane().state().tasks.get(onDemand.get("taskArn").asText());
    assertNotNull(SpotInterruptions.refusal(task));
    assertTrue(SpotInterruptions.refusal(task).contains("does not run on FARGATE_SPOT"));
  }

  private JsonNode task(String arn) {
    return engine.allTasks("w").stream().filter(t -> t.get("taskArn").asText().equals(arn)).findFirst().orElseThrow();
  }
}
