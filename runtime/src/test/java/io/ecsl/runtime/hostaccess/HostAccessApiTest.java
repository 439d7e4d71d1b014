package io.ecsl.runtime.hostaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over the API: a task definition that would take the host is refused with an AWS-shaped error
 * that names the flag allowing it; a project directory apply registers makes host paths under it
 * mountable; health reports what is allowed.
 */
class HostAccessApiTest {
  private TestRuntimes runtime;
  private RuntimeClient client;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory();
    client = runtime.client();
    client.ecs("CreateCluster", Json.parse("{\"clusterName\":\"host\"}"));
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private static JsonNode definition(String family, String sourcePath) {
    return Json.parse("{\"family\":\"" + family + "\",\"memory\":\"64\",\"volumes\":[{\"name\":\"v\",\"host\":"
        + "{\"sourcePath\":\"" + sourcePath + "\"}}],\"containerDefinitions\":[{\"name\":\"app\",\"image\":"
        + "\"ecsl/busybox:latest\",\"mountPoints\":[{\"sourceVolume\":\"v\",\"containerPath\":\"/host\"}]}]}");
  }

  @Test
  void mountingTheHostsRootIsRefusedAndSaysHowToAllowIt() {
    RuntimeClient.ApiError refused = assertThrows(RuntimeClient.ApiError.class,
        () -> client.ecs("RegisterTaskDefinition", definition("root", "/")));
    assertEquals("AccessDeniedException", refused.type());
    assertEquals("The ecsl runtime does not let tasks take over this machine: volume `v` (host.sourcePath /) is the"
        + " host's root directory, which tasks may not mount; to allow it, restart the runtime with"
        + " --allow-sensitive-mount / (ecsl runtime stop, then ecsl runtime start --allow-sensitive-mount /).",
        refused.getMessage());
    assertTrue(client.ecs("ListTaskDefinitions", Json.object()).get("taskDefinitionArns").isEmpty());
  }

  @Test
  void aRegisteredProjectDirectoryIsMountableAndAHomeDirectoryIsNot(@TempDir Path project) throws IOException {
    Path data = Files.createDirectories(project.resolve("data"));
    RuntimeClient.ApiError before = assertThrows(RuntimeClient.ApiError.class,
        () -> client.ecs("RegisterTaskDefinition", definition("proj", data.toString())));
    assertTrue(before.getMessage().contains("outside the directories tasks may mount"), before.getMessage());

    assertEquals(project.toRealPath().toString(), client.allowProjectRoot(project));
    client.ecs("RegisterTaskDefinition", definition("proj", data.toString()));
    JsonNode run = client.ecs("RunTask", Json.parse("{\"cluster\":\"host\",\"taskDefinition\":\"proj\"}"));
    assertEquals(0, run.get("failures").size(), run.toString());
    JsonNode health = client.health();
    assertEquals(project.toRealPath().toString(), health.at("/hostAccess/projectRoots/0").asText());
    assertEquals(0, health.at("/hostAccess/grants").size());

    RuntimeClient.ApiError home = assertThrows(RuntimeClient.ApiError.class,
        () -> client.allowProjectRoot(Path.of(System.getProperty("user.home"))));
    assertEquals("AccessDeniedException", home.type());
    assertTrue(home.getMessage().contains("your home directory"), home.getMessage());
  }

  @Test
  void theRuntimesVolumeAreaIsMountableByDefault() {
    Path volumes = runtime.dataDir().resolve("volumes").resolve("cache");
    client.ecs("RegisterTaskDefinition", definition("cache", volumes.toString()));
    RuntimeClient.ApiError own = assertThrows(RuntimeClient.ApiError.class,
        () -> client.ecs("RegisterTaskDefinition", definition("key", runtime.dataDir().toString())));
    assertTrue(own.getMessage().contains("the ecsl runtime's own data"), own.getMessage());
  }

  @Test
  void privilegedAndHostNetworkTasksAreRefusedByDefault() {
    RuntimeClient.ApiError refused = assertThrows(RuntimeClient.ApiError.class, () -> client.ecs(
        "RegisterTaskDefinition", Json.parse("{\"family\":\"p\",\"memory\":\"64\",\"networkMode\":\"host\","
            + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\",\"privileged\":true}]}")));
    assertTrue(refused.getMessage().contains("--allow-host-network"), refused.getMessage());
    assertTrue(refused.getMessage().contains("--allow-privileged"), refused.getMessage());
  }
}
