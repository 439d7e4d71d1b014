package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.aws;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsDocker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Placement on real Docker, driven by the real aws CLI as a user would: container instances
 * registered with register-container-instance, services and run-task placed across them by ECS's
 * rules, and the tasks' containers really running, reachable at their instance's address.
 */
@NeedsDocker
@NeedsAwsCli
class PlacementAcceptanceTest {
  private static TestRuntimes runtime;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  static String registerInstance(TestRuntimes runtime, String cluster, String zone, int cpu, int memory) {
    JsonNode registered = aws(runtime, "ecs", "register-container-instance", "--cluster", cluster,
        "--total-resources", "name=CPU,type=INTEGER,integerValue=" + cpu,
        "name=MEMORY,type=INTEGER,integerValue=" + memory,
        "--attributes", "name=ecs.availability-zone,value=" + zone);
    return registered.at("/containerInstance/containerInstanceArn").asText();
  }

  /** Registers an instance through the runtime's client (the CLI form is {@link #registerInstance}). */
  private static String instance(DockerTestSupport ecs, String zone, int cpu, int memory) {
    return ecs.ecs("RegisterContainerInstance", "{\"totalResources\":[{\"name\":\"CPU\",\"type\":\"INTEGER\","
        + "\"integerValue\":" + cpu + "},{\"name\":\"MEMORY\",\"type\":\"INTEGER\",\"integerValue\":" + memory
        + "}],\"attributes\":[{\"name\":\"ecs.availability-zone\",\"value\":\"" + zone + "\"}]}")
        .at("/containerInstance/containerInstanceArn").asText();
  }

