package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.backend.InMemoryBackend;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control loop cannot die silently: a pass that throws (even an Error) is logged and the loop
 * goes on to launch what it must; a pass that never completes, or passes that keep failing, make
 * health and {@code LocalRuntime.status} (what {@code ecsl runtime status} prints) say the runtime
 * is unhealthy, and why.
 */
class LoopHealthTest {
  private TestRuntimes runtime;
  private InMemoryBackend backend;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory(ControlPlane.Options.defaults().withStallAfter(Duration.ofSeconds(1)));
    backend = (InMemoryBackend) runtime.backend();
    runtime.client().ecs("CreateCluster", Json.parse("{\"clusterName\":\"loop\"}"));
    runtime.client().ecs("RegisterTaskDefinition", Json.parse("{\"family\":\"web\",\"memory\":\"64\","
        + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\","
        + "\"sleep 3600 & wait\"]}]}"));
  }

  @AfterEach
  void stop() {
    backend.stallListings(false);
    backend.failListings(null);
    runtime.close();
  }

  @Test
  void aPassThatThrowsAnErrorIsLoggedAndTheLoopGoesOn() {
    backend.failListings(new NoClassDefFoundError("simulated: a class the pass needs is missing"));
    JsonNode failing = await(() -> {
      JsonNode loop = runtime.client().health().get("controlLoop");
      return loop.get("failuresInARow").asInt() >= 3 ? loop : null;
    }, "passes to fail");
    assertTrue(failing.get("lastError").asText().contains("simulated"), failing.toString());

    runtime.client().ecs("CreateService", Json.parse("{\"cluster\":\"loop\",\"serviceName\":\"web\","
        + "\"taskDefinition\":\"web\",\"desiredCount\":2}"));
    backend.failListings(null);
    await(() -> service().get("runningCount").asInt() == 2 ? true : null, "the loop, still alive, to launch 2 tasks");
    assertEquals(0, runtime.client().health().at("/controlLoop/failuresInARow").asInt());
  }

  @Test
  void aStalledLoopMakesTheRuntimeUnhealthyAndItRecovers() {
    backend.stallListings(true);
    RuntimeStatus stalled = await(() -> {
      RuntimeStatus status = LocalRuntime.status(runtime.dataDir());
      return status.running() && !status.healthy() ? status : null;
    }, "the runtime to report the stalled loop");
    assertTrue(stalled.problem().startsWith("the control loop has not completed a pass for "), stalled.problem());
    assertFalse(stalled.toJson().get("healthy").asBoolean());

    backend.stallListings(false);
    await(() -> LocalRuntime.status(runtime.dataDir()).healthy() ? true : null, "the loop to pass again");
  }

  @Test
  void passesFailingForLongerThanTheThresholdAreUnhealthyToo() {
    backend.failListings(new IllegalStateException("simulated: the store's disk is full"));
    RuntimeStatus failing = await(() -> {
      RuntimeStatus status = LocalRuntime.status(runtime.dataDir());
      return !status.healthy() ? status : null;
    }, "the runtime to report the failing passes");
    assertTrue(failing.problem().startsWith("every control-loop pass for the last "), failing.problem());
    assertTrue(failing.problem().contains("the store's disk is full"), failing.problem());
  }

  private JsonNode service() {
    return runtime.client().ecs("DescribeServices", Json.parse("{\"cluster\":\"loop\",\"services\":[\"web\"]}"))
        .at("/services/0");
  }

  private static <T> T await(Supplier<T> probe, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
