package io.ecsl.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

/**
 * Roles mapped with {@code ecsl runtime credentials set}: the endpoint serves what the host profile
 * resolves to (read from a HOME of the test's own through the SDK's profile provider, refreshed as
 * it expires), keys given once, and an error saying what to fix when a profile gives nothing. A
 * role not mapped keeps the local key.
 */
// The SDK's container-credentials provider reads its path from system properties, which the
// other class setting them must not change underneath it.
@ResourceLock("aws-sdk-system-properties")
class MappedRoleCredentialsTest {
  private static final String PROFILE_ROLE = "arn:aws:iam::000000000000:role/profile-role";
  private static final String PROCESS_ROLE = "arn:aws:iam::000000000000:role/process-role";
  private static final String KEYS_ROLE = "arn:aws:iam::000000000000:role/keys-role";
  private static final String BROKEN_ROLE = "arn:aws:iam::000000000000:role/broken-role";
  private static final String LOCAL_ROLE = "arn:aws:iam::000000000000:role/local-role";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestRuntimes runtime;
  private static int port;
  private static Path home;
  private static String previousCredentialsFile;
  private static String previousConfigFile;

  @BeforeAll
  static void start() throws Exception {
    home = Files.createTempDirectory("ecsl-home");
    Files.createDirectories(home.resolve(".aws"));
    Path counter = home.resolve("process-runs");
    Path process = home.resolve("credential-process.sh");
    // A credential_process whose keys expire in five seconds: the SDK must run it again for each
    // request, which is how a refresh before expiry shows.
    Files.writeString(process, "#!/bin/sh\n"
        + "n=$(cat '" + counter + "' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + counter + "'\n"
        + "exp=$(date -u -d '+5 seconds' +%Y-%m-%dT%H:%M:%SZ)\n"
        + "printf '{\"Version\":1,\"AccessKeyId\":\"ASIAPROCESS%04d\",\"SecretAccessKey\":\"process-secret\","
        + "\"SessionToken\":\"process-token\",\"Expiration\":\"%s\"}' $n $exp\n");
    process.toFile().setExecutable(true);
    Files.writeString(home.resolve(".aws/credentials"), "[mapped]\naws_access_key_id = AKIAMAPPEDPROFILE1\n"
        + "aws_secret_access_key = mapped-secret\n");
    Files.writeString(home.resolve(".aws/config"), "[profile by-process]\ncredential_process = " + process + "\n");
    previousCredentialsFile = System.setProperty("aws.sharedCredentialsFile", home.resolve(".aws/credentials").toString());
    previousConfigFile = System.setProperty("aws.configFile", home.resolve(".aws/config").toString());
    runtime = TestRuntimes.inMemory();
    runtime.client().ecs("CreateCluster", Json.parse("{\"clusterName\":\"default\"}"));
    String base = runtime.server().controlPlane().taskEndpoints().loopbackBase();
    port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    Path dataDir = runtime.dataDir();
    RoleMappings.put(dataDir, new RoleMappings.Mapping(PROFILE_ROLE, new RoleMappings.Profile("mapped"), Instant.now()));
    RoleMappings.put(dataDir, new RoleMappings.Mapping(PROCESS_ROLE, new RoleMappings.Profile("by-process"), Instant.now()));
    RoleMappings.put(dataDir, new RoleMappings.Mapping(KEYS_ROLE,
        new RoleMappings.Keys("AKIAGIVENKEYS0001", "given-secret", null, null), Instant.now()));
    RoleMappings.put(dataDir, new RoleMappings.Mapping(BROKEN_ROLE, new RoleMappings.Profile("no-such-profile"), Instant.now()));
  }

  @AfterAll
  static void stop() {
    runtime.close();
    restore("aws.sharedCredentialsFile", previousCredentialsFile);
    restore("aws.configFile", previousConfigFile);
  }

