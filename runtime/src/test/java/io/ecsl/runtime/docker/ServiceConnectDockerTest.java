package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.NeedsDocker;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service Connect on Docker: a client task reaches {@code http://api:8080}, answered by every task
 * of the server service in turn; the name follows the server's tasks and is gone when none runs.
 */
@NeedsDocker
class ServiceConnectDockerTest {
  private static TestRuntimes runtime;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void aClientReachesTheServerByItsAliasWhileItsTasksRun() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "sc");
    runtime.client().call("Route53AutoNaming_v20170314.CreatePrivateDnsNamespace",
        Json.parse("{\"Name\":\"internal\",\"Vpc\":\"vpc-1\"}"));
    String network = ",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}";
    register(ecs, "sc-api", "8080", "echo api task $HOSTNAME > /www/index.html && exec httpd -f -p 8080 -h /www");
    // Each request is bounded (busybox's own wget -T crashes, hence timeout): right after a server
    // task stops, a client that resolved its address a moment before can sit in connect() for two
    // minutes (SYN retries to a neighbour that is gone), and would print nothing in that time.
    register(ecs, "sc-web", "3000",
        "while true; do echo got: $(timeout 3 wget -q -O- http://api:8080/ 2>&1); sleep 1; done");
    ecs.ecs("CreateService", "{\"serviceName\":\"api\",\"taskDefinition\":\"sc-api\",\"desiredCount\":2" + network
        + ",\"serviceConnectConfiguration\":{\"enabled\":true,\"namespace\":\"internal\",\"services\":[{\"portName\":"
        + "\"http\",\"discoveryName\":\"api\",\"clientAliases\":[{\"port\":8080,\"dnsName\":\"api\"}]}]}}");
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"sc-web\",\"desiredCount\":1" + network
        + ",\"serviceConnectConfiguration\":{\"enabled\":true,\"namespace\":\"internal\"}}");

    String webTask = await(() -> {
      JsonNode tasks = ecs.ecs("ListTasks", "{\"serviceName\":\"web\"}").path("taskArns");
      return tasks.isEmpty() ? null : tasks.get(0).asText();
    }, Duration.ofSeconds(30), "the web task");
    ecs.awaitTask(webTask, "RUNNING", Duration.ofSeconds(60));
    // Both api tasks answer, in turn (Docker's DNS hands out every running task's address).
    String[] lastLogs = {""};
    Set<String> answeredBy;
    try {
      answeredBy = await(() -> {
      Set<String> seen = new TreeSet<>();
      lastLogs[0] = ecs.logs(webTask, "app");
      Matcher m = Pattern.compile("got: api task (\\S+)").matcher(lastLogs[0]);
      while (m.find()) {
        seen.add(m.group(1));
      }
      return seen.size() == 2 ? seen : null;
    }, Duration.ofSeconds(30), "answers from both api tasks at http://api:8080");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; web printed: " + lastLogs[0], e);
    }
    assertEquals(2, answeredBy.size());

    // With no api task left, the name is gone.
    ecs.ecs("UpdateService", "{\"service\":\"api\",\"desiredCount\":0}");
    await(() -> ecs.ecs("ListTasks", "{\"serviceName\":\"api\"}").path("taskArns").isEmpty() ? true : null,
        Duration.ofSeconds(60), "the api tasks to stop");
    int before = ecs.logs(webTask, "app").length();
    try {
      await(() -> ecs.logs(webTask, "app").substring(before).contains("bad address 'api") ? true : null,
          Duration.ofSeconds(30), "api no longer resolving");
    } catch (AssertionError e) {
      // What web saw instead (an answer, a refused connection, a resolver that hangs) says which part lags.
      String since = ecs.logs(webTask, "app").substring(before);
      throw new AssertionError(e.getMessage() + "; web printed since the api tasks stopped: "
          + since.substring(Math.max(0, since.length() - 2000)), e);
    }
  }

  private static void register(DockerTestSupport ecs, String family, String port, String script) {
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"" + family + "\",\"networkMode\":\"awsvpc\",\"cpu\":\"256\","
        + "\"memory\":\"128\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\","
        + "\"portMappings\":[{\"name\":\"http\",\"containerPort\":" + port + "}],"
        + "\"command\":[\"sh\",\"-c\",\"mkdir -p /www; " + script + "\"]}]}");
  }
}
