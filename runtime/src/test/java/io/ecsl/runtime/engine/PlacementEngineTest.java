package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Container instances and task placement through the ECS API, on the in-memory backend with a
 * manual clock: instances registered by a client, services and RunTask placed on them by ECS's
 * rules, resources accounted until tasks stop, draining.
 */
class PlacementEngineTest {
  static final String SERVE = "trap 'exit 0' TERM; sleep 3600 & wait";
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"c\"}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  /** Registers an instance with CPU units, MiB of memory and an Availability Zone; returns its ARN. */
  static String register(EngineHarness engine, String cluster, String zone, int cpu, int memory) {
    JsonNode response = engine.ecs("RegisterContainerInstance", "{\"cluster\":\"" + cluster + "\",\"totalResources\":["
        + "{\"name\":\"CPU\",\"type\":\"INTEGER\",\"integerValue\":" + cpu + "},"
        + "{\"name\":\"MEMORY\",\"type\":\"INTEGER\",\"integerValue\":" + memory + "}],"
        + "\"attributes\":[{\"name\":\"ecs.availability-zone\",\"value\":\"" + zone + "\"}]}");
    return response.at("/containerInstance/containerInstanceArn").asText();
  }

  static void taskDefinition(EngineHarness engine, String family, int cpu, int memory, String portMappings) {
    engine.registerTaskDefinition("{\"family\":\"" + family + "\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"cpu\":" + cpu + ",\"memory\":" + memory + ",\"command\":[\"sh\",\"-c\",\""
        + SERVE + "\"],\"portMappings\":[" + portMappings + "]}]}");
  }