  @Test
  void aRoleMappedToAProfileGetsTheProfilesKeysThroughTheSdk() throws Exception {
    String path = credentialsPath("mapped-profile", PROFILE_ROLE);
    String previous = System.setProperty("aws.containerCredentialsPath", path);
    try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder()
        .endpoint("http://127.0.0.1:" + port).build()) {
      AwsCredentials resolved = provider.resolveCredentials();
      assertEquals("AKIAMAPPEDPROFILE1", resolved.accessKeyId());
      assertEquals("mapped-secret", resolved.secretAccessKey());
    } finally {
      restore("aws.containerCredentialsPath", previous);
    }
    JsonNode document = Json.parse(get(path).body());
    assertEquals(PROFILE_ROLE, document.path("RoleArn").asText());
    assertTrue(document.path("Token").isMissingNode(), "long-term keys carry no token: " + document);
  }

  @Test
  void aProfileWhoseKeysExpireIsResolvedAgainAndTheTaskSeesTheirExpiration() throws Exception {
    String path = credentialsPath("mapped-process", PROCESS_ROLE);
    JsonNode first = Json.parse(get(path).body());
    assertTrue(first.path("AccessKeyId").asText().startsWith("ASIAPROCESS"), first.toString());
    assertEquals("process-token", first.path("Token").asText());
    Instant expiration = Instant.parse(first.path("Expiration").asText());
    assertTrue(expiration.isBefore(Instant.now().plusSeconds(10)),
        "the profile's own expiration, not an hour: the task's SDK must come back in time: " + expiration);
    JsonNode second = Json.parse(get(path).body());
    assertNotEquals(first.path("AccessKeyId").asText(), second.path("AccessKeyId").asText(),
        "keys about to expire are resolved afresh, not served from a stale cache");
  }

  @Test
  void givenKeysAreServedAndUnmappedRolesKeepTheLocalKey() throws Exception {
    JsonNode keys = Json.parse(get(credentialsPath("mapped-keys", KEYS_ROLE)).body());
    assertEquals("AKIAGIVENKEYS0001", keys.path("AccessKeyId").asText());
    assertEquals("given-secret", keys.path("SecretAccessKey").asText());
    JsonNode local = Json.parse(get(credentialsPath("unmapped", LOCAL_ROLE)).body());
    assertEquals(TaskCredentials.LOCAL_ACCESS_KEY_ID, local.path("AccessKeyId").asText());
    assertEquals("ecsl-local-session-token:" + LOCAL_ROLE, local.path("Token").asText());
  }

  @Test
  void aProfileThatGivesNothingIsAnErrorSayingWhatToFix() throws Exception {
    HttpResponse<String> response = get(credentialsPath("mapped-broken", BROKEN_ROLE));
    assertEquals(500, response.statusCode());
    String message = Json.parse(response.body()).path("message").asText();
    assertTrue(message.contains("no-such-profile") && message.contains("ecsl runtime credentials set " + BROKEN_ROLE),
        message);
  }

  @Test
  void aRemovedMappingFallsBackToTheLocalKeyWithoutARestart() throws Exception {
    String role = "arn:aws:iam::000000000000:role/removed-role";
    RoleMappings.put(runtime.dataDir(), new RoleMappings.Mapping(role,
        new RoleMappings.Keys("AKIAREMOVEDLATER1", "s", null, null), Instant.now()));
    String path = credentialsPath("mapped-removed", role);
    assertEquals("AKIAREMOVEDLATER1", Json.parse(get(path).body()).path("AccessKeyId").asText());
    assertTrue(RoleMappings.remove(runtime.dataDir(), role));
    assertEquals(TaskCredentials.LOCAL_ACCESS_KEY_ID, Json.parse(get(path).body()).path("AccessKeyId").asText());
  }

  /** Runs a task of {@code family} with {@code role} and returns its credentials path. */
  private static String credentialsPath(String family, String role) throws Exception {
    runtime.client().ecs("RegisterTaskDefinition", Json.parse("{\"family\":\"" + family + "\",\"taskRoleArn\":\"" + role
        + "\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sleep\",\"3600\"],"
        + "\"memory\":64}]}"));
    String arn = runtime.client().ecs("RunTask", Json.parse("{\"taskDefinition\":\"" + family + "\"}"))
        .at("/tasks/0/taskArn").asText();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonNode task = runtime.client().ecs("DescribeTasks", Json.parse("{\"tasks\":[\"" + arn + "\"]}")).at("/tasks/0");
      if (task.path("lastStatus").asText().equals("RUNNING")) {
        return "/v2/credentials/" + runtime.server().controlPlane().taskEndpoints().ids().credentials(arn);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("task " + arn + " did not reach RUNNING");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
