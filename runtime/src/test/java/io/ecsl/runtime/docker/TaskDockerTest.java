package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static io.ecsl.runtime.docker.DockerTestSupport.docker;
import static io.ecsl.runtime.docker.DockerTestSupport.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.NeedsDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The task lifecycle on real Docker (ECS semantics §5), one cluster per test. */
@NeedsDocker
class TaskDockerTest {
  private static TestRuntimes runtime;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static DockerTestSupport cluster(String name) {
    return new DockerTestSupport(runtime.client(), name);
  }

  @Test
  void anEssentialContainerExitStopsTheTaskAndSigtermsTheOthers() {
    DockerTestSupport ecs = cluster("essential");
    // main waits for the sidecar to start: on a loaded machine the sidecar could otherwise still be
    // being created when main exits, and a container that never ran has no exit code to check.
    ecs.ecs("RegisterTaskDefinition", """
        {"family":"essential","memory":"128","containerDefinitions":[
          {"name":"main","image":"ecsl/busybox:latest","command":["sh","-c","sleep 1; exit 3"],
           "dependsOn":[{"containerName":"sidecar","condition":"START"}]},
          {"name":"sidecar","image":"ecsl/busybox:latest","essential":false,
           "command":["sh","-c","trap 'echo got TERM; exit 0' TERM; sleep 3600 & wait"]}]}
        """);
    String arn = ecs.runTask("essential");
    JsonNode task = ecs.awaitTask(arn, "STOPPED", Duration.ofSeconds(20));
    assertEquals("EssentialContainerExited", task.get("stopCode").asText());
    assertEquals("Essential container in task exited", task.get("stoppedReason").asText());
    assertEquals(3, container(task, "main").get("exitCode").asInt());
    assertEquals(0, container(task, "sidecar").get("exitCode").asInt(), "the sidecar got SIGTERM and exited 0");
    assertTrue(ecs.logs(arn, "sidecar").contains("got TERM"));
    assertTrue(task.has("startedAt") && task.has("stoppingAt") && task.has("executionStoppedAt")
        && task.has("stoppedAt"));
  }