  /** Zone → RUNNING-desired tasks of the cluster. */
  private Map<String, Integer> tasksPerZone(String cluster) {
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode task : engine.tasks(cluster, "RUNNING")) {
      out.merge(task.get("availabilityZone").asText(), 1, Integer::sum);
    }
    return out;
  }

  private JsonNode instance(String arn) {
    ObjectNode body = Json.object().put("cluster", "c");
    body.putArray("containerInstances").add(arn);
    return engine.ecs("DescribeContainerInstances", body).at("/containerInstances/0");
  }

  private static int resource(JsonNode instance, String list, String name) {
    for (JsonNode resource : instance.get(list)) {
      if (resource.get("name").asText().equals(name)) {
        return resource.get("integerValue").asInt();
      }
    }
    throw new AssertionError(name + " missing in " + instance);
  }

  @Test
  void threeInstancesInThreeZonesTakeSixTasksTwoEach() {
    String a = register(engine, "c", "us-east-1a", 4096, 8192);
    register(engine, "c", "us-east-1b", 4096, 8192);
    register(engine, "c", "us-east-1c", 4096, 8192);
    taskDefinition(engine, "web", 256, 512, "");
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":6}");
    engine.ticks(5);
    assertEquals(Map.of("us-east-1a", 2, "us-east-1b", 2, "us-east-1c", 2), tasksPerZone("c"));
    for (JsonNode task : engine.tasks("c", "RUNNING")) {
      assertTrue(task.get("containerInstanceArn").asText().startsWith(
          "arn:aws:ecs:us-east-1:000000000000:container-instance/c/"), task.toString());
      assertEquals("EC2", task.get("launchType").asText());
    }
    JsonNode described = instance(a);
    assertEquals(2, described.get("runningTasksCount").asInt());
    assertEquals(4096 - 512, resource(described, "remainingResources", "CPU"));
    assertEquals(8192 - 1024, resource(described, "remainingResources", "MEMORY"));
    assertEquals(4096, resource(described, "registeredResources", "CPU"));
    JsonNode cluster = engine.ecs("DescribeClusters", "{\"clusters\":[\"c\"],\"include\":[\"STATISTICS\"]}")
        .at("/clusters/0");
    assertEquals(3, cluster.get("registeredContainerInstancesCount").asInt());
    assertEquals("6", statistic(cluster, "runningEC2TasksCount"));
    assertEquals("0", statistic(cluster, "runningFargateTasksCount"));
    assertEquals("1", statistic(cluster, "activeEC2ServiceCount"));
  }

  @Test
  void aTaskDefinitionsMemberOfAppliesWithTheServicesAndOnlyMemberOfIsTakenThere() {
    register(engine, "c", "us-east-1a", 4096, 8192);
    register(engine, "c", "us-east-1b", 4096, 8192);
    register(engine, "c", "us-east-1c", 4096, 8192);
    String container = "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"memory\":64,"
        + "\"command\":[\"sh\",\"-c\",\"" + SERVE + "\"]}]";
    engine.registerTaskDefinition("{\"family\":\"notc\"," + container + ",\"placementConstraints\":[{\"type\":"
        + "\"memberOf\",\"expression\":\"attribute:ecs.availability-zone != us-east-1c\"}]}");
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"notc\","
        + "\"desiredCount\":4,\"placementConstraints\":[{\"type\":\"memberOf\",\"expression\":"
        + "\"attribute:ecs.availability-zone in [us-east-1b, us-east-1c]\"}]}");
    engine.ticks(5);
    assertEquals(Map.of("us-east-1b", 4), tasksPerZone("c"), "both constraints hold: only us-east-1b");

    ApiException distinct = assertThrows(ApiException.class, () -> engine.registerTaskDefinition(
        "{\"family\":\"d\"," + container + ",\"placementConstraints\":[{\"type\":\"distinctInstance\"}]}"));
    assertTrue(distinct.getMessage().startsWith("Invalid placement constraint type 'distinctInstance' in a task"
        + " definition"), distinct.getMessage());
    ApiException broken = assertThrows(ApiException.class, () -> engine.registerTaskDefinition(
        "{\"family\":\"d\"," + container + ",\"placementConstraints\":[{\"type\":\"memberOf\",\"expression\":"
        + "\"attribute:ecs.availability-zone in [us-east-1a\"}]}"));
    assertTrue(broken.getMessage().startsWith("Invalid cluster query expression"), broken.getMessage());
  }

  static String statistic(JsonNode cluster, String name) {
    for (JsonNode statistic : cluster.get("statistics")) {
      if (statistic.get("name").asText().equals(name)) {
        return statistic.get("value").asText();
      }
    }
    throw new AssertionError(name + " missing in " + cluster);
  }

  @Test
  void binpackOnMemoryFillsOneInstanceBeforeTheNext() {
    String a = register(engine, "c", "us-east-1a", 4096, 2048);
    String b = register(engine, "c", "us-east-1b", 4096, 2048);
    taskDefinition(engine, "web", 0, 512, "");
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":4,\"placementStrategy\":[{\"type\":\"binpack\",\"field\":\"memory\"}]}");
    engine.ticks(5);
    int onA = instance(a).get("runningTasksCount").asInt();
    int onB = instance(b).get("runningTasksCount").asInt();
    assertEquals(4, Math.max(onA, onB), "one instance takes all four: " + onA + "/" + onB);
    engine.ecs("UpdateService", "{\"cluster\":\"c\",\"service\":\"web\",\"desiredCount\":6}");
    engine.ticks(5);
    assertEquals(4, Math.max(instance(a).get("runningTasksCount").asInt(), instance(b).get("runningTasksCount").asInt()));
    assertEquals(2, Math.min(instance(a).get("runningTasksCount").asInt(), instance(b).get("runningTasksCount").asInt()));
  }

  @Test
  void anUnplaceableTaskFailsRunTaskAndLogsTheServiceEvent() {
    String small = register(engine, "c", "us-east-1a", 1024, 256);
    taskDefinition(engine, "big", 128, 512, "");
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"big\"}");
    assertEquals(0, run.get("tasks").size());
    assertEquals(small, run.at("/failures/0/arn").asText());
    assertEquals("RESOURCE:MEMORY", run.at("/failures/0/reason").asText());
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"big\",\"taskDefinition\":\"big\","
        + "\"desiredCount\":1}");
    engine.ticks(3);
    String id = small.substring(small.lastIndexOf('/') + 1);
    assertEquals("(service big) was unable to place a task because no container instance met all of its"
        + " requirements. The closest matching container-instance " + id + " has insufficient memory available."
        + " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.",
        engine.service("c", "big").at("/events/0/message").asText());
    assertEquals(0, engine.service("c", "big").get("pendingCount").asInt());
  }

  @Test
  void distinctInstanceAndStaticPortsLeaveTheRestUnplaced() {
    register(engine, "c", "us-east-1a", 4096, 8192);
    register(engine, "c", "us-east-1b", 4096, 8192);
    taskDefinition(engine, "web", 0, 64, "{\"containerPort\":80,\"hostPort\":8080}");
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\",\"count\":3}");
    assertEquals(2, run.get("tasks").size());
    assertEquals(List.of("RESOURCE:PORTS", "RESOURCE:PORTS"), run.get("failures").findValuesAsText("reason"));
    assertNotEquals(run.at("/tasks/0/containerInstanceArn"), run.at("/tasks/1/containerInstanceArn"));
    taskDefinition(engine, "worker", 0, 64, "");
    JsonNode distinct = engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"worker\",\"count\":3,"
        + "\"placementConstraints\":[{\"type\":\"distinctInstance\"}]}");
    assertEquals(2, distinct.get("tasks").size());
    assertEquals("DistinctInstance placement constraint unsatisfied.", distinct.at("/failures/0/reason").asText());
  }

  @Test
  void resourcesComeBackWhenTasksStop() {
    String a = register(engine, "c", "us-east-1a", 1024, 1024);
    taskDefinition(engine, "web", 512, 512, "");
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\",\"count\":2}");
    assertEquals(2, run.get("tasks").size());
    assertEquals(0, resource(instance(a), "remainingResources", "MEMORY"));
    assertEquals("RESOURCE:CPU", engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\"}")
        .at("/failures/0/reason").asText());
    engine.ecs("StopTask", "{\"cluster\":\"c\",\"task\":\"" + run.at("/tasks/0/taskArn").asText() + "\"}");
    engine.ticks(5);
    assertEquals(512, resource(instance(a), "remainingResources", "MEMORY"));
    assertEquals(1, engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\"}").get("tasks").size());
  }

  @Test
  void aClusterWithoutInstancesRunsEc2TasksOnTheDockerHostInstance() {
    taskDefinition(engine, "web", 0, 64, "");
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\"}");
    assertEquals(1, run.get("tasks").size());
    JsonNode host = instance(run.at("/tasks/0/containerInstanceArn").asText());
    assertTrue(host.toString().contains("\"ecsl.docker-host\""), host.toString());
    assertEquals("local", attribute(host, "ecs.instance-type"));
    // once a cluster has had an instance, none is added for it
    engine.ecs("CreateCluster", "{\"clusterName\":\"d\"}");
    String only = register(engine, "d", "us-east-1a", 1024, 1024);
    engine.ecs("DeregisterContainerInstance", "{\"cluster\":\"d\",\"containerInstance\":\"" + only + "\"}");
    ApiException none = assertThrows(ApiException.class,
        () -> engine.ecs("RunTask", "{\"cluster\":\"d\",\"taskDefinition\":\"web\"}"));
    assertEquals("No Container Instances were found in your cluster.", none.getMessage());
  }

  static String attribute(JsonNode instance, String name) {
    for (JsonNode attribute : instance.get("attributes")) {
      if (attribute.get("name").asText().equals(name)) {
        return attribute.path("value").asText();
      }
    }
    return null;
  }

  @Test
  void drainingReplacesServiceTasksElsewhereAndLeavesStandaloneOnes() {
    String a = register(engine, "c", "us-east-1a", 4096, 8192);
    String b = register(engine, "c", "us-east-1b", 4096, 8192);
    taskDefinition(engine, "web", 0, 128, "");
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":2,\"deploymentConfiguration\":{\"minimumHealthyPercent\":100,\"maximumPercent\":200}}");
    engine.run(45, Duration.ofSeconds(1));
    JsonNode standalone = engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\","
        + "\"placementConstraints\":[{\"type\":\"distinctInstance\"}]}");
    String standaloneArn = standalone.at("/tasks/0/taskArn").asText();
    String drained = standalone.at("/tasks/0/containerInstanceArn").asText();
    String other = drained.equals(a) ? b : a;
    engine.ecs("UpdateContainerInstancesState", "{\"cluster\":\"c\",\"containerInstances\":[\"" + drained
        + "\"],\"status\":\"DRAINING\"}");
    engine.ticks(3);
    // the replacement starts first (min 100%): for a moment the drained task still runs
    assertEquals(1, runningOn(drained, "service:web") + stoppingOn(drained), "the old task is still there");
    engine.run(45, Duration.ofSeconds(1));
    assertEquals(0, runningOn(drained, "service:web"));
    assertEquals(2, runningOn(other, "service:web"));
    JsonNode task = engine.tasks("c", "RUNNING").stream().filter(t -> t.get("taskArn").asText()
        .equals(standaloneArn)).findFirst().orElseThrow();
    assertEquals("RUNNING", task.get("lastStatus").asText(), "standalone tasks are not moved");
    assertEquals("DRAINING", instance(drained).get("status").asText());
    assertEquals(1, instance(drained).get("runningTasksCount").asInt());
    JsonNode stopped = engine.tasks("c", "STOPPED").get(0);
    assertEquals("ServiceSchedulerInitiated", stopped.get("stopCode").asText());
    assertTrue(stopped.get("stoppedReason").asText().contains("DRAINING"), stopped.toString());
  }

  private long runningOn(String instance, String group) {
    return engine.tasks("c", "RUNNING").stream().filter(t -> instance.equals(t.path("containerInstanceArn").asText())
        && group.equals(t.get("group").asText()) && t.get("desiredStatus").asText().equals("RUNNING")).count();
  }

  private long stoppingOn(String instance) {
    return engine.allTasks("c").stream().filter(t -> instance.equals(t.path("containerInstanceArn").asText())
        && t.get("desiredStatus").asText().equals("STOPPED") && !t.get("lastStatus").asText().equals("STOPPED"))
        .count();
  }

  @Test
  void customAttributesArePutListedAndDeleted() {
    String a = register(engine, "c", "us-east-1a", 1024, 1024);
    String id = a.substring(a.lastIndexOf('/') + 1);
    engine.ecs("PutAttributes", "{\"cluster\":\"c\",\"attributes\":[{\"name\":\"stack\",\"value\":\"prod\","
        + "\"targetId\":\"" + id + "\"}]}");
    JsonNode listed = engine.ecs("ListAttributes", "{\"cluster\":\"c\",\"targetType\":\"container-instance\","
        + "\"attributeName\":\"stack\"}");
    assertEquals(List.of(a), listed.get("attributes").findValuesAsText("targetId"));
    assertEquals("prod", attribute(instance(a), "stack"));
    engine.ecs("DeleteAttributes", "{\"cluster\":\"c\",\"attributes\":[{\"name\":\"stack\",\"targetId\":\"" + a
        + "\"}]}");
    assertEquals(null, attribute(instance(a), "stack"));
    ApiException missing = assertThrows(ApiException.class, () -> engine.ecs("PutAttributes",
        "{\"cluster\":\"c\",\"attributes\":[{\"name\":\"x\",\"value\":\"y\",\"targetId\":\"nope\"}]}"));
    assertEquals("TargetNotFoundException", missing.type());
  }

  @Test
  void deregisteringAnInstanceWithTasksNeedsForceAndStopsThem() {
    String a = register(engine, "c", "us-east-1a", 1024, 1024);
    taskDefinition(engine, "web", 0, 64, "");
    engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\"}");
    engine.ticks(3);
    ApiException refused = assertThrows(ApiException.class, () -> engine.ecs("DeregisterContainerInstance",
        "{\"cluster\":\"c\",\"containerInstance\":\"" + a + "\"}"));
    assertTrue(refused.getMessage().contains("force"), refused.getMessage());
    engine.ecs("DeregisterContainerInstance", "{\"cluster\":\"c\",\"containerInstance\":\"" + a + "\",\"force\":true}");
    engine.ticks(5);
    assertEquals("INACTIVE", instance(a).get("status").asText());
    assertEquals("TerminationNotice", engine.tasks("c", "STOPPED").get(0).get("stopCode").asText());
    assertFalse(engine.ecs("ListContainerInstances", "{\"cluster\":\"c\"}").get("containerInstanceArns").toString()
        .contains(a));
  }
}
