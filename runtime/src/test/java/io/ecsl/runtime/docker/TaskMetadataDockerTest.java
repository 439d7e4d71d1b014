package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.DockerNames;
import io.ecsl.runtime.metadata.TaskCredentials;
import io.ecsl.testing.NeedsDocker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task metadata and credentials endpoint answered inside real containers with busybox
 * {@code wget}: at 169.254.170.2 in an awsvpc task (the pause container's relay), at the host's
 * loopback for a host-network task; and not at all from a container outside the task on the same
 * network.
 */
@NeedsDocker
class TaskMetadataDockerTest {
  private static final String ROLE = "arn:aws:iam::000000000000:role/probe";
  private static final String PROBE = "echo ==container; wget -qO- $ECS_CONTAINER_METADATA_URI_V4; echo;"
      + " echo ==task; wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task; echo;"
      + " echo ==credentials; wget -qO- CREDENTIALS; echo;"
      + " echo ==stats; wget -qO- $ECS_CONTAINER_METADATA_URI_V4/stats; echo; echo ==end; ";
  /**
   * Waits up to 20 seconds (a loaded machine) for the endpoint, then says how many tenths of a second
   * it waited (busybox's own wget -T crashes, hence timeout).
   */
  private static final String RELAY_WAIT = "i=0; until timeout 1 wget -q -O /dev/null $ECS_CONTAINER_METADATA_URI_V4"
      + " || [ $i -ge 200 ]; do i=$((i+1)); sleep 0.1; done; echo ==waited; echo $i; ";
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
  void theEndpointAnswersInsideTheTaskAndOnlyThere() throws Exception {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "tmds");
    String awsvpc = run(ecs, "tmds-awsvpc", "awsvpc", "http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    String host = run(ecs, "tmds-host", "host", "$AWS_CONTAINER_CREDENTIALS_FULL_URI");
    // A task that serves port 80 itself: its web server binds port 80 on every address, and the
    // endpoint answers on the agent's other port (its own listener would take port 80 otherwise).
    String web = run(ecs, "tmds-web", "awsvpc", "$AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "mkdir -p /www; echo up > /www/index.html; httpd -p 80 -h /www || echo ==port80-refused; ", 80);
    // Bridge mode: each container's own namespace gets a relay just after the container starts, so
    // the probe waits for it first (as the SDKs' retries do) and reports how long that took.
    String bridge = run(ecs, "tmds-bridge", "bridge", "http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        RELAY_WAIT, 0);
    String bridgeWeb = run(ecs, "tmds-bridge-web", "bridge", "$AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "mkdir -p /www; echo up > /www/index.html; httpd -p 80 -h /www || echo ==port80-refused; " + RELAY_WAIT, 80);

    for (String arn : new String[] {awsvpc, host, web, bridge, bridgeWeb}) {
      JsonNode task = ecs.awaitTask(arn, "RUNNING", Duration.ofSeconds(30));
      Map<String, String> answers = answers(ecs, arn);
      JsonNode container = Json.parse(answers.get("container"));
      assertEquals(task.at("/containers/0/runtimeId").asText(), container.path("DockerId").asText(), arn);
      assertEquals("app", container.path("Name").asText());
      assertEquals(arn, Json.parse(answers.get("task")).path("TaskARN").asText());
      JsonNode credentials = Json.parse(answers.get("credentials"));
      assertEquals(ROLE, credentials.path("RoleArn").asText());
      assertEquals(TaskCredentials.LOCAL_ACCESS_KEY_ID, credentials.path("AccessKeyId").asText());
      JsonNode stats = Json.parse(answers.get("stats"));
      assertTrue(stats.at("/memory_stats/usage").asLong() > 0, "Docker's own statistics: " + stats);
      assertTrue(stats.has("precpu_stats"), stats.toString());
      assertTrue(!answers.containsKey("port80-refused"), "the task's own port 80 was taken: " + answers);
    }
    JsonNode awsvpcTask = Json.parse(answers(ecs, awsvpc).get("task"));
    assertEquals("awsvpc", awsvpcTask.at("/Containers/0/Networks/0/NetworkMode").asText());
    assertEquals(ecs.task(awsvpc).at("/attachments/0/details/0/value").asText(),
        awsvpcTask.at("/Containers/0/Networks/0/IPv4Addresses/0").asText(), "the task's own address");

    // A container on the same network that is not part of the task reaches nothing at 169.254.170.2,
    // even with the task's credentials path in hand.
    String path = credentialsPath(awsvpc);
    String network = DockerNames.clusterNetwork(runtime.server().controlPlane().instanceId(), "tmds");
    Process stranger = new ProcessBuilder("docker", "run", "--rm", "--network", network, "ecsl/busybox:latest",
        "wget", "-T", "3", "-qO-", "http://169.254.170.2" + path).redirectErrorStream(true).start();
    assertTrue(stranger.waitFor(180, TimeUnit.SECONDS), "the stranger's docker run and wget (-T 3) did not end in 3 minutes");
    String strangerOutput = new String(stranger.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertNotEquals(0, stranger.exitValue(), "a container outside the task was answered: " + strangerOutput);
    assertTrue(!strangerOutput.contains("AccessKeyId"), strangerOutput);

    // Nor does one on Docker's default bridge, beside the bridge-mode tasks' containers.
    Process bridgeStranger = new ProcessBuilder("docker", "run", "--rm", "ecsl/busybox:latest", "wget", "-T", "3",
        "-qO-", "http://169.254.170.2" + credentialsPath(bridge)).redirectErrorStream(true).start();
    assertTrue(bridgeStranger.waitFor(180, TimeUnit.SECONDS), "the stranger's docker run and wget (-T 3) did not end in 3 minutes");
    String bridgeStrangerOutput = new String(bridgeStranger.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertNotEquals(0, bridgeStranger.exitValue(), "a container outside the task was answered: " + bridgeStrangerOutput);
    // A role mapped with `ecsl runtime credentials set`: the container gets the mapped keys.
    String mappedRole = "arn:aws:iam::000000000000:role/mapped-probe";
    io.ecsl.runtime.metadata.RoleMappings.put(runtime.dataDir(), new io.ecsl.runtime.metadata.RoleMappings.Mapping(
        mappedRole, new io.ecsl.runtime.metadata.RoleMappings.Keys("AKIAMAPPEDINDOCKER1", "mapped-secret", null, null),
        java.time.Instant.now()));
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"tmds-mapped\",\"taskRoleArn\":\"" + mappedRole + "\","
        + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"memory\":64,"
        + "\"command\":[\"sh\",\"-c\",\"" + RELAY_WAIT + "echo ==credentials; wget -qO-"
        + " http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; echo; echo ==end; " + DockerTestSupport.SERVE
        + "\"]}]}");
    String mapped = ecs.ecs("RunTask", "{\"taskDefinition\":\"tmds-mapped\"}").at("/tasks/0/taskArn").asText();
    ecs.awaitTask(mapped, "RUNNING", Duration.ofSeconds(30));
    JsonNode mappedKeys = Json.parse(answers(ecs, mapped).get("credentials"));
    assertEquals("AKIAMAPPEDINDOCKER1", mappedKeys.path("AccessKeyId").asText(), mappedKeys.toString());
    assertEquals(mappedRole, mappedKeys.path("RoleArn").asText());

    for (String arn : new String[] {bridge, bridgeWeb}) {
      int waited = Integer.parseInt(answers(ecs, arn).get("waited").trim());
      System.out.println("bridge relay up after " + waited + " tenths of a second: " + arn);
      assertTrue(waited < 200, "the relay came up only after the probe gave up waiting: " + arn);
    }
  }

  private static String run(DockerTestSupport ecs, String family, String mode, String credentialsUri) {
    return run(ecs, family, mode, credentialsUri, "", 0);
  }

  /** {@code first} runs before the probe; {@code port} (0: none) is mapped. */
  private static String run(DockerTestSupport ecs, String family, String mode, String credentialsUri, String first,
      int port) {
    String script = first + PROBE.replace("CREDENTIALS", credentialsUri) + DockerTestSupport.SERVE;
    String ports = port == 0 ? "" : ",\"portMappings\":[{\"containerPort\":" + port + "}]";
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"" + family + "\",\"networkMode\":\"" + mode + "\","
        + "\"taskRoleArn\":\"" + ROLE + "\",\"cpu\":\"256\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + script + "\"]" + ports + "}]}");
    String network = mode.equals("awsvpc")
        ? ",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}" : "";
    return ecs.ecs("RunTask", "{\"taskDefinition\":\"" + family + "\"" + network + "}").at("/tasks/0/taskArn").asText();
  }

  /** The probe's answers by section, once it has printed them all. */
  private static Map<String, String> answers(DockerTestSupport ecs, String arn) {
    String logs = await(() -> {
      String out = ecs.logs(arn, "app");
      return out.contains("==end") ? out : null;
    }, Duration.ofSeconds(30), "the probe's output");
    Map<String, String> sections = new LinkedHashMap<>();
    String current = null;
    for (String line : logs.split("\n")) {
      if (line.startsWith("==")) {
        current = line.substring(2).trim();
        sections.put(current, "");
      } else if (current != null && !line.isBlank()) {
        sections.put(current, sections.get(current) + line);
      }
    }
    return sections;
  }

  private static String credentialsPath(String arn) {
    return "/v2/credentials/" + runtime.server().controlPlane().taskEndpoints().ids().credentials(arn);
  }
}
