package io.ecsl.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.backend.InMemoryBackend;
import io.ecsl.runtime.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

/**
 * The agent's variables in every container and the endpoint behind them, on the in-memory
 * backend: the metadata documents with the agent's field names, the credentials as the AWS SDK for
 * Java v2's container-credentials provider reads them, and the refusals. (The relay inside a task's
 * namespace is exercised on Docker by {@code TaskMetadataDockerTest}.)
 */
// The SDK's container-credentials provider reads its path from system properties, which the
// other class setting them must not change underneath it.
@ResourceLock("aws-sdk-system-properties")
class TaskMetadataEndpointTest {
  private static final String ROLE = "arn:aws:iam::000000000000:role/app-role";
  private static TestRuntimes runtime;
  private static int port;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.inMemory(io.ecsl.runtime.engine.ControlPlane.Options.defaults().withGrants(
        io.ecsl.runtime.home.HostGrants.NONE.with(io.ecsl.runtime.home.HostGrants.ALLOW_HOST_NETWORK, null)));
    ecs("CreateCluster", "{\"clusterName\":\"default\"}");
    port = runtime.server().controlPlane().taskEndpoints().loopbackBase().transform(b -> Integer.parseInt(
        b.substring(b.lastIndexOf(':') + 1)));
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static JsonNode ecs(String operation, String body) {
    return runtime.client().ecs(operation, Json.parse(body));
  }

