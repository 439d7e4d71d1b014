package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Managed Daemons on the engine (in-memory backend, a manual clock): one daemon task per instance
 * of the daemon's Managed Instances provider, running before any other task is placed there, on
 * instances that join later too; a stopped daemon task gets its instance drained and replaced;
 * UpdateDaemon replaces the instances drainPercent at a time with the bake time between steps.
 */
class ManagedDaemonEngineTest {
  private static final String AGENT_1 = "arn:aws:ecs:us-east-1:000000000000:daemon-task-definition/agent:1";
  private static final String AGENT_2 = "arn:aws:ecs:us-east-1:000000000000:daemon-task-definition/agent:2";
  private static final String DAEMON = "arn:aws:ecs:us-east-1:000000000000:daemon/c/agent";
  private EngineHarness engine;
  private final List<String> violations = new ArrayList<>();
  /** Instances that ran tasks before the daemon existed (a deployment replaces them). */
  private final Set<String> before = new HashSet<>();

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"c\"}");
    engine.ecs("CreateCapacityProvider", "{\"name\":\"mi\",\"cluster\":\"c\",\"managedInstancesProvider\":{"
        + "\"infrastructureRoleArn\":\"arn:aws:iam::000000000000:role/infra\",\"instanceLaunchTemplate\":{"
        + "\"ec2InstanceProfileArn\":\"arn:aws:iam::000000000000:instance-profile/p\",\"networkConfiguration\":"
        + "{\"subnets\":[\"subnet-1\"]},\"instanceRequirements\":{\"vCpuCount\":{\"min\":2,\"max\":2},"
        + "\"memoryMiB\":{\"min\":4096},\"cpuManufacturers\":[\"intel\"]}},"
        + "\"infrastructureOptimization\":{\"scaleInAfter\":600}}}");
    engine.registerTaskDefinition("{\"family\":\"web\",\"networkMode\":\"none\",\"requiresCompatibilities\":"
        + "[\"MANAGED_INSTANCES\"],\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\","
        + "\"cpu\":768,\"memory\":1024,\"command\":[\"sh\",\"-c\",\"sleep 3600\"]}]}");
    registerAgent();
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private void registerAgent() {
    engine.ecs("RegisterDaemonTaskDefinition", "{\"family\":\"agent\",\"cpu\":\"256\",\"memory\":\"128\","
        + "\"containerDefinitions\":[{\"name\":\"agent\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\","
        + "\"sleep 3600\"]}]}");
  }

  private JsonNode createDaemon(String configuration) {
    return engine.ecs("CreateDaemon", "{\"daemonName\":\"agent\",\"clusterArn\":\"c\",\"daemonTaskDefinitionArn\":\""
        + AGENT_1 + "\",\"capacityProviderArns\":[\"mi\"],\"deploymentConfiguration\":" + configuration + "}");
  }

  private void createWeb(int count) {
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\",\"desiredCount\":"
        + count + ",\"capacityProviderStrategy\":[{\"capacityProvider\":\"mi\",\"weight\":1}]}");
  }

  /** Runs passes, checking after each that no other task is placed on an instance before its daemon task runs. */
  private void run(int passes, Duration step) {
    for (int i = 0; i < passes; i++) {
      engine.run(1, step);
      checkDaemonsRunFirst();
    }
  }

  private void checkDaemonsRunFirst() {
    Map<String, Boolean> daemonRunning = new HashMap<>();
    List<JsonNode> tasks = engine.tasks("c", "RUNNING");
    for (JsonNode task : tasks) {
      if (task.path("group").asText().startsWith("daemon:") && "RUNNING".equals(task.path("lastStatus").asText())) {
        daemonRunning.put(task.path("containerInstanceArn").asText(), true);
      }
    }
    for (JsonNode task : tasks) {
      String instance = task.path("containerInstanceArn").asText("");
      if (!task.path("group").asText().startsWith("daemon:") && !instance.isEmpty() && !before.contains(instance)
          && !daemonRunning.getOrDefault(instance, false)) {
        violations.add(task.path("taskArn").asText() + " placed on " + instance + " before its daemon task ran");
      }
    }
  }

  private List<JsonNode> daemonTasks() {
    return engine.tasks("c", "RUNNING").stream().filter(t -> t.path("group").asText().equals("daemon:agent")).toList();
  }

  private List<JsonNode> instances(String status) {
    JsonNode arns = engine.ecs("ListContainerInstances", "{\"cluster\":\"c\",\"status\":\"" + status + "\"}")
        .get("containerInstanceArns");
    if (arns.isEmpty()) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    engine.ecs("DescribeContainerInstances", Json.object().put("cluster", "c").set("containerInstances", arns))
        .get("containerInstances").forEach(out::add);
    return out;
  }

  private JsonNode deployment(String arn) {
    return engine.ecs("DescribeDaemonDeployments", "{\"daemonDeploymentArns\":[\"" + arn + "\"]}")
        .at("/daemonDeployments/0");
  }

  /** Each ACTIVE instance runs exactly one daemon task, of {@code definition}. */
  private void assertOneDaemonTaskPerInstance(String definition) {
    List<JsonNode> daemons = daemonTasks();
    Set<String> on = new HashSet<>();
    for (JsonNode task : daemons) {
      assertTrue(on.add(task.path("containerInstanceArn").asText()), "two daemon tasks on one instance: " + daemons);
    }
    Set<String> active = new HashSet<>();
    instances("ACTIVE").forEach(i -> active.add(i.path("containerInstanceArn").asText()));
    assertEquals(active, on, "one daemon task per ACTIVE instance");
    for (JsonNode task : daemons) {
      assertEquals(definition, task.path("taskDefinitionArn").asText());
    }
  }

  @Test
  void everyInstanceRunsTheDaemonFirstAlsoAfterScaleOutAndCountsItsResources() {
    JsonNode created = createDaemon("{}");
    run(3, Duration.ofSeconds(1));
    assertEquals("SUCCESSFUL", deployment(created.path("deploymentArn").asText()).path("status").asText(),
        "no instance to roll yet");
    createWeb(2);
    run(20, Duration.ofSeconds(1));
    assertEquals(2, engine.service("c", "web").path("runningCount").asInt());
    assertFalse(instances("ACTIVE").isEmpty());
    assertOneDaemonTaskPerInstance(AGENT_1);
    JsonNode daemonTask = daemonTasks().get(0);
    assertEquals("MANAGED_INSTANCES", daemonTask.path("launchType").asText());
    assertEquals("mi", daemonTask.path("capacityProviderName").asText());
    assertEquals(Json.text(created, "deploymentArn").substring(Json.text(created, "deploymentArn").lastIndexOf('/') + 1),
        daemonTask.path("startedBy").asText(), "started by the daemon deployment");
    for (JsonNode instance : instances("ACTIVE")) {
      int running = instance.path("runningTasksCount").asInt();
      int cpuLeft = 0;
      for (JsonNode resource : instance.path("remainingResources")) {
        if ("CPU".equals(resource.path("name").asText())) {
          cpuLeft = resource.path("integerValue").asInt();
        }
      }
      assertEquals(2048 - 256 - 768 * (running - 1), cpuLeft, "the daemon task's 256 CPU units count: " + instance);
    }

    engine.ecs("UpdateService", "{\"cluster\":\"c\",\"service\":\"web\",\"desiredCount\":5}");
    run(30, Duration.ofSeconds(1));
    assertEquals(5, engine.service("c", "web").path("runningCount").asInt());
    assertTrue(instances("ACTIVE").size() >= 3, "scale-out launched instances");
    assertOneDaemonTaskPerInstance(AGENT_1);
    JsonNode detail = engine.ecs("DescribeDaemon", "{\"daemonArn\":\"" + DAEMON + "\"}").path("daemon");
    assertEquals(instances("ACTIVE").size(), detail.at("/currentRevisions/0/totalRunningCount").asInt());
    assertEquals(List.of(), violations);
  }

  @Test
  void aDaemonTaskThatStopsHasItsInstanceDrainedAndReplaced() {
    createDaemon("{}");
    createWeb(2);
    run(20, Duration.ofSeconds(1));
    JsonNode victim = daemonTasks().get(0);
    String instance = victim.path("containerInstanceArn").asText();
    engine.ecs("StopTask", "{\"cluster\":\"c\",\"task\":\"" + victim.path("taskArn").asText() + "\"}");
    run(2, Duration.ofSeconds(1));
    JsonNode drained = engine.ecs("DescribeContainerInstances", "{\"cluster\":\"c\",\"containerInstances\":[\""
        + instance + "\"]}").at("/containerInstances/0");
    assertEquals("DRAINING", drained.path("status").asText(), "not restarted in place");
    run(60, Duration.ofSeconds(1));
    List<String> active = instances("ACTIVE").stream().map(i -> i.path("containerInstanceArn").asText()).toList();
    assertFalse(active.contains(instance), "the instance was replaced");
    assertEquals(2, engine.service("c", "web").path("runningCount").asInt());
    assertOneDaemonTaskPerInstance(AGENT_1);
    assertEquals(List.of(), violations);
  }

  @Test
  void updateDaemonRollsTheInstancesAStepAtATimeWithTheBakeTimeBetweenSteps() {
    createDaemon("{\"drainPercent\":50.0}");
    createWeb(4);
    run(30, Duration.ofSeconds(1));
    int total = instances("ACTIVE").size();
    assertEquals(2, total, "two 768-unit tasks beside the daemon on each 2-vCPU instance: " + total);
    registerAgent();
    String update = engine.ecs("UpdateDaemon", "{\"daemonArn\":\"" + DAEMON + "\",\"daemonTaskDefinitionArn\":\"" + AGENT_2
        + "\",\"capacityProviderArns\":[\"mi\"],\"deploymentConfiguration\":{\"drainPercent\":50.0,"
        + "\"bakeTimeInMinutes\":10}}").path("deploymentArn").asText();
    run(40, Duration.ofSeconds(1));
    JsonNode baking = deployment(update);
    assertEquals("IN_PROGRESS", baking.path("status").asText());
    assertEquals(1, baking.at("/targetDaemonRevision/totalRunningInstanceCount").asInt(), "one step of 50%: " + baking);
    assertEquals(1, baking.at("/sourceDaemonRevisions/0/totalRunningInstanceCount").asInt());
    run(50, Duration.ofSeconds(10));
    assertEquals(1, deployment(update).at("/sourceDaemonRevisions/0/totalRunningInstanceCount").asInt(),
        "bakes 10 minutes before the next step");
    run(40, Duration.ofSeconds(10));
    run(40, Duration.ofSeconds(1));
    assertEquals("IN_PROGRESS", deployment(update).path("status").asText(), "the last step bakes too");
    run(70, Duration.ofSeconds(10));
    JsonNode done = deployment(update);
    assertEquals("SUCCESSFUL", done.path("status").asText(), done.toString());
    assertTrue(done.has("finishedAt"));
    assertOneDaemonTaskPerInstance(AGENT_2);
    assertEquals(4, engine.service("c", "web").path("runningCount").asInt());
    assertEquals(List.of(), violations);
  }

  @Test
  void aDaemonCreatedOverBusyInstancesReplacesThemSoItsTaskStartsFirstEverywhere() {
    createWeb(4);
    run(30, Duration.ofSeconds(1));
    instances("ACTIVE").forEach(i -> before.add(i.path("containerInstanceArn").asText()));
    assertEquals(2, before.size());
    violations.clear();
    String deployment = createDaemon("{\"drainPercent\":50.0}").path("deploymentArn").asText();
    run(3, Duration.ofSeconds(1));
    assertTrue(daemonTasks().stream().noneMatch(t -> before.contains(t.path("containerInstanceArn").asText())),
        "no daemon task is slipped in beside running tasks: it starts on the replacement instances");
    assertEquals(1, instances("DRAINING").size(), "50%: one instance replaced at a time");
    // Each step waits for the web tasks to move and stop (their 30 s stop timeout) before the next.
    run(200, Duration.ofSeconds(1));
    assertEquals("SUCCESSFUL", deployment(deployment).path("status").asText(), deployment(deployment).toString());
    List<String> after = instances("ACTIVE").stream().map(i -> i.path("containerInstanceArn").asText()).toList();
    assertTrue(after.stream().noneMatch(before::contains), "every busy instance was replaced: " + after);
    assertOneDaemonTaskPerInstance(AGENT_1);
    assertEquals(4, engine.service("c", "web").path("runningCount").asInt());
    assertEquals(List.of(), violations);
  }

  @Test
  void daemonsSurviveARestartAndDeletingOneStopsItsTasks() {
    createDaemon("{}");
    createWeb(1);
    run(20, Duration.ofSeconds(1));
    engine.restart();
    run(3, Duration.ofSeconds(1));
    assertOneDaemonTaskPerInstance(AGENT_1);
    assertEquals("ACTIVE", engine.ecs("DescribeDaemon", "{\"daemonArn\":\"" + DAEMON + "\"}").at("/daemon/status").asText());
    engine.ecs("DeleteDaemon", "{\"daemonArn\":\"" + DAEMON + "\"}");
    ApiException notActive = assertThrows(ApiException.class, () -> engine.ecs("UpdateDaemon", "{\"daemonArn\":\""
        + DAEMON + "\",\"daemonTaskDefinitionArn\":\"" + AGENT_1 + "\",\"capacityProviderArns\":[\"mi\"]}"));
    assertEquals("DaemonNotActiveException", notActive.type());
    assertEquals("DaemonNotActiveException", assertThrows(ApiException.class,
        () -> engine.ecs("DeleteDaemon", "{\"daemonArn\":\"" + DAEMON + "\"}")).type());
    assertEquals("DELETE_IN_PROGRESS", engine.ecs("DescribeDaemon", "{\"daemonArn\":\"" + DAEMON + "\"}")
        .at("/daemon/status").asText(), "until its tasks have stopped");
    run(40, Duration.ofSeconds(1));
    assertEquals(List.of(), daemonTasks());
    ApiException gone = assertThrows(ApiException.class,
        () -> engine.ecs("DescribeDaemon", "{\"daemonArn\":\"" + DAEMON + "\"}"));
    assertEquals("DaemonNotFoundException", gone.type());
    assertEquals(1, engine.service("c", "web").path("runningCount").asInt(), "the application keeps running");
  }
}
