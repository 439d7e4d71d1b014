package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static io.ecsl.runtime.docker.DockerTestSupport.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.NeedsDocker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cloud Map service discovery on Docker: a service with {@code serviceRegistries} in a private DNS
 * namespace; another task resolves {@code api.disco.local} (busybox {@code nslookup}) to exactly
 * the running, healthy tasks, and the answer follows a scale-in and a task turning unhealthy.
 */
@NeedsDocker
class CloudMapDnsDockerTest {
  private static final Pattern ANSWER = Pattern.compile("answer: ([^\\n]*)");
  private static final Pattern IPV4 = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+)");
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
  void aServiceNameResolvesToTheHealthyRunningTasks() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "cmdns");
    cloudMap("CreatePrivateDnsNamespace", "{\"Name\":\"disco.local\",\"Vpc\":\"vpc-1\"}");
    String namespaceId = cloudMap("ListNamespaces", "{}").at("/Namespaces/0/Id").asText();
    JsonNode service = cloudMap("CreateService", "{\"Name\":\"api\",\"NamespaceId\":\"" + namespaceId + "\","
        + "\"DnsConfig\":{\"RoutingPolicy\":\"MULTIVALUE\",\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":0}]},"
        + "\"HealthCheckCustomConfig\":{\"FailureThreshold\":1}}").get("Service");
    String network = ",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}";
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"cm-api\",\"networkMode\":\"awsvpc\",\"cpu\":\"256\","
        + "\"memory\":\"128\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\","
        + "\"command\":[\"sh\",\"-c\",\"touch /tmp/healthy; " + DockerTestSupport.SERVE + "\"],"
        + "\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"test -f /tmp/healthy\"],\"interval\":5,\"timeout\":10,"
        + "\"retries\":2}}]}");
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"cm-client\",\"networkMode\":\"awsvpc\",\"cpu\":\"256\","
        + "\"memory\":\"128\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\","
        + "\"command\":[\"sh\",\"-c\",\"while true; do echo answer: $(nslookup api.disco.local 2>&1"
        + " | sed -n '/^Name:/,$p' | grep -o 'Address.*' | tr '\\\\n' ' ') end; sleep 1; done\"]}]}");
    ecs.ecs("CreateService", "{\"serviceName\":\"api\",\"taskDefinition\":\"cm-api\",\"desiredCount\":3" + network
        + ",\"serviceRegistries\":[{\"registryArn\":\"" + service.get("Arn").asText() + "\"}]}");
    String client = ecs.ecs("RunTask", "{\"taskDefinition\":\"cm-client\"" + network + "}").at("/tasks/0/taskArn")
        .asText();
    ecs.awaitTask(client, "RUNNING", Duration.ofSeconds(60));

    // Three healthy tasks: the name answers exactly their addresses, and DiscoverInstances agrees.
    Set<String> three = await(() -> {
      Set<String> ips = taskIps(ecs);
      return ips.size() == 3 && ips.equals(discovered(service)) ? ips : null;
    }, Duration.ofSeconds(60), "three registered api tasks");
    awaitAnswer(ecs, client, three);
    JsonNode instance = cloudMap("ListInstances", "{\"ServiceId\":\"" + service.get("Id").asText() + "\"}")
        .at("/Instances/0/Attributes");
    assertEquals("cmdns", instance.path("ECS_CLUSTER_NAME").asText());
    assertEquals("api", instance.path("ECS_SERVICE_NAME").asText());
    assertEquals("cm-api", instance.path("ECS_TASK_DEFINITION_FAMILY").asText());

    // Scale in: the stopped task's address leaves the answer.
    ecs.ecs("UpdateService", "{\"service\":\"api\",\"desiredCount\":2}");
    Set<String> two = await(() -> {
      Set<String> ips = taskIps(ecs);
      return ips.size() == 2 ? ips : null;
    }, Duration.ofSeconds(60), "the service to scale in to two tasks");
    awaitAnswer(ecs, client, two);

    // One task turns unhealthy: it drops out of the answer while its health check fails.
    String sick = runningTaskIds(ecs).get(0);
    String sickIp = ipOf(ecs, sick);
    docker("exec", containerOf(sick), "rm", "/tmp/healthy");
    String after = await(() -> {
      String answer = lastAnswer(ecs, client);
      return answer != null && !answer.contains(sickIp) && IPV4.matcher(answer).find() ? answer : null;
    }, Duration.ofSeconds(30), "the unhealthy task " + sickIp + " to leave the answer");
    assertTrue(!after.contains(sickIp), after);
  }

  private static JsonNode cloudMap(String operation, String json) {
    return runtime.client().call("Route53AutoNaming_v20170314." + operation, Json.parse(json));
  }

  private static Set<String> discovered(JsonNode service) {
    Set<String> ips = new TreeSet<>();
    cloudMap("DiscoverInstances", "{\"NamespaceName\":\"disco.local\",\"ServiceName\":\"api\"}").path("Instances")
        .forEach(i -> ips.add(i.at("/Attributes/AWS_INSTANCE_IPV4").asText()));
    return ips;
  }

  private static List<String> runningTaskIds(DockerTestSupport ecs) {
    List<String> ids = new java.util.ArrayList<>();
    ecs.ecs("ListTasks", "{\"serviceName\":\"api\"}").path("taskArns").forEach(a -> {
      JsonNode task = ecs.task(a.asText());
      if ("RUNNING".equals(task.path("lastStatus").asText())) {
        ids.add(a.asText().substring(a.asText().lastIndexOf('/') + 1));
      }
    });
    return ids;
  }

  /** The addresses of the service's running tasks (only when every listed task runs). */
  private static Set<String> taskIps(DockerTestSupport ecs) {
    JsonNode arns = ecs.ecs("ListTasks", "{\"serviceName\":\"api\"}").path("taskArns");
    Set<String> ips = new TreeSet<>();
    for (JsonNode arn : arns) {
      JsonNode task = ecs.task(arn.asText());
      String ip = task.at("/containers/0/networkInterfaces/0/privateIpv4Address").asText(null);
      if (!"RUNNING".equals(task.path("lastStatus").asText()) || ip == null) {
        return Set.of();
      }
      ips.add(ip);
    }
    return ips;
  }

  private static String ipOf(DockerTestSupport ecs, String taskId) {
    return ecs.task(taskId).at("/containers/0/networkInterfaces/0/privateIpv4Address").asText();
  }

  private static String containerOf(String taskId) {
    return docker("ps", "-q", "--filter", "label=io.ecsl.task=" + taskId, "--filter", "label=io.ecsl.container=app");
  }

  private static String lastAnswer(DockerTestSupport ecs, String client) {
    Matcher m = ANSWER.matcher(ecs.logs(client, "app"));
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  private static void awaitAnswer(DockerTestSupport ecs, String client, Set<String> expected) {
    String[] seen = {null};
    try {
      await(() -> {
        seen[0] = lastAnswer(ecs, client);
        if (seen[0] == null) {
          return null;
        }
        Set<String> ips = new LinkedHashSet<>();
        Matcher m = IPV4.matcher(seen[0]);
        while (m.find()) {
          ips.add(m.group(1));
        }
        return ips.equals(expected) ? true : null;
      }, Duration.ofSeconds(30), "api.disco.local to resolve to " + expected);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + seen[0], e);
    }
  }
}
