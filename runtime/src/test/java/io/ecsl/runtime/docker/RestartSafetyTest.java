package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.client.RuntimeProgress;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.NeedsDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime as its own process (what {@code ecsl runtime start} launches): killed with
 * {@code kill -9} in the middle of a rolling deployment, started again, it adopts the running
 * containers and finishes the deployment without duplicating or orphaning a task. Then
 * {@code stop --clean} leaves no container, network or volume behind.
 */
@NeedsDocker
class RestartSafetyTest {
  private Path dataDir;
  private RuntimeOptions options;
  private DockerBackend docker;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    dataDir = Files.createTempDirectory("ecsl-restart-test");
    options = RuntimeOptions.defaults().withDataDir(dataDir).withPort(FreePorts.forAServerProcess());
    docker = DockerBackend.connect();
    docker.ping();
  }

  @AfterEach
  void tearDown() {
    RuntimeStatus status = LocalRuntime.status(dataDir);
    if (status.running()) {
      ProcessHandle.of(status.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
    if (Files.exists(dataDir.resolve("state.db"))) {
      try (var store = io.ecsl.runtime.store.Store.open(dataDir)) {
        LocalRuntime.removeLabelled(docker, store.instanceId());
      }
    }
    TestRuntimes.deleteRecursively(dataDir);
    docker.close();
  }


  @Test
  void aRuntimeKilledMidDeploymentFinishesItAfterRestartAndCleanLeavesNothing() {
    RuntimeProgress recorder = progress::add;
    RuntimeStatus first = LocalRuntime.start(options, recorder);
    assertTrue(first.running());
    assertEquals("http://127.0.0.1:" + options.port(), first.endpoint().toString());
    DockerTestSupport ecs = new DockerTestSupport(LocalRuntime.client(dataDir), "restart");
    // A check a loaded machine cannot fail (slow docker execs would otherwise make healthy tasks
    // UNHEALTHY and have them replaced, which is not what this test is about).
    String health = ",\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"exit 0\"],\"interval\":5,\"timeout\":30,\"retries\":10}";
    String definition = "{\"family\":\"restart\",\"networkMode\":\"awsvpc\",\"cpu\":\"256\",\"memory\":\"512\","
        + "\"volumes\":[{\"name\":\"scratch\"}],\"containerDefinitions\":[{\"name\":\"app\",\"image\":"
        + "\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"%s\"],\"portMappings\":[{\"containerPort\":8080}],"
        + "\"mountPoints\":[{\"sourceVolume\":\"scratch\",\"containerPath\":\"/data\"}]" + health + "}]}";
    ecs.ecs("RegisterTaskDefinition", String.format(definition, SERVE));
    String network = ",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}";
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"restart:1\",\"desiredCount\":4" + network
        + "}");
    await(() -> "COMPLETED".equals(ecs.service("web").at("/deployments/0/rolloutState").asText()),
        Duration.ofSeconds(40), "the first deployment to complete");

    ecs.ecs("RegisterTaskDefinition", String.format(definition, SERVE + " "));
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"taskDefinition\":\"restart:2\"}");
    await(() -> ecs.service("web").at("/deployments/0/runningCount").asInt() >= 2, Duration.ofSeconds(20),
        "new tasks to be running (not yet healthy)");
    assertEquals(2, ecs.service("web").get("deployments").size(), "the deployment is in progress");
    ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
    await(() -> !ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false), Duration.ofSeconds(10),
        "the runtime to die");
    assertFalse(LocalRuntime.status(dataDir).running());

    RuntimeStatus second = LocalRuntime.start(options, recorder);
    assertTrue(second.running());
    assertEquals(first.instanceId(), second.instanceId(), "the same data directory, the same runtime identity");
    DockerTestSupport again = new DockerTestSupport(LocalRuntime.client(dataDir), "restart");
    JsonNode service = await(() -> {
      JsonNode current = again.service("web");
      boolean done = current.get("deployments").size() == 1
          && "COMPLETED".equals(current.at("/deployments/0/rolloutState").asText())
          && current.get("taskDefinition").asText().endsWith("restart:2") && current.get("runningCount").asInt() == 4;
      return done ? current : null;
    }, Duration.ofSeconds(60), "the deployment to finish after the restart");
    assertEquals(4, service.get("desiredCount").asInt());

    List<JsonNode> tasks = again.everyTask();
    long revisionTwo = tasks.stream().filter(t -> t.get("taskDefinitionArn").asText().endsWith("restart:2")).count();
    assertEquals(4, revisionTwo, () -> "exactly 4 tasks of the new revision were ever created: no duplicates; "
        + "tasks: " + tasks.stream().map(t -> t.get("taskDefinitionArn").asText().replaceAll(".*/", "") + " "
            + t.path("lastStatus").asText() + " " + t.path("stopCode").asText() + " " + t.path("stoppedReason").asText())
        .toList());
    Set<String> running = tasks.stream().filter(t -> t.get("lastStatus").asText().equals("RUNNING"))
        .map(t -> t.get("taskArn").asText().substring(t.get("taskArn").asText().lastIndexOf('/') + 1))
        .collect(Collectors.toSet());
    assertEquals(4, running.size());
    Map<String, Integer> appContainers = new HashMap<>();
    for (ObservedContainer container : docker.listContainers(Labels.RUNTIME, second.instanceId())) {
      if (container.isRunning()) {
        assertTrue(running.contains(container.label(Labels.TASK)), "orphan container " + container.name());
        if (Labels.ROLE_APP.equals(container.label(Labels.ROLE))) {
          appContainers.merge(container.label(Labels.TASK), 1, Integer::sum);
        }
      }
    }
    assertEquals(4, appContainers.size());
    assertTrue(appContainers.values().stream().allMatch(n -> n == 1), appContainers.toString());

    assertTrue(LocalRuntime.stop(dataDir, true, recorder));
    assertTrue(docker.listContainers(Labels.RUNTIME, second.instanceId()).isEmpty(), "containers left behind");
    assertTrue(docker.listNetworks(Labels.RUNTIME, second.instanceId()).isEmpty(), "networks left behind");
    assertTrue(docker.listVolumes(Labels.RUNTIME, second.instanceId()).isEmpty(), "volumes left behind");
    assertFalse(Files.exists(dataDir), "the data directory is deleted");
    assertTrue(progress.stream().anyMatch(p -> p.startsWith("removed ")), progress.toString());
  }
}