  /** Runs a task and waits until its containers exist; returns (task ARN, env of each container). */
  private static Map<String, Map<String, String>> run(String family, String definition) throws Exception {
    ecs("RegisterTaskDefinition", definition);
    String network = definition.contains("\"awsvpc\"")
        ? ",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}" : "";
    String arn = ecs("RunTask", "{\"taskDefinition\":\"" + family + "\"" + network + "}").at("/tasks/0/taskArn").asText();
    Instant deadline = Instant.now().plusSeconds(60);
    JsonNode task = null;
    while (Instant.now().isBefore(deadline)) {
      task = ecs("DescribeTasks", "{\"tasks\":[\"" + arn + "\"]}").at("/tasks/0");
      if (task.path("lastStatus").asText().equals("RUNNING")) {
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        envs.put("_arn", Map.of("arn", arn));
        for (JsonNode container : task.path("containers")) {
          var spec = ((InMemoryBackend) runtime.backend()).spec(container.path("runtimeId").asText());
          Map<String, String> env = new LinkedHashMap<>();
          for (String pair : spec.process().env()) {
            env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
          }
          envs.put(container.path("name").asText(), env);
        }
        return envs;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("task " + arn + " did not reach RUNNING: " + task);
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String path(String uri) {
    return URI.create(uri).getRawPath();
  }

  @Test
  void everyContainerGetsTheAgentsVariablesAndTheEndpointAnswersThem() throws Exception {
    Map<String, Map<String, String>> envs = run("tmds", "{\"family\":\"tmds\",\"taskRoleArn\":\"" + ROLE + "\","
        + "\"cpu\":\"512\",\"memory\":\"1024\",\"containerDefinitions\":["
        + "{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sleep\",\"3600\"],\"environment\":[{\"name\":\"AWS_REGION\",\"value\":\"eu-west-1\"},"
        + "{\"name\":\"ECS_CONTAINER_METADATA_URI_V4\",\"value\":\"mine\"}],\"portMappings\":[{\"containerPort\":8080}]},"
        + "{\"name\":\"side\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sleep\",\"3600\"],\"essential\":false}]}");
    String arn = envs.get("_arn").get("arn");
    Map<String, String> app = envs.get("app");
    Map<String, String> side = envs.get("side");
    assertTrue(app.get("ECS_CONTAINER_METADATA_URI_V4").matches("http://169\\.254\\.170\\.2/v4/[0-9a-f-]{36}"),
        "the agent's value wins over the definition's: " + app);
    String id = app.get("ECS_CONTAINER_METADATA_URI_V4").substring("http://169.254.170.2/v4/".length());
    assertEquals("http://169.254.170.2/v3/" + id, app.get("ECS_CONTAINER_METADATA_URI"));
    assertEquals("http://169.254.170.2/api/" + id, app.get("ECS_AGENT_URI"));
    assertNotEquals(app.get("ECS_CONTAINER_METADATA_URI_V4"), side.get("ECS_CONTAINER_METADATA_URI_V4"),
        "one endpoint per container");
    assertEquals("eu-west-1", app.get("AWS_REGION"), "a region the definition sets is kept");
    assertEquals("us-east-1", app.get("AWS_DEFAULT_REGION"));
    assertEquals("us-east-1", side.get("AWS_REGION"));
    String credentialsPath = app.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    assertTrue(credentialsPath.matches("/v2/credentials/[0-9a-f-]{36}"), credentialsPath);
    assertEquals(credentialsPath, side.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), "one per task");

    JsonNode container = Json.parse(get(path(app.get("ECS_CONTAINER_METADATA_URI_V4"))).body());
    assertEquals("app", container.path("Name").asText());
    assertEquals(arn, container.at("/Labels/com.amazonaws.ecs.task-arn").asText());
    assertEquals("RUNNING", container.path("KnownStatus").asText());
    assertEquals("NORMAL", container.path("Type").asText());
    assertEquals(8080, container.at("/Ports/0/ContainerPort").asInt());
    assertEquals(1024, container.at("/Limits/Memory").asInt(), "the task's memory caps a container without its own");
    assertFalse(container.path("DockerId").asText().isEmpty());

    HttpResponse<String> taskResponse = get(path(side.get("ECS_CONTAINER_METADATA_URI_V4")) + "/task");
    assertEquals(200, taskResponse.statusCode());
    JsonNode task = Json.parse(taskResponse.body());
    assertEquals(arn, task.path("TaskARN").asText());
    assertEquals("tmds", task.path("Family").asText());
    assertEquals("1", task.path("Revision").asText(), "Revision is a string, as the agent writes it");
    assertEquals(0.5, task.at("/Limits/CPU").asDouble(), "task CPU in vCPU");
    assertEquals(2, task.path("Containers").size());
    assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/default", task.path("Cluster").asText());

    HttpResponse<String> credentials = get(credentialsPath);
    assertEquals(200, credentials.statusCode());
    JsonNode keys = Json.parse(credentials.body());
    assertEquals(ROLE, keys.path("RoleArn").asText());
    java.util.List<String> fields = new java.util.ArrayList<>();
    keys.fieldNames().forEachRemaining(fields::add);
    assertEquals(java.util.List.of("RoleArn", "AccessKeyId", "SecretAccessKey", "Token", "Expiration"), fields);
    Instant expiration = Instant.parse(keys.path("Expiration").asText());
    assertTrue(expiration.isAfter(Instant.now().plusSeconds(3000)) && expiration.isBefore(Instant.now().plusSeconds(3700)),
        "an hour from now: " + expiration);

    // The AWS SDK's own container-credentials provider, given the task's relative URI and the
    // runtime's listener in place of 169.254.170.2.
    String previous = System.getProperty("aws.containerCredentialsPath");
    System.setProperty("aws.containerCredentialsPath", credentialsPath);
    try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder()
        .endpoint("http://127.0.0.1:" + port).build()) {
      AwsCredentials resolved = provider.resolveCredentials();
      assertEquals(TaskCredentials.LOCAL_ACCESS_KEY_ID, resolved.accessKeyId());
      assertEquals(TaskCredentials.LOCAL_SECRET_ACCESS_KEY, resolved.secretAccessKey());
      assertTrue(((AwsSessionCredentials) resolved).sessionToken().endsWith(ROLE));
    } finally {
      restore("aws.containerCredentialsPath", previous);
    }
  }

  @Test
  void hostModeTasksAreGivenTheLoopbackListenerAsAFullUriTheSdkAccepts() throws Exception {
    Map<String, Map<String, String>> envs = run("tmds-host", "{\"family\":\"tmds-host\",\"networkMode\":\"host\","
        + "\"taskRoleArn\":\"" + ROLE + "\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sleep\",\"3600\"],"
        + "\"memory\":64}]}");
    Map<String, String> app = envs.get("app");
    assertFalse(app.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), "169.254.170.2 is not the task's own here");
    String full = app.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    assertTrue(full.startsWith("http://127.0.0.1:" + port + "/v2/credentials/"), full);
    assertTrue(app.get("ECS_CONTAINER_METADATA_URI_V4").startsWith("http://127.0.0.1:" + port + "/v4/"));
    String previous = System.getProperty("aws.containerCredentialsFullUri");
    System.setProperty("aws.containerCredentialsFullUri", full);
    try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
      assertEquals(TaskCredentials.LOCAL_ACCESS_KEY_ID, provider.resolveCredentials().accessKeyId());
    } finally {
      restore("aws.containerCredentialsFullUri", previous);
    }
  }

  @Test
  void aTaskServingPortEightyGetsItsRelayOnTheAgentsOtherPortAndAFullUri() throws Exception {
    Map<String, Map<String, String>> envs = run("tmds-web", "{\"family\":\"tmds-web\",\"networkMode\":\"awsvpc\","
        + "\"taskRoleArn\":\"" + ROLE + "\",\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"web\","
        + "\"image\":\"ecsl/busybox:latest\",\"command\":[\"sleep\",\"3600\"],\"portMappings\":[{\"containerPort\":80}]}]}");
    Map<String, String> web = envs.get("web");
    // A listener on 169.254.170.2:80 in the task's namespace would make the app's own port 80 unusable.
    assertTrue(web.get("ECS_CONTAINER_METADATA_URI_V4").startsWith("http://169.254.170.2:51679/v4/"), web.toString());
    assertFalse(web.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), "the relative URI means port 80: " + web);
    String full = web.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    assertTrue(full.matches("http://169\\.254\\.170\\.2:51679/v2/credentials/[0-9a-f-]{36}"), full);
    assertEquals(200, get(path(full)).statusCode());
  }

  @Test
  void aTaskWithoutARoleGetsNoCredentialsAndStrangersAreRefused() throws Exception {
    Map<String, Map<String, String>> envs = run("tmds-norole", "{\"family\":\"tmds-norole\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sleep\",\"3600\"],\"memory\":64}]}");
    Map<String, String> app = envs.get("app");
    assertFalse(app.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), app.toString());
    String credentialsPath = "/v2/credentials/" + runtime.server().controlPlane().taskEndpoints().ids()
        .credentials(envs.get("_arn").get("arn"));
    HttpResponse<String> noRole = get(credentialsPath);
    assertEquals(400, noRole.statusCode());
    assertEquals("InvalidIdInRequest", Json.parse(noRole.body()).path("code").asText());
    assertEquals("NoIdInRequest", Json.parse(get("/v2/credentials/").body()).path("code").asText());
    HttpResponse<String> unknown = get("/v4/00000000-0000-4000-8000-000000000000/task");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().startsWith("\"V4 task metadata handler"), unknown.body());
    String metadataPath = path(app.get("ECS_CONTAINER_METADATA_URI_V4"));
    assertEquals(200, get(metadataPath).statusCode());
    assertEquals(403, get(metadataPath, "Origin", "http://evil.example").statusCode(), "a web page");
    assertEquals(403, get(metadataPath, "Sec-Fetch-Mode", "cors").statusCode(), "a web page");
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