  @Test
  void anImageThatCannotBePulledFailsWithCannotPullContainerError() {
    DockerTestSupport ecs = cluster("pull");
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"pull\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"127.0.0.1:1/ecsl-missing:latest\"}]}");
    JsonNode task = ecs.awaitTask(ecs.runTask("pull"), "STOPPED", Duration.ofSeconds(20));
    assertEquals("TaskFailedToStart", task.get("stopCode").asText());
    assertTrue(task.get("stoppedReason").asText().startsWith("CannotPullContainerError: "),
        task.get("stoppedReason").asText());
    assertTrue(task.get("stoppedReason").asText().contains("127.0.0.1:1/ecsl-missing"));
  }

  @Test
  void aContainerWaitsForItsDependencyToBeHealthy() {
    DockerTestSupport ecs = cluster("deps");
    ecs.ecs("RegisterTaskDefinition", """
        {"family":"deps","memory":"128","containerDefinitions":[
          {"name":"db","image":"ecsl/busybox:latest","command":["sh","-c","trap 'exit 0' TERM; sleep 3600 & wait"],
           "healthCheck":{"command":["CMD-SHELL","exit 0"],"interval":5}},
          {"name":"app","image":"ecsl/busybox:latest","command":["sh","-c","trap 'exit 0' TERM; sleep 3600 & wait"],
           "dependsOn":[{"containerName":"db","condition":"HEALTHY"}]}]}
        """);
    String arn = ecs.runTask("deps");
    boolean appRanBeforeDbHealthy = false;
    Instant deadline = Instant.now().plusSeconds(30L * DockerTestSupport.LOADED_MACHINE_FACTOR);
    JsonNode task = ecs.task(arn);
    while (!task.get("lastStatus").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
      boolean appRunning = container(task, "app").get("lastStatus").asText().equals("RUNNING");
      boolean dbHealthy = container(task, "db").get("healthStatus").asText().equals("HEALTHY");
      appRanBeforeDbHealthy |= appRunning && !dbHealthy;
      DockerTestSupport.sleep(100);
      task = ecs.task(arn);
    }
    assertEquals("RUNNING", task.get("lastStatus").asText(), task::toPrettyString);
    assertFalse(appRanBeforeDbHealthy, "app was RUNNING while db was not yet HEALTHY");
    Instant dbHealthyAt = Instant.parse(docker("inspect", "-f", "{{(index .State.Health.Log 0).End.Format \"2006-01-02T15:04:05.999999999Z07:00\"}}",
        container(task, "db").get("runtimeId").asText()));
    Instant appStartedAt = Instant.parse(docker("inspect", "-f", "{{.State.StartedAt}}",
        container(task, "app").get("runtimeId").asText()));
    assertTrue(appStartedAt.isAfter(dbHealthyAt), "app started " + appStartedAt + ", db healthy " + dbHealthyAt);
    ecs.ecs("StopTask", "{\"task\":\"" + arn + "\"}");
  }

  @Test
  void aContainerThatIgnoresSigtermIsKilledAfterItsStopTimeout() {
    DockerTestSupport ecs = cluster("stoptimeout");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("stubborn", "sleep 3600", ",\"stopTimeout\":2", ""));
    String arn = ecs.runTask("stubborn");
    ecs.awaitTask(arn, "RUNNING", Duration.ofSeconds(20));
    long stopAt = System.nanoTime();
    ecs.ecs("StopTask", "{\"task\":\"" + arn + "\"}");
    JsonNode task = ecs.awaitTask(arn, "STOPPED", Duration.ofSeconds(20));
    double seconds = (System.nanoTime() - stopAt) / 1e9;
    assertEquals(137, container(task, "app").get("exitCode").asInt(), "SIGKILL after the timeout");
    // At least the task's 2 s, and less than the 30 s default an ignored stopTimeout would give
    // (not a speed target: a loaded engine can take many seconds to report the kill).
    assertTrue(seconds >= 2.0 && seconds < 30.0, "stopping took " + seconds + " s with stopTimeout 2");
    assertEquals("UserInitiated", task.get("stopCode").asText());
    assertEquals("Task stopped by user", task.get("stoppedReason").asText());
  }

  @Test
  void awsvpcContainersShareLocalhostAndPublishPortsOnLoopback() throws Exception {
    DockerTestSupport ecs = cluster("vpc");
    ecs.ecs("RegisterTaskDefinition", """
        {"family":"vpc","networkMode":"awsvpc","cpu":"256","memory":"512","containerDefinitions":[
          {"name":"web","image":"ecsl/busybox:latest","portMappings":[{"containerPort":8080}],
           "command":["sh","-c","trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait"]},
          {"name":"probe","image":"ecsl/busybox:latest","essential":false,
           "command":["sh","-c","for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O- http://localhost:8080/ && exit 0; sleep 0.3; done; exit 1"]}]}
        """);
    String arn = ecs.ecs("RunTask", "{\"taskDefinition\":\"vpc\",\"networkConfiguration\":{\"awsvpcConfiguration\":"
        + "{\"subnets\":[\"subnet-local\"]}}}").at("/tasks/0/taskArn").asText();
    JsonNode task = await(() -> {
      JsonNode current = ecs.task(arn);
      return container(current, "probe").get("lastStatus").asText().equals("STOPPED") ? current : null;
    }, Duration.ofSeconds(30), "the probe to finish");
    JsonNode stoppedTask = task;
    assertEquals(0, container(task, "probe").path("exitCode").asInt(-1),
        () -> ecs.logs(arn, "probe") + "\n" + stoppedTask.toPrettyString());
    assertTrue(ecs.logs(arn, "probe").contains("Hello from ecsl"), "probe reached web on localhost");
    assertEquals("RUNNING", task.get("lastStatus").asText(), "a non-essential exit leaves the task running");

    JsonNode binding = container(task, "web").at("/networkBindings/0");
    assertEquals("127.0.0.1", binding.get("bindIP").asText());
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + binding.get("hostPort").asInt() + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(response.body().contains("Hello from ecsl"));
    String ip = task.at("/attachments/0/details/0/value").asText();
    assertTrue(ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), "the task has its own address: " + ip);
    ecs.ecs("StopTask", "{\"task\":\"" + arn + "\"}");
  }

  @Test
  void secretsComeFromTheRuntimesSecretStoreAndAMissingOneFailsTheTask() {
    DockerTestSupport ecs = cluster("secrets");
    ecs.ecs("RegisterTaskDefinition", taskDefinition("secrets", "echo password=$DB_PASSWORD; " + SERVE,
        ",\"secrets\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"arn:aws:ssm:us-east-1:000000000000:parameter/shop/db\"}]",
        ""));
    JsonNode failed = ecs.awaitTask(ecs.runTask("secrets"), "STOPPED", Duration.ofSeconds(20));
    assertEquals("TaskFailedToStart", failed.get("stopCode").asText());
    assertTrue(failed.get("stoppedReason").asText().startsWith("ResourceInitializationError: unable to pull secrets"),
        failed.get("stoppedReason").asText());

    LocalRuntime.putSecret(runtime.dataDir(), "/shop/db", "s3cr3t");
    String arn = ecs.runTask("secrets");
    ecs.awaitTask(arn, "RUNNING", Duration.ofSeconds(20));
    await(() -> ecs.logs(arn, "app").contains("password=s3cr3t"), Duration.ofSeconds(10), "the secret in the logs");
    ecs.ecs("StopTask", "{\"task\":\"" + arn + "\"}");
  }

  @Test
  void containerSettingsReachDocker() {
    DockerTestSupport ecs = cluster("settings");
    ecs.ecs("RegisterTaskDefinition", """
        {"family":"settings","volumes":[{"name":"scratch"},{"name":"cache","dockerVolumeConfiguration":{"scope":"task"}}],
         "containerDefinitions":[{"name":"app","image":"ecsl/busybox:latest","cpu":256,"memory":64,
           "memoryReservation":32,"user":"nobody","workingDirectory":"/tmp","readonlyRootFilesystem":true,
           "environment":[{"name":"STAGE","value":"local"}],"command":["sh","-c","trap 'exit 0' TERM; sleep 3600 & wait"],
           "ulimits":[{"name":"nofile","softLimit":1024,"hardLimit":2048}],
           "extraHosts":[{"hostname":"db.internal","ipAddress":"10.0.0.5"}],
           "dockerLabels":{"team":"shop"},"mountPoints":[{"sourceVolume":"scratch","containerPath":"/data"},
           {"sourceVolume":"cache","containerPath":"/cache","readOnly":true}],
           "linuxParameters":{"initProcessEnabled":true,"capabilities":{"drop":["NET_RAW"]},
           "tmpfs":[{"containerPath":"/run","size":16}]}}]}
        """);
    String arn = ecs.runTask("settings");
    JsonNode task = ecs.awaitTask(arn, "RUNNING", Duration.ofSeconds(20));
    JsonNode inspect = Json.parse(docker("inspect", container(task, "app").get("runtimeId").asText())).get(0);
    JsonNode host = inspect.get("HostConfig");
    assertEquals(64L * 1024 * 1024, host.get("Memory").asLong());
    assertEquals(32L * 1024 * 1024, host.get("MemoryReservation").asLong());
    assertEquals(256, host.get("CpuShares").asInt());
    assertTrue(host.get("ReadonlyRootfs").asBoolean());
    assertTrue(host.get("Init").asBoolean());
    assertEquals("NET_RAW", host.at("/CapDrop/0").asText());
    assertEquals(2048, host.at("/Ulimits/0/Hard").asInt());
    assertEquals("db.internal:10.0.0.5", host.at("/ExtraHosts/0").asText());
    assertTrue(host.at("/Tmpfs/~1run").asText().contains("size=16m"));
    assertEquals("json-file", host.at("/LogConfig/Type").asText());
    JsonNode config = inspect.get("Config");
    assertEquals("nobody", config.get("User").asText());
    assertEquals("/tmp", config.get("WorkingDir").asText());
    assertTrue(Json.strings(config, "Env").contains("STAGE=local"));
    assertEquals("shop", config.at("/Labels/team").asText());
    assertEquals(arn, config.at("/Labels/com.amazonaws.ecs.task-arn").asText());
    assertEquals(runtime.instanceId(), config.at("/Labels/io.ecsl.runtime").asText());
    String mounts = inspect.get("Mounts").toString();
    assertTrue(mounts.contains("/data") && mounts.contains("/cache"), mounts);
    ecs.ecs("StopTask", "{\"task\":\"" + arn + "\"}");
  }

  private static JsonNode container(JsonNode task, String name) {
    for (JsonNode container : task.get("containers")) {
      if (container.get("name").asText().equals(name)) {
        return container;
      }
    }
    throw new AssertionError("task has no container " + name + ": " + task);
  }
}
