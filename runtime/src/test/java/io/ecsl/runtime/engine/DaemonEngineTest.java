package io.ecsl.runtime.engine;

import static io.ecsl.runtime.engine.PlacementEngineTest.register;
import static io.ecsl.runtime.engine.PlacementEngineTest.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DAEMON services (§6.2): one task per eligible ACTIVE instance, following registration and draining. */
class DaemonEngineTest {
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"c\"}");
    taskDefinition(engine, "agent", 0, 64, "");
    taskDefinition(engine, "web", 0, 128, "");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private List<JsonNode> daemonTasks() {
    return engine.tasks("c", "RUNNING").stream().filter(t -> t.get("group").asText().equals("service:agent"))
        .toList();
  }

  private Set<String> instancesOf(List<JsonNode> tasks) {
    Set<String> out = new HashSet<>();
    tasks.forEach(t -> out.add(t.get("containerInstanceArn").asText()));
    return out;
  }

  private void createDaemon() {
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"agent\",\"taskDefinition\":\"agent\","
        + "\"schedulingStrategy\":\"DAEMON\",\"launchType\":\"EC2\"}");
  }

  @Test
  void aDaemonRunsOneTaskOnEachInstanceAndFollowsNewOnes() {
    String a = register(engine, "c", "us-east-1a", 2048, 4096);
    String b = register(engine, "c", "us-east-1b", 2048, 4096);
    createDaemon();
    engine.ticks(5);
    assertEquals(Set.of(a, b), instancesOf(daemonTasks()));
    assertEquals(2, engine.service("c", "agent").get("desiredCount").asInt());
    String c = register(engine, "c", "us-east-1c", 2048, 4096);
    engine.ticks(5);
    assertEquals(Set.of(a, b, c), instancesOf(daemonTasks()));
    assertEquals(3, engine.service("c", "agent").get("desiredCount").asInt());
    assertEquals(3, engine.service("c", "agent").at("/deployments/0/desiredCount").asInt());
  }

  @Test
  void aNewInstanceGoesToTheDaemonBeforeAWaitingReplicaTask() {
    String a = register(engine, "c", "us-east-1a", 2048, 192);
    // the replica service first, so the order the services were created in cannot be what decides
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":2}");
    createDaemon();
    engine.ticks(5);
    // a: the daemon's 64 MiB and one web task's 128; the second web task waits
    assertEquals(Set.of(a), instancesOf(daemonTasks()));
    String b = register(engine, "c", "us-east-1b", 2048, 128);
    engine.ticks(5);
    // b fits either the daemon task or a web task, not both: the daemon is placed first (§6.2)
    assertEquals(Set.of(a, b), instancesOf(daemonTasks()));
    assertEquals(1, engine.tasks("c", "RUNNING").stream().filter(t -> t.get("group").asText().equals("service:web"))
        .count());
  }

  @Test
  void aDrainingInstanceLosesItsDaemonTaskOnlyAfterItsOtherServiceTasks() {
    String a = register(engine, "c", "us-east-1a", 2048, 4096);
    String b = register(engine, "c", "us-east-1b", 2048, 4096);
    createDaemon();
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":2,\"placementConstraints\":[{\"type\":\"distinctInstance\"}],"
        + "\"deploymentConfiguration\":{\"minimumHealthyPercent\":50,\"maximumPercent\":100}}");
    engine.run(45, Duration.ofSeconds(1));
    engine.ecs("UpdateContainerInstancesState", "{\"cluster\":\"c\",\"containerInstances\":[\"" + a
        + "\"],\"status\":\"DRAINING\"}");
    engine.ticks(1);
    List<JsonNode> all = engine.allTasks("c");
    JsonNode daemonOnA = all.stream().filter(t -> t.get("group").asText().equals("service:agent")
        && t.get("containerInstanceArn").asText().equals(a)).findFirst().orElseThrow();
    assertEquals("RUNNING", daemonOnA.get("desiredStatus").asText(), "the daemon stays while web's task is there");
    engine.ticks(10);
    assertEquals(Set.of(b), instancesOf(daemonTasks()), "once web's task left, the daemon's went too");
    assertEquals(1, engine.service("c", "agent").get("desiredCount").asInt());
    // web's task could not go elsewhere (distinctInstance, one instance left): one runs, on b
    assertEquals(1, engine.tasks("c", "RUNNING").stream().filter(t -> t.get("group").asText().equals("service:web")
        && t.get("desiredStatus").asText().equals("RUNNING")).count());
    engine.ecs("UpdateContainerInstancesState", "{\"cluster\":\"c\",\"containerInstances\":[\"" + a
        + "\"],\"status\":\"ACTIVE\"}");
    engine.ticks(5);
    assertEquals(Set.of(a, b), instancesOf(daemonTasks()), "an instance back to ACTIVE gets its daemon again");
  }

  @Test
  void aDaemonCannotHavePlacementStrategiesNorACapacityProviderStrategy() {
    ApiException strategies = assertThrows(ApiException.class, () -> engine.ecs("CreateService",
        "{\"cluster\":\"c\",\"serviceName\":\"agent\",\"taskDefinition\":\"agent\",\"schedulingStrategy\":\"DAEMON\","
        + "\"placementStrategy\":[{\"type\":\"random\"}]}"));
    assertTrue(strategies.getMessage().startsWith("Placement strategies are not supported with the DAEMON"));
  }
}
