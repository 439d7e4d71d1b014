package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.home.RuntimeStartException;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.NeedsDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime process over a lost state: its data is private (0700, 0600 files); a start over a
 * missing, emptied or deleted state while its previous instance's containers still run is refused
 * with both ways out, and {@code ecsl runtime status} says why; {@code --adopt} takes the
 * containers over as tasks the runtime shows, stops and cleans.
 */
@NeedsDocker
class LostStateTest {
  private Path dataDir;
  private RuntimeOptions options;
  private DockerBackend docker;
  private String instance;

  @BeforeEach
  void setUp() throws IOException {
    dataDir = Files.createTempDirectory("ecsl-lost-state-test").resolve("runtime");
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
    if (instance != null) {
      LocalRuntime.removeLabelled(docker, instance);
    }
    TestRuntimes.deleteRecursively(dataDir.getParent());
    docker.close();
  }

  /** Starts the runtime, runs a service of two tasks, stops the runtime (its containers keep running). */
  private Set<String> runTwoTasksAndStop() {
    RuntimeStatus first = LocalRuntime.start(options, message -> { });
    instance = first.instanceId();
    DockerTestSupport ecs = new DockerTestSupport(LocalRuntime.client(dataDir), "lost");
    ecs.ecs("RegisterTaskDefinition", DockerTestSupport.taskDefinition("lost", SERVE, "", ""));
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"lost\",\"desiredCount\":2}");
    await(() -> ecs.service("web").get("runningCount").asInt() == 2, Duration.ofSeconds(20), "2 running tasks");
    Set<String> tasks = ecs.everyTask().stream().map(t -> t.get("taskArn").asText()).collect(Collectors.toSet());
    assertTrue(LocalRuntime.stop(dataDir, false, message -> { }));
    assertEquals(2, running().size(), "stopping the runtime leaves its tasks running");
    return tasks;
  }

  private List<ObservedContainer> running() {
    // The tasks' own containers (a bridge-mode container's metadata relay runs beside it).
    return docker.listContainers(Labels.RUNTIME, instance).stream().filter(ObservedContainer::isRunning)
        .filter(c -> Labels.ROLE_APP.equals(c.label(Labels.ROLE))).toList();
  }

  @Test
  void theDataDirectoryAndItsFilesAreTheOwnersAlone() throws IOException {
    runTwoTasksAndStop();
    LocalRuntime.start(options, message -> { });
    assertEquals("rwx------", PrivateFiles.mode(dataDir));
    for (String file : List.of("credentials", "state.db", "state.db-wal", "state.db-shm", "runtime.log",
        "runtime.json", "instance-id", "runtime.lock")) {
      assertEquals("rw-------", PrivateFiles.mode(dataDir.resolve(file)), file);
    }
  }

  @Test
  void aMissingStateWithRunningContainersIsRefusedThenAdopted() throws IOException {
    Set<String> tasks = runTwoTasksAndStop();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(dataDir.resolve("state.db" + suffix));
    }
    RuntimeStartException refused = assertThrows(RuntimeStartException.class,
        () -> LocalRuntime.start(options, message -> { }));
    assertTrue(refused.getMessage().contains("is missing or empty, but 2 containers of its previous instance "
        + instance + " are still running"), refused.getMessage());
    assertTrue(refused.getMessage().contains("ecsl runtime start --adopt"), refused.getMessage());
    assertTrue(refused.getMessage().contains("docker ps -aq --filter label=io.ecsl.runtime=" + instance
        + " | xargs -r docker rm -f"), refused.getMessage());
    assertEquals(2, running().size(), "the refused start touched nothing");
    RuntimeStatus status = LocalRuntime.status(dataDir);
    assertFalse(status.running());
    assertTrue(status.problem().startsWith("its last start failed: the runtime's state in"), status.problem());

    Files.write(dataDir.resolve("state.db"), new byte[0]);
    RuntimeStartException empty = assertThrows(RuntimeStartException.class,
        () -> LocalRuntime.start(options, message -> { }));
    assertTrue(empty.getMessage().contains("missing or empty"), empty.getMessage());

    RuntimeStatus adopted = LocalRuntime.start(options.withAdopt(true), message -> { });
    assertEquals(instance, adopted.instanceId(), "the runtime took the previous instance's identity");
    DockerTestSupport ecs = new DockerTestSupport(LocalRuntime.client(dataDir), "lost");
    List<JsonNode> found = ecs.everyTask();
    assertEquals(tasks, found.stream().map(t -> t.get("taskArn").asText()).collect(Collectors.toSet()));
    assertTrue(found.stream().allMatch(t -> t.get("lastStatus").asText().equals("RUNNING")), found.toString());

    String victim = found.get(0).get("taskArn").asText();
    ecs.ecs("StopTask", "{\"task\":\"" + victim + "\"}");
    ecs.awaitTask(victim, "STOPPED", Duration.ofSeconds(40));
    assertEquals(1, running().size(), "an adopted task stops like any other");
    assertTrue(LocalRuntime.stop(dataDir, true, message -> { }));
    assertTrue(docker.listContainers(Labels.RUNTIME, instance).isEmpty(), "stop --clean removes adopted containers");
  }

  @Test
  void aDeletedDataDirectoryIsFoundByTheContainersLabels() throws IOException {
    runTwoTasksAndStop();
    TestRuntimes.deleteRecursively(dataDir);
    RuntimeStartException refused = assertThrows(RuntimeStartException.class,
        () -> LocalRuntime.start(options, message -> { }));
    assertTrue(refused.getMessage().contains("2 containers of its previous instance " + instance), refused.getMessage());
    LocalRuntime.stop(dataDir, true, message -> { });
    assertTrue(docker.listContainers(Labels.RUNTIME, instance).isEmpty(),
        "stop --clean finds them by the data directory's label");
  }
}
