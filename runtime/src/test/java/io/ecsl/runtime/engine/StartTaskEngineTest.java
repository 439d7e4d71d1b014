package io.ecsl.runtime.engine;

import static io.ecsl.runtime.engine.PlacementEngineTest.register;
import static io.ecsl.runtime.engine.PlacementEngineTest.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * StartTask (issue 10 §4): one task on each named container instance, checked against what the
 * instance has left, through the ECS API on the in-memory backend.
 */
class StartTaskEngineTest {
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

  private JsonNode startTask(String taskDefinition, String... instances) {
    ObjectNode body = Json.object().put("cluster", "c").put("taskDefinition", taskDefinition);
    for (String instance : instances) {
      body.withArray("containerInstances").add(instance);
    }
    return engine.ecs("StartTask", body);
  }

  /** Failure reason by ARN. */
  private static Map<String, String> failures(JsonNode response) {
    Map<String, String> out = new TreeMap<>();
    response.get("failures").forEach(f -> out.put(f.get("arn").asText(), f.get("reason").asText()));
    return out;
  }

  @Test
  void eachNamedInstanceThatCanTakeTheTaskRunsOneTheOthersSayWhyNot() {
    String roomy = register(engine, "c", "us-east-1a", 2048, 2048);
    String small = register(engine, "c", "us-east-1b", 512, 2048);
    taskDefinition(engine, "job", 768, 512, "");
    String unknown = "arn:aws:ecs:us-east-1:000000000000:container-instance/c/0123456789abcdef0123456789abcdef";

    JsonNode response = startTask("job", roomy, small, unknown);
    assertEquals(1, response.get("tasks").size(), response.toString());
    JsonNode task = response.at("/tasks/0");
    assertEquals(roomy, task.get("containerInstanceArn").asText());
    assertEquals("EC2", task.get("launchType").asText());
    assertFalse(task.has("capacityProviderName"), "StartTask names the instance, not a capacity provider: " + task);
    assertEquals("us-east-1a", task.get("availabilityZone").asText());
    assertEquals(Map.of(small, "RESOURCE:CPU", unknown, "MISSING"), failures(response));

    // The same instance twice in one call: the first task is counted before the second is checked.
    JsonNode twice = startTask("job", roomy, roomy);
    assertEquals(1, twice.get("tasks").size(), twice.toString());
    assertEquals(Map.of(roomy, "RESOURCE:CPU"), failures(twice));

    engine.ticks(5);
    assertEquals(2, engine.tasks("c", "RUNNING").size());
    for (JsonNode running : engine.tasks("c", "RUNNING")) {
      assertEquals("RUNNING", running.get("lastStatus").asText(), running.toString());
      assertEquals(roomy, running.get("containerInstanceArn").asText());
    }
    JsonNode instance = engine.ecs("DescribeContainerInstances", "{\"cluster\":\"c\",\"containerInstances\":[\""
        + roomy + "\"]}").at("/containerInstances/0");
    assertEquals(2, instance.get("runningTasksCount").asInt(), instance.toString());
  }

  @Test
  void drainingAndDeregisteredInstancesTakeNothingAndTheIdAlsoNamesAnInstance() {
    String draining = register(engine, "c", "us-east-1a", 2048, 2048);
    String gone = register(engine, "c", "us-east-1b", 2048, 2048);
    String byId = register(engine, "c", "us-east-1c", 2048, 2048);
    taskDefinition(engine, "job", 256, 256, "");
    engine.ecs("UpdateContainerInstancesState", "{\"cluster\":\"c\",\"containerInstances\":[\"" + draining
        + "\"],\"status\":\"DRAINING\"}");
    engine.ecs("DeregisterContainerInstance", "{\"cluster\":\"c\",\"containerInstance\":\"" + gone + "\"}");

    String id = byId.substring(byId.lastIndexOf('/') + 1);
    JsonNode response = startTask("job", draining, gone, id);
    assertEquals(Map.of(draining, "DRAINING", gone, "INACTIVE"), failures(response));
    assertEquals(byId, response.at("/tasks/0/containerInstanceArn").asText(), response.toString());
  }

  @Test
  void moreThanTenInstancesAreRefusedBeforeAnyTaskExists() {
    String instance = register(engine, "c", "us-east-1a", 2048, 2048);
    taskDefinition(engine, "job", 256, 256, "");
    String[] eleven = new String[11];
    java.util.Arrays.fill(eleven, instance);
    ApiException tooMany = assertThrows(ApiException.class, () -> startTask("job", eleven));
    assertTrue(tooMany.getMessage().contains("at most 10 container instances"), tooMany.getMessage());
    assertEquals(0, engine.tasks("c", "RUNNING").size());
  }
}
