package io.ecsl.runtime.hostaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The finding that started issue 16, replayed: another local user (here {@code nobody}) tries to
 * have the runtime mount the host's root directory. They cannot read the runtime's key or its
 * data directory, so every call they make is refused; and the owner, who holds the key, is
 * refused the mount of {@code /} too unless they named it at start-up.
 *
 * <p>Becoming another user takes root ({@code setpriv}) or a sudo rule ({@code sudo -n -u nobody});
 * CI runs as root.
 */
class OtherUserTest {
  private TestRuntimes runtime;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void nobodyCannotReadTheKeyNorDriveTheApiAndTheOwnerCannotMountTheRoot() throws Exception {
    String credentials = runtime.dataDir().resolve("credentials").toString();
    Result read = asNobody("cat", credentials);
    assertNotEquals(0, read.exitCode(), "nobody read the runtime's key: " + read.output());
    assertTrue(read.output().contains("Permission denied"), read.output());
    assertNotEquals(0, asNobody("ls", runtime.dataDir().toString()).exitCode(), "the data directory is 0700");

    String register = "{\"family\":\"root\",\"memory\":\"64\",\"volumes\":[{\"name\":\"root\",\"host\":{\"sourcePath\":"
        + "\"/\"}}],\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"mountPoints\":"
        + "[{\"sourceVolume\":\"root\",\"containerPath\":\"/host\"}]}]}";
    Result unsigned = asNobody("curl", "-s", "-w", "\n%{http_code}", "-H",
        "X-Amz-Target: AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", "-H",
        "Content-Type: application/x-amz-json-1.1", "--data", register, runtime.server().endpoint() + "/");
    assertTrue(unsigned.output().endsWith("403"), unsigned.output());
    assertTrue(unsigned.output().contains("MissingAuthenticationTokenException"), unsigned.output());
    Result guessed = asNobody("curl", "-s", "-w", "\n%{http_code}", "--aws-sigv4", "aws:amz:us-east-1:ecs", "--user",
        runtime.credentials().accessKeyId() + ":guessed", "-H",
        "X-Amz-Target: AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", "-H",
        "Content-Type: application/x-amz-json-1.1", "--data", register, runtime.server().endpoint() + "/");
    assertTrue(guessed.output().endsWith("403") && guessed.output().contains("InvalidSignatureException"),
        guessed.output());

    RuntimeClient owner = runtime.client();
    RuntimeClient.ApiError refused = assertThrows(RuntimeClient.ApiError.class,
        () -> owner.ecs("RegisterTaskDefinition", Json.parse(register)));
    assertEquals("AccessDeniedException", refused.type());
    assertTrue(refused.getMessage().contains("--allow-sensitive-mount /"), refused.getMessage());
    assertTrue(owner.ecs("ListTaskDefinitions", Json.object()).get("taskDefinitionArns").isEmpty(),
        "nothing was registered");
  }

  private record Result(int exitCode, String output) {}

  /** Runs a command as the user nobody (uid 65534). */
  private static Result asNobody(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      full.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
    } else {
      full.addAll(List.of("sudo", "-n", "-u", "nobody", "--"));
    }
    full.addAll(List.of(command));
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    int exit = process.waitFor();
    if (exit != 0 && (output.contains("setpriv:") || output.contains("sudo:"))) {
      throw new AssertionError("cannot run a command as nobody (" + String.join(" ", full) + "): " + output
          + "; this test needs root or a passwordless sudo rule for -u nobody");
    }
    return new Result(exit, output);
  }
}