  static void registerTaskDefinition(TestRuntimes runtime, String json) {
    try {
      Path input = Files.createTempFile("ecsl-td", ".json");
      Files.writeString(input, json);
      aws(runtime, "ecs", "register-task-definition", "--cli-input-json", "file://" + input);
      Files.delete(input);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A bridge-mode task definition of one container running {@code script}. */
  static String bridgeTask(String family, int memory, String script, String portMappings) {
    return "{\"family\":\"" + family + "\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":"
        + "\"ecsl/busybox:latest\",\"memory\":" + memory + ",\"command\":[\"sh\",\"-c\",\""
        + script.replace("\"", "\\\"") + "\"],\"portMappings\":[" + portMappings + "]}]}";
  }

  /** The cluster's tasks, described by the aws CLI (listed through the runtime's client: one CLI call). */
  private static List<JsonNode> describeTasks(DockerTestSupport ecs, String cluster) {
    List<String> args = new ArrayList<>(List.of("ecs", "describe-tasks", "--cluster", cluster, "--tasks"));
    ecs.ecs("ListTasks", "{}").get("taskArns").forEach(a -> args.add(a.asText()));
    List<JsonNode> out = new ArrayList<>();
    aws(runtime, args.toArray(String[]::new)).get("tasks").forEach(out::add);
    return out;
  }

  @Test
  void threeInstancesInThreeZonesSpreadSixTasksTwoEach() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "spread");
    for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
      registerInstance(runtime, "spread", zone, 2048, 4096);
    }
    ecs.ecs("RegisterTaskDefinition", bridgeTask("spread-web", 128, SERVE, ""));
    aws(runtime, "ecs", "create-service", "--cluster", "spread", "--service-name", "web",
        "--task-definition", "spread-web", "--desired-count", "6");
    await(() -> ecs.service("web").get("runningCount").asInt() == 6, Duration.ofSeconds(30), "6 running tasks");
    Map<String, Integer> zones = new TreeMap<>();
    for (JsonNode task : describeTasks(ecs, "spread")) {
      zones.merge(task.get("availabilityZone").asText(), 1, Integer::sum);
      assertTrue(task.get("containerInstanceArn").asText().contains(":container-instance/spread/"), task.toString());
    }
    assertEquals(Map.of("us-east-1a", 2, "us-east-1b", 2, "us-east-1c", 2), zones);
    String running = DockerTestSupport.docker("ps", "-q", "--filter", "label=io.ecsl.runtime=" + runtime.instanceId(),
        "--filter", "label=io.ecsl.cluster=spread", "--filter", "label=io.ecsl.role=app"); // not their metadata relays
    assertEquals(6, running.lines().count(), "the six tasks' containers run on the one Docker host");
    JsonNode instances = ecs.ecs("ListContainerInstances", "{}");
    JsonNode described = ecs.ecs("DescribeContainerInstances", "{\"containerInstances\":"
        + instances.get("containerInstanceArns") + "}");
    for (JsonNode instance : described.get("containerInstances")) {
      assertEquals(2, instance.get("runningTasksCount").asInt());
      int left = 0;
      for (JsonNode resource : instance.get("remainingResources")) {
        if (resource.get("name").asText().equals("MEMORY")) {
          left = resource.get("integerValue").asInt();
        }
      }
      assertEquals(4096 - 2 * 128, left, instance.toString());
    }
    JsonNode cluster = ecs.ecs("DescribeClusters", "{\"clusters\":[\"spread\"],\"include\":[\"STATISTICS\"]}")
        .at("/clusters/0");
    assertEquals(3, cluster.get("registeredContainerInstancesCount").asInt());
    assertTrue(cluster.get("statistics").toString().contains("{\"name\":\"runningEC2TasksCount\",\"value\":\"6\"}"),
        cluster.toString());
  }

  @Test
  void binpackOnMemoryFillsOneInstanceBeforeTheNext() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "pack");
    String a = instance(ecs, "us-east-1a", 2048, 1024);
    String b = instance(ecs, "us-east-1b", 2048, 1024);
    ecs.ecs("RegisterTaskDefinition", bridgeTask("pack-web", 256, SERVE, ""));
    aws(runtime, "ecs", "create-service", "--cluster", "pack", "--service-name", "web",
        "--task-definition", "pack-web", "--desired-count", "4", "--placement-strategy", "type=binpack,field=memory");
    await(() -> ecs.service("web").get("runningCount").asInt() == 4, Duration.ofSeconds(30), "4 running tasks");
    Map<String, Integer> perInstance = new TreeMap<>();
    ecs.everyTask().forEach(t -> perInstance.merge(t.get("containerInstanceArn").asText(), 1, Integer::sum));
    assertEquals(1, perInstance.size(), "four 256 MiB tasks fill one 1 GiB instance first: " + perInstance);
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"desiredCount\":5}");
    await(() -> ecs.service("web").get("runningCount").asInt() == 5, Duration.ofSeconds(30), "5 running tasks");
    perInstance.clear();
    describeTasks(ecs, "pack").forEach(t -> perInstance.merge(t.get("containerInstanceArn").asText(), 1, Integer::sum));
    assertEquals(Map.of(a, 4, b, 1).values().stream().sorted().toList(),
        perInstance.values().stream().sorted().toList(), perInstance.toString());
  }

  @Test
  void memberOfAZoneAndDistinctInstanceKeepTasksWhereTheySay() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "member");
    String a = registerInstance(runtime, "member", "us-east-1a", 2048, 2048);
    String b1 = registerInstance(runtime, "member", "us-east-1b", 2048, 2048);
    String b2 = registerInstance(runtime, "member", "us-east-1b", 2048, 2048);
    JsonNode inB = aws(runtime, "ecs", "list-container-instances", "--cluster", "member", "--filter",
        "attribute:ecs.availability-zone == us-east-1b");
    assertEquals(List.of(b1, b2).stream().sorted().toList(),
        texts(inB.get("containerInstanceArns")));
    ecs.ecs("RegisterTaskDefinition", bridgeTask("member-web", 64, SERVE, ""));
    aws(runtime, "ecs", "create-service", "--cluster", "member", "--service-name", "web",
        "--task-definition", "member-web", "--desired-count", "4", "--placement-constraints",
        "type=memberOf,expression=attribute:ecs.availability-zone == us-east-1b");
    await(() -> ecs.service("web").get("runningCount").asInt() == 4, Duration.ofSeconds(30), "4 running tasks");
    Map<String, Integer> perInstance = new TreeMap<>();
    describeTasks(ecs, "member").forEach(t -> perInstance.merge(t.get("containerInstanceArn").asText(), 1,
        Integer::sum));
    assertEquals(Map.of(b1, 2, b2, 2), perInstance, "memberOf us-east-1b, spread over its two instances");

    JsonNode run = aws(runtime, "ecs", "run-task", "--cluster", "member", "--task-definition", "member-web",
        "--group", "one-each", "--count", "4", "--placement-constraints", "type=distinctInstance");
    List<String> hosts = new ArrayList<>();
    run.get("tasks").forEach(t -> hosts.add(t.get("containerInstanceArn").asText()));
    assertEquals(List.of(a, b1, b2).stream().sorted().toList(), hosts.stream().sorted().toList(), run.toString());
    assertEquals(List.of("DistinctInstance placement constraint unsatisfied."),
        run.get("failures").findValuesAsText("reason").stream().distinct().toList());

    JsonNode nowhere = aws(runtime, "ecs", "run-task", "--cluster", "member", "--task-definition",
        "member-web", "--placement-constraints", "[{\"type\":\"memberOf\",\"expression\":"
            + "\"attribute:ecs.availability-zone in [us-east-1c, us-east-1d]\"}]");
    assertEquals(0, nowhere.get("tasks").size());
    assertEquals(List.of("MemberOf placement constraint unsatisfied."),
        nowhere.get("failures").findValuesAsText("reason").stream().distinct().toList());
  }

  @Test
  void twoInstancesEachServeTheSameStaticHostPortOnTheirOwnAddress() throws Exception {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "ports");
    instance(ecs, "us-east-1a", 2048, 2048);
    instance(ecs, "us-east-1b", 2048, 2048);
    int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);
    ecs.ecs("RegisterTaskDefinition", bridgeTask("ports-web", 64,
        "echo \"hello from $HOSTNAME\" > /tmp/index.html && exec httpd -f -p 8080 -h /tmp",
        "{\"containerPort\":8080,\"hostPort\":" + port + "}"));
    JsonNode run = aws(runtime, "ecs", "run-task", "--cluster", "ports", "--task-definition", "ports-web",
        "--count", "3");
    assertEquals(2, run.get("tasks").size(), run.toString());
    assertEquals(List.of("RESOURCE:PORTS", "RESOURCE:PORTS"), run.get("failures").findValuesAsText("reason"));
    List<String> answers = new ArrayList<>();
    for (JsonNode task : run.get("tasks")) {
      JsonNode running = ecs.awaitTask(task.get("taskArn").asText(), "RUNNING", Duration.ofSeconds(30));
      JsonNode binding = running.at("/containers/0/networkBindings/0");
      assertEquals(port, binding.get("hostPort").asInt());
      String address = binding.get("bindIP").asText();
      assertTrue(address.startsWith("127."), address);
      answers.add(await(() -> get("http://" + address + ":" + port + "/"), Duration.ofSeconds(15),
          "the task to answer on " + address + ":" + port));
    }
    assertNotEquals(answers.get(0), answers.get(1), "two containers, one port, two instance addresses: " + answers);
    JsonNode distinct = ecs.ecs("RunTask", "{\"taskDefinition\":\"ports-web\",\"placementConstraints\":"
        + "[{\"type\":\"distinctInstance\"}]}");
    assertEquals("RESOURCE:PORTS", distinct.at("/failures/0/reason").asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out.stream().sorted().toList();
  }

  private static String get(String url) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body().strip() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Test
  void anUnplaceableTaskGetsTheEcsFailureReasonAndTheServiceLogsTheEvent() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "full");
    String small = instance(ecs, "us-east-1a", 1024, 256);
    ecs.ecs("RegisterTaskDefinition", bridgeTask("full-big", 512, SERVE, ""));
    JsonNode run = aws(runtime, "ecs", "run-task", "--cluster", "full", "--task-definition", "full-big");
    assertEquals(0, run.get("tasks").size());
    assertEquals(small, run.at("/failures/0/arn").asText());
    assertEquals("RESOURCE:MEMORY", run.at("/failures/0/reason").asText());
    ecs.ecs("CreateService", "{\"serviceName\":\"big\",\"taskDefinition\":\"full-big\",\"desiredCount\":1}");
    String id = small.substring(small.lastIndexOf('/') + 1);
    await(() -> ecs.service("big").at("/events/0/message").asText().contains("unable to place"),
        Duration.ofSeconds(20), "the placement event");
    String event = aws(runtime, "ecs", "describe-services", "--cluster", "full", "--services", "big")
        .at("/services/0/events/0/message").asText();
    assertEquals("(service big) was unable to place a task because no container instance met all of its requirements."
        + " The closest matching container-instance " + id + " has insufficient memory available. For more"
        + " information, see the Troubleshooting section of the Amazon ECS Developer Guide.", event);
  }

  @Test
  void aDaemonFollowsInstancesRegisteringAndDraining() {
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "daemons");
    String a = instance(ecs, "us-east-1a", 1024, 1024);
    ecs.ecs("RegisterTaskDefinition", bridgeTask("daemons-agent", 32, SERVE, ""));
    aws(runtime, "ecs", "create-service", "--cluster", "daemons", "--service-name", "agent",
        "--task-definition", "daemons-agent", "--scheduling-strategy", "DAEMON", "--launch-type", "EC2");
    await(() -> ecs.service("agent").get("runningCount").asInt() == 1, Duration.ofSeconds(30), "1 daemon task");
    String b = registerInstance(runtime, "daemons", "us-east-1b", 1024, 1024);
    await(() -> ecs.service("agent").get("runningCount").asInt() == 2, Duration.ofSeconds(30), "2 daemon tasks");
    assertEquals(2, ecs.service("agent").get("desiredCount").asInt());
    aws(runtime, "ecs", "update-container-instances-state", "--cluster", "daemons", "--container-instances", a,
        "--status", "DRAINING");
    await(() -> ecs.service("agent").get("runningCount").asInt() == 1
        && ecs.service("agent").get("desiredCount").asInt() == 1, Duration.ofSeconds(30), "the drained daemon task");
    List<JsonNode> tasks = describeTasks(ecs, "daemons").stream()
        .filter(t -> t.get("desiredStatus").asText().equals("RUNNING")).toList();
    assertEquals(1, tasks.size());
    assertEquals(b, tasks.get(0).get("containerInstanceArn").asText());
  }
}
