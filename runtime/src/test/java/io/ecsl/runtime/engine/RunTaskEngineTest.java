package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RunTask's parameters on the engine: overrides checked and applied, environment files, tags, group. */
class RunTaskEngineTest {
  private static final String ENV_FILE = "arn:aws:s3:::config-bucket/app/prod.env";
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"jobs\"}");
    engine.registerTaskDefinition("""
        {"family":"job","memory":"256","cpu":"256","tags":[{"key":"team","value":"data"}],
         "containerDefinitions":[{"name":"app","image":"ecsl/busybox:latest","command":["sh","-c","sleep 3600"],
           "environment":[{"name":"MODE","value":"definition"},{"name":"KEEP","value":"yes"}]},
          {"name":"side","image":"ecsl/busybox:latest","essential":false,"command":["sh","-c","sleep 3600"]}]}
        """);
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private JsonNode run(String extra) {
    return engine.ecs("RunTask", "{\"cluster\":\"jobs\",\"taskDefinition\":\"job\"" + extra + "}");
  }

  private String refusal(String extra) {
    ApiException e = assertThrows(ApiException.class, () -> run(extra));
    assertEquals("InvalidParameterException", e.type());
    return e.getMessage();
  }

  private List<String> envOf(String taskArn, String container) {
    engine.ticks(3);
    JsonNode task = engine.tasks("jobs", "RUNNING").stream()
        .filter(t -> t.get("taskArn").asText().equals(taskArn)).findFirst().orElseThrow();
    String id = Json.list(task, "containers").stream().filter(c -> c.get("name").asText().equals(container))
        .findFirst().orElseThrow().get("runtimeId").asText();
    return engine.backend.spec(id).process().env();
  }

  @Test
  void overridesReplaceTheCommandMergeTheEnvironmentAndResizeTheTask() {
    JsonNode response = run(",\"count\":2,\"group\":\"batch\",\"startedBy\":\"nightly/1\",\"referenceId\":\"r-1\","
        + "\"overrides\":{\"cpu\":\"0.5 vCPU\",\"memory\":\"1 GB\",\"taskRoleArn\":\"arn:aws:iam::123456789012:role/job\","
        + "\"containerOverrides\":[{\"name\":\"app\",\"command\":[\"sh\",\"-c\",\"sleep 7200\"],"
        + "\"environment\":[{\"name\":\"MODE\",\"value\":\"override\"}]}]}}");
    assertEquals(2, response.get("tasks").size());
    JsonNode task = response.at("/tasks/0");
    assertEquals("512", task.get("cpu").asText(), "0.5 vCPU is stored as units");
    assertEquals("1024", task.get("memory").asText(), "1 GB is stored as MiB");
    assertEquals("512", task.at("/overrides/cpu").asText());
    assertEquals("arn:aws:iam::123456789012:role/job", task.at("/overrides/taskRoleArn").asText());
    assertEquals("batch", task.get("group").asText());
    assertEquals("nightly/1", task.get("startedBy").asText());
    assertFalse(task.has("referenceId"), "ECS keeps the reference id to itself");
    List<String> env = envOf(task.get("taskArn").asText(), "app");
    assertTrue(env.contains("MODE=override"), env.toString());
    assertTrue(env.contains("KEEP=yes"), env.toString());
    assertFalse(env.contains("MODE=definition"), env.toString());
    JsonNode running = engine.tasks("jobs", "RUNNING").get(0);
    String appId = running.at("/containers/0/runtimeId").asText();
    assertEquals(List.of("sh", "-c", "sleep 7200"), engine.backend.spec(appId).process().command());
  }

  @Test
  void environmentFilesComeFromTheSecretStoreAndTheEnvironmentWins() {
    engine.store().putSecret(ENV_FILE, "# production\nDB_HOST=db.internal\nMODE=from-file\n\nTOKEN=a=b\n");
    JsonNode response = run(",\"overrides\":{\"containerOverrides\":[{\"name\":\"app\",\"environmentFiles\":"
        + "[{\"type\":\"s3\",\"value\":\"" + ENV_FILE + "\"}]}]}");
    List<String> env = envOf(response.at("/tasks/0/taskArn").asText(), "app");
    assertTrue(env.contains("DB_HOST=db.internal"), env.toString());
    assertTrue(env.contains("TOKEN=a=b"), "the value is taken as is: " + env);
    assertTrue(env.contains("MODE=definition"), "environment takes precedence over files: " + env);
    assertFalse(env.contains("MODE=from-file"), env.toString());
  }

  @Test
  void aMissingEnvironmentFileFailsTheTaskWithTheCommandThatFixesIt() {
    JsonNode response = run(",\"overrides\":{\"containerOverrides\":[{\"name\":\"app\",\"environmentFiles\":"
        + "[{\"type\":\"s3\",\"value\":\"" + ENV_FILE + "\"}]}]}");
    engine.ticks(5);
    JsonNode stopped = engine.tasks("jobs", "STOPPED").get(0);
    assertEquals(response.at("/tasks/0/taskArn").asText(), stopped.get("taskArn").asText());
    assertEquals("TaskFailedToStart", stopped.get("stopCode").asText());
    String reason = stopped.get("stoppedReason").asText();
    assertTrue(reason.startsWith("ResourceInitializationError: failed to download env files"), reason);
    assertTrue(reason.contains("ecsl runtime secret put '" + ENV_FILE + "' < FILE.env"), reason);
  }

  @Test
  void tagsArePropagatedFromTheTaskDefinitionWhenAsked() {
    JsonNode response = run(",\"tags\":[{\"key\":\"run\",\"value\":\"1\"}],\"propagateTags\":\"TASK_DEFINITION\","
        + "\"enableECSManagedTags\":true");
    List<String> keys = Json.list(response.at("/tasks/0"), "tags").stream().map(t -> t.get("key").asText()).toList();
    assertEquals(List.of("run", "team", "aws:ecs:clusterName"), keys);
  }

  @Test
  void badOverridesAreRefusedBeforeAnyTaskExists() {
    assertTrue(refusal(",\"overrides\":{\"containerOverrides\":[{\"name\":\"nope\"}]}")
        .startsWith("Override for container named nope is not a container in the TaskDefinition"));
    assertEquals("Container Overrides length must be at most 8192", refusal(",\"overrides\":{\"containerOverrides\":"
        + "[{\"name\":\"app\",\"command\":[\"" + "x".repeat(9000) + "\"]}]}"));
    assertTrue(refusal(",\"overrides\":{\"executionRoleArn\":\"admin\"}").contains("give an IAM role ARN"));
    assertTrue(refusal(",\"overrides\":{\"containerOverrides\":[{\"name\":\"app\",\"environmentFiles\":"
        + "[{\"type\":\"s3\",\"value\":\"arn:aws:s3:::bucket/app.txt\"}]}]}").contains("KEY.env"));
    assertTrue(refusal(",\"overrides\":{\"containerOverrides\":[{\"name\":\"app\",\"memory\":64,"
        + "\"memoryReservation\":128}]}").contains("must not be less than memoryReservation"));
    assertTrue(refusal(",\"overrides\":{\"memory\":\"lots\"}").contains("Invalid 'memory' setting"));
    assertTrue(refusal(",\"count\":11").contains("between 1 and 10"));
    assertTrue(refusal(",\"propagateTags\":\"SERVICE\"").contains("TASK_DEFINITION or NONE"));
    assertTrue(refusal(",\"group\":\"" + "g".repeat(256) + "\"").contains("1 to 255"));
    assertTrue(engine.allTasks("jobs").isEmpty());
    List<ObservedContainer> containers = engine.containers();
    assertTrue(containers.isEmpty());
  }
}
