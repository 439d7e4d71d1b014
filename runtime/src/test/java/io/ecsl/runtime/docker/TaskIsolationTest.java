package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static io.ecsl.runtime.docker.DockerTestSupport.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.testing.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tasks never hold the runtime's key, in any network mode: it is in no container's environment
 * and no mount, and a task on the host's network, which reaches the API on 127.0.0.1, is refused
 * like any other unsigned caller. A task can use the runtime's volume area without any flag.
 */
@NeedsDocker
class TaskIsolationTest {
  private static TestRuntimes runtime;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker(HostGrants.NONE.with(HostGrants.ALLOW_HOST_NETWORK, null));
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void noTaskHoldsTheRuntimesKeyInAnyNetworkMode() throws Exception {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "isolation");
    int port = runtime.server().endpoint().getPort();
    Path volume = runtime.dataDir().resolve("volumes").resolve("isolation");
    Files.createDirectories(volume);
    String probe = "env; cat /proc/self/mountinfo; wget -S -O- http://127.0.0.1:" + port
        + "/_ecsl/health 2>&1; echo probe-done; trap 'exit 0' TERM; sleep 3600 & wait";
    for (String mode : List.of("bridge", "host", "awsvpc", "none")) {
      String family = "iso-" + mode;
      ecs.ecs("RegisterTaskDefinition", "{\"family\":\"" + family + "\",\"networkMode\":\"" + mode + "\","
          + "\"cpu\":\"256\",\"memory\":\"512\",\"volumes\":[{\"name\":\"shared\",\"host\":{\"sourcePath\":\"" + volume
          + "\"}}],\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\","
          + "\"-c\",\"" + probe + "\"],\"mountPoints\":[{\"sourceVolume\":\"shared\",\"containerPath\":\"/shared\"}]}]}");
      String network = mode.equals("awsvpc")
          ? ",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}" : "";
      String arn = ecs.ecs("RunTask", "{\"taskDefinition\":\"" + family + "\"" + network + "}")
          .at("/tasks/0/taskArn").asText();
      JsonNode task = ecs.awaitTask(arn, "RUNNING", Duration.ofSeconds(30));
      String output = await(() -> {
        String logs = ecs.logs(arn, "app");
        return logs.contains("probe-done") ? logs : null;
      }, Duration.ofSeconds(20), "the probe's output in " + mode + " mode");
      String secret = runtime.credentials().secretAccessKey();
      String keyId = runtime.credentials().accessKeyId();
      assertFalse(output.contains(secret) || output.contains(keyId), mode + ": the key is visible in the task");
      assertFalse(output.contains(runtime.dataDir().resolve("credentials").toString()), mode + ": mounted");
      String containerId = task.at("/containers/0/runtimeId").asText();
      String inspected = docker("inspect", "--format", "{{json .Config.Env}} {{json .Mounts}}", containerId);
      assertFalse(inspected.contains(secret) || inspected.contains(keyId), mode + ": " + inspected);
      assertTrue(inspected.contains(volume.toString()), "the volume area is mounted: " + inspected);
      if (mode.equals("host")) {
        assertTrue(output.contains("403"), "on the host's network the task reaches the API and is refused: " + output);
      }
    }
  }
}
