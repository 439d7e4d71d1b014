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

    for (String arn : new String[] {awsvpc, host}) {
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
    assertTrue(stranger.waitFor(60, TimeUnit.SECONDS), "the stranger's wget gave up");
    String strangerOutput = new String(stranger.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertNotEquals(0, stranger.exitValue(), "a container outside the task was answered: " + strangerOutput);
    assertTrue(!strangerOutput.contains("AccessKeyId"), strangerOutput);
  }

  private static String run(DockerTestSupport ecs, String family, String mode, String credentialsUri) {
    String script = PROBE.replace("CREDENTIALS", credentialsUri) + DockerTestSupport.SERVE;
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"" + family + "\",\"networkMode\":\"" + mode + "\","
        + "\"taskRoleArn\":\"" + ROLE + "\",\"cpu\":\"256\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + script + "\"]}]}");
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
