package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capacity provider strategies through the ECS API: base then weight, both ways, per deployment. */
class CapacityProviderEngineTest {
  private static final String NETWORK = "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}";
  private static final String SPOT_MIX = "[{\"capacityProvider\":\"FARGATE\",\"base\":2,\"weight\":1},"
      + "{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":3}]";
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"w\",\"capacityProviders\":[\"FARGATE\",\"FARGATE_SPOT\"]}");
    engine.registerTaskDefinition("{\"family\":\"worker\",\"networkMode\":\"awsvpc\",\"requiresCompatibilities\":"
        + "[\"FARGATE\"],\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":"
        + "\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + PlacementEngineTest.SERVE + "\"]}]}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private Map<String, Integer> perProvider() {
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode task : engine.tasks("w", "RUNNING")) {
      out.merge(task.path("capacityProviderName").asText("-"), 1, Integer::sum);
    }
    return out;
  }

  private void createService(int desired, String strategy) {
    engine.ecs("CreateService", "{\"cluster\":\"w\",\"serviceName\":\"worker\",\"taskDefinition\":\"worker\","
        + "\"desiredCount\":" + desired + ",\"capacityProviderStrategy\":" + strategy + "," + NETWORK + "}");
  }

  @Test
  void tenTasksSplitFourOnFargateAndSixOnSpotAndScaleInKeepsTheBase() {
    createService(10, SPOT_MIX);
    engine.ticks(5);
    assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), perProvider());
    for (JsonNode task : engine.tasks("w", "RUNNING")) {
      assertEquals("FARGATE", task.get("launchType").asText());
    }
    JsonNode cluster = engine.ecs("DescribeClusters", "{\"clusters\":[\"w\"],\"include\":[\"STATISTICS\"]}")
        .at("/clusters/0");
    assertEquals("10", PlacementEngineTest.statistic(cluster, "runningFargateTasksCount"));
    assertEquals("0", PlacementEngineTest.statistic(cluster, "runningEC2TasksCount"));
    assertEquals("1", PlacementEngineTest.statistic(cluster, "activeFargateServiceCount"));
    engine.ecs("UpdateService", "{\"cluster\":\"w\",\"service\":\"worker\",\"desiredCount\":3}");
    engine.ticks(5);
    assertEquals(Map.of("FARGATE", 2, "FARGATE_SPOT", 1), perProvider(), "the base of 2 stays on FARGATE");
    engine.ecs("UpdateService", "{\"cluster\":\"w\",\"service\":\"worker\",\"desiredCount\":10}");
    engine.ticks(5);
    assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), perProvider(), "scaling back out returns to the split");
  }

  @Test
  void theClustersDefaultStrategyAppliesWhenTheServiceGivesNone() {
    engine.ecs("PutClusterCapacityProviders", "{\"cluster\":\"w\",\"capacityProviders\":[\"FARGATE\","
        + "\"FARGATE_SPOT\"],\"defaultCapacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE_SPOT\","
        + "\"weight\":1}]}");
    engine.ecs("CreateService", "{\"cluster\":\"w\",\"serviceName\":\"worker\",\"taskDefinition\":\"worker\","
        + "\"desiredCount\":2," + NETWORK + "}");
    engine.ticks(5);
    assertEquals(Map.of("FARGATE_SPOT", 2), perProvider());
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"w\",\"taskDefinition\":\"worker\",\"count\":3," + NETWORK
        + "}");
    assertEquals(3, run.get("tasks").size());
    assertEquals("FARGATE_SPOT", run.at("/tasks/2/capacityProviderName").asText());
    JsonNode withLaunchType = engine.ecs("RunTask", "{\"cluster\":\"w\",\"taskDefinition\":\"worker\","
        + "\"launchType\":\"FARGATE\"," + NETWORK + "}");
    assertTrue(withLaunchType.at("/tasks/0/capacityProviderName").isMissingNode(),
        "a task launched with a launch type has no capacity provider: " + withLaunchType);
  }

  @Test
  void runTaskSplitsEachCallByTheStrategy() {
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"w\",\"taskDefinition\":\"worker\",\"count\":10,"
        + "\"capacityProviderStrategy\":" + SPOT_MIX + "," + NETWORK + "}");
    Map<String, Integer> split = new TreeMap<>();
    run.get("tasks").forEach(t -> split.merge(t.get("capacityProviderName").asText(), 1, Integer::sum));
    assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), split);
  }

  @Test
  void changingTheStrategyIsANewDeployment() {
    createService(2, "[{\"capacityProvider\":\"FARGATE\",\"weight\":1}]");
    engine.run(45, Duration.ofSeconds(1));
    String first = engine.service("w", "worker").at("/deployments/0/id").asText();
    engine.ecs("UpdateService", "{\"cluster\":\"w\",\"service\":\"worker\",\"capacityProviderStrategy\":"
        + "[{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":1}]}");
    JsonNode service = engine.service("w", "worker");
    assertEquals(2, service.get("deployments").size());
    assertNotEquals(first, service.at("/deployments/0/id").asText());
    assertEquals("FARGATE_SPOT", service.at("/deployments/0/capacityProviderStrategy/0/capacityProvider").asText());
    engine.run(100, Duration.ofSeconds(1));
    assertEquals(Map.of("FARGATE_SPOT", 2), perProvider());
    assertEquals(1, engine.service("w", "worker").get("deployments").size());
  }

  @Test
  void aLaunchTypeTheTaskDefinitionDoesNotSupportIsRefused() {
    engine.registerTaskDefinition("{\"family\":\"bridge\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":"
        + "\"app\",\"image\":\"ecsl/busybox:latest\"}]}");
    ApiException runTask = assertThrows(ApiException.class, () -> engine.ecs("RunTask",
        "{\"cluster\":\"w\",\"taskDefinition\":\"bridge\",\"launchType\":\"FARGATE\"}"));
    assertEquals("Task definition does not support launch_type FARGATE.", runTask.getMessage());
    ApiException service = assertThrows(ApiException.class, () -> engine.ecs("CreateService",
        "{\"cluster\":\"w\",\"serviceName\":\"b\",\"taskDefinition\":\"bridge\",\"desiredCount\":1,"
        + "\"capacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":1}]}"));
    assertEquals("Task definition does not support launch_type FARGATE.", service.getMessage());
    ApiException both = assertThrows(ApiException.class, () -> engine.ecs("RunTask",
        "{\"cluster\":\"w\",\"taskDefinition\":\"worker\",\"launchType\":\"FARGATE\",\"capacityProviderStrategy\":"
        + SPOT_MIX + "," + NETWORK + "}"));
    assertTrue(both.getMessage().startsWith("Specifying both a launch type and capacity provider strategy"));
  }

  /**
   * What ECS refuses in a strategy is judged by the one rule in facts (CapacityProviderStrategy),
   * whose messages name the providers at fault.
   */
  @Test
  void aStrategyEcsRefusesIsRefusedNamingTheProviders() {
    Map<String, String> refused = Map.of(
        "[{\"capacityProvider\":\"FARGATE\",\"base\":1,\"weight\":1},{\"capacityProvider\":\"FARGATE_SPOT\",\"base\":2}]",
        "Only one capacity provider in a strategy can have a base; FARGATE and FARGATE_SPOT both have one"
            + " (capacityProviderStrategy).",
        "[{\"capacityProvider\":\"FARGATE\",\"weight\":1},{\"capacityProvider\":\"FARGATE\",\"weight\":2}]",
        "Capacity provider FARGATE appears twice in the strategy (capacityProviderStrategy).",
        "[{\"capacityProvider\":\"FARGATE\"},{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":0}]",
        "At least one capacity provider in a strategy of several must have a weight greater than 0"
            + " (capacityProviderStrategy).",
        "[{\"capacityProvider\":\"\",\"weight\":1}]",
        "Every capacity provider strategy item needs a capacityProvider (capacityProviderStrategy).");
    for (Map.Entry<String, String> strategy : refused.entrySet()) {
      ApiException e = assertThrows(ApiException.class, () -> createService(1, strategy.getKey()), strategy.getKey());
      assertEquals("InvalidParameterException", e.type());
      assertEquals(strategy.getValue(), e.getMessage());
    }
  }

  @Test
  void aDaemonIsRefusedOnFargate() {
    ApiException daemon = assertThrows(ApiException.class, () -> engine.ecs("CreateService",
        "{\"cluster\":\"w\",\"serviceName\":\"d\",\"taskDefinition\":\"worker\",\"schedulingStrategy\":\"DAEMON\","
        + "\"launchType\":\"FARGATE\"," + NETWORK + "}"));
    assertTrue(daemon.getMessage().contains("DAEMON scheduling strategy does not support the FARGATE launch type"),
        daemon.getMessage());
  }
}
