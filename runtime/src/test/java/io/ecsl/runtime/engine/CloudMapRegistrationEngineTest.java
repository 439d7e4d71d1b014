package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.discovery.InstanceRegistrations;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskEntity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud Map registrations through a rolling deployment that moves a service to another registry
 * (UpdateService with other {@code serviceRegistries}), on the engine: the old deployment's tasks
 * stay in the old Cloud Map service until they stop, the new deployment's tasks are in the new one
 * only, as on ECS where registries belong to the service revision (integrations §3.1, §1).
 */
class CloudMapRegistrationEngineTest {
  private static final String SERVE = "trap 'exit 0' TERM; sleep 3600 & wait";
  private static final String REGISTRY = "arn:aws:servicediscovery:us-east-1:000000000000:service/";
  private static final Map<String, ObjectNode> CLOUD_MAP = Map.of("srv-old", Json.object().put("Id", "srv-old"),
      "srv-new", Json.object().put("Id", "srv-new"));
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"demo\"}");
    engine.registerTaskDefinition("{\"family\":\"web\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + SERVE + "\"]}]}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  /** Task id to the Cloud Map services it is an instance of, as the discovery stage would make them. */
  private Map<String, Set<String>> registrations() {
    Map<String, Set<String>> out = new TreeMap<>();
    InstanceRegistrations.desired(engine.plane().state().services.values(), engine.plane().state().tasks.values(),
        CLOUD_MAP, t -> "bridge").values()
        .forEach(r -> out.computeIfAbsent(r.instanceId(), k -> new TreeSet<>()).add(r.serviceId()));
    return out;
  }

  private Set<String> liveTasks(String deploymentId) {
    Set<String> out = new TreeSet<>();
    for (TaskEntity task : engine.plane().state().tasks.values()) {
      if (deploymentId.equals(task.deploymentId) && task.isActive() && !task.isStopping()) {
        out.add(task.taskId);
      }
    }
    return out;
  }

  @Test
  void movingToAnotherRegistryKeepsTheOldTasksInTheOldOneUntilTheyStop() {
    engine.ecs("CreateService", "{\"cluster\":\"demo\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":2,\"deploymentConfiguration\":{\"minimumHealthyPercent\":100,\"maximumPercent\":200},"
        + "\"serviceRegistries\":[{\"registryArn\":\"" + REGISTRY + "srv-old\"}]}");
    engine.run(45, Duration.ofSeconds(1));
    String oldDeployment = engine.service("demo", "web").at("/deployments/0/id").asText();
    Set<String> oldTasks = liveTasks(oldDeployment);
    assertEquals(2, oldTasks.size());
    Map<String, Set<String>> before = registrations();
    assertEquals(oldTasks, before.keySet());
    before.values().forEach(services -> assertEquals(Set.of("srv-old"), services));

    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"serviceRegistries\":[{\"registryArn\":\""
        + REGISTRY + "srv-new\"}]}");
    String newDeployment = engine.service("demo", "web").at("/deployments/0/id").asText();
    assertTrue(!newDeployment.equals(oldDeployment), "changing the registries starts a deployment");
    assertEquals(before, registrations(), "the update alone moves no task");

    boolean sawBoth = false;
    for (int i = 0; i < 120; i++) {
      engine.run(1, Duration.ofSeconds(1));
      Map<String, Set<String>> now = registrations();
      Set<String> oldLive = liveTasks(oldDeployment);
      for (Map.Entry<String, Set<String>> entry : now.entrySet()) {
        String expected = oldTasks.contains(entry.getKey()) ? "srv-old" : "srv-new";
        assertEquals(Set.of(expected), entry.getValue(), "task " + entry.getKey() + " at pass " + i);
      }
      assertTrue(now.keySet().containsAll(oldLive), "old tasks registered until they stop: " + now + " " + oldLive);
      sawBoth |= now.containsValue(Set.of("srv-old")) && now.containsValue(Set.of("srv-new"));
    }
    assertTrue(sawBoth, "during the rollout both Cloud Map services had instances");
    assertEquals("COMPLETED", engine.service("demo", "web").at("/deployments/0/rolloutState").asText());
    Map<String, Set<String>> after = registrations();
    assertEquals(liveTasks(newDeployment), after.keySet(), "the old tasks stopped and left the old service");
    after.values().forEach(services -> assertEquals(Set.of("srv-new"), services));
  }
}
