package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BLUE_GREEN and CANARY deployments through the engine on the in-memory backend: both revisions
 * run side by side, a PAUSE hook waits for ContinueServiceDeployment, StopServiceDeployment and
 * the circuit breaker roll back to the old revision without ever stopping it, and the service
 * deployment and revision APIs describe each step.
 */
class StagedDeploymentEngineTest {
  private static final String SERVE = "trap 'exit 0' TERM; sleep 3600 & wait";
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"demo\"}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private void register(String script) {
    engine.registerTaskDefinition("{\"family\":\"web\",\"memory\":\"128\",\"containerDefinitions\":["
        + "{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + script + "\"],"
        + "\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"exit 0\"],\"interval\":5}}]}");
  }

  /** web:1 deployed and COMPLETED under {@code configuration}, then web:2 registered. */
  private void deployedThenNewRevision(String configuration, String newScript) {
    register(SERVE);
    engine.ecs("CreateService", "{\"cluster\":\"demo\",\"serviceName\":\"web\",\"taskDefinition\":\"web:1\","
        + "\"desiredCount\":2,\"deploymentConfiguration\":" + configuration + "}");
    engine.run(15, Duration.ofSeconds(1));
    assertEquals("COMPLETED", engine.service("demo", "web").at("/deployments/0/rolloutState").asText(),
        "the first deployment has no revision to shift from: it simply starts");
    register(newScript);
  }

  private List<JsonNode> briefs() {
    return Json.list(engine.ecs("ListServiceDeployments", "{\"cluster\":\"demo\",\"service\":\"web\"}"),
        "serviceDeployments");
  }

  private JsonNode newest() {
    String arn = briefs().get(0).get("serviceDeploymentArn").asText();
    ObjectNode body = Json.object();
    body.putArray("serviceDeploymentArns").add(arn);
    return engine.ecs("DescribeServiceDeployments", body).get("serviceDeployments").get(0);
  }

  private long running(String revision) {
    return engine.tasks("demo", "RUNNING").stream()
        .filter(t -> t.get("taskDefinitionArn").asText().endsWith(revision)).count();
  }

  @Test
  void aCanaryPausesForContinueShiftsItsPercentBakesAndCleansUp() {
    deployedThenNewRevision("{\"strategy\":\"CANARY\",\"bakeTimeInMinutes\":1,\"canaryConfiguration\":"
        + "{\"canaryPercent\":20.0,\"canaryBakeTimeInMinutes\":2},\"lifecycleHooks\":[{\"targetType\":\"PAUSE\","
        + "\"lifecycleStages\":[\"POST_SCALE_UP\"],\"timeoutConfiguration\":{\"timeoutInMinutes\":60}}]}", SERVE + " ");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(15, Duration.ofSeconds(1));

    JsonNode paused = newest();
    assertEquals("IN_PROGRESS", paused.get("status").asText());
    assertEquals("POST_SCALE_UP", paused.get("lifecycleStage").asText());
    assertEquals("AWAITING_ACTION", paused.at("/lifecycleHookDetails/0/status").asText());
    assertEquals("PAUSE", paused.at("/lifecycleHookDetails/0/targetType").asText());
    assertEquals(2, running("web:1"), "the old revision keeps its tasks");
    assertEquals(2, running("web:2"), "the new revision runs at full size beside it (200% here, whatever the maximum)");
    assertEquals(0.0, paused.at("/targetServiceRevision/requestedProductionTrafficWeight").asDouble());
    assertEquals(2, paused.at("/targetServiceRevision/runningTaskCount").asInt());
    assertEquals(100.0, paused.at("/sourceServiceRevisions/0/requestedProductionTrafficWeight").asDouble());
    engine.run(30, Duration.ofSeconds(10));
    assertEquals("POST_SCALE_UP", newest().get("lifecycleStage").asText(), "five minutes later: still paused");

    String arn = paused.get("serviceDeploymentArn").asText();
    ApiException wrongHook = assertThrows(ApiException.class, () -> engine.ecs("ContinueServiceDeployment",
        "{\"serviceDeploymentArn\":\"" + arn + "\",\"hookId\":\"nope\"}"));
    assertTrue(wrongHook.getMessage().contains("post_scale_up-1"), wrongHook.getMessage());
    engine.ecs("ContinueServiceDeployment", "{\"serviceDeploymentArn\":\"" + arn + "\",\"hookId\":\""
        + paused.at("/lifecycleHookDetails/0/hookId").asText() + "\"}");
    engine.run(2, Duration.ofSeconds(1));
    JsonNode canary = newest();
    assertEquals("PRODUCTION_TRAFFIC_SHIFT", canary.get("lifecycleStage").asText());
    assertEquals(20.0, canary.at("/targetServiceRevision/requestedProductionTrafficWeight").asDouble());
    assertEquals(100.0, canary.at("/targetServiceRevision/requestedTestTrafficWeight").asDouble());

    engine.run(12, Duration.ofSeconds(10));
    JsonNode baking = newest();
    assertEquals("BAKE_TIME", baking.get("lifecycleStage").asText());
    assertEquals(100.0, baking.at("/targetServiceRevision/requestedProductionTrafficWeight").asDouble());
    assertEquals(2, running("web:1"), "the old revision still runs through the bake");

    engine.run(12, Duration.ofSeconds(10));
    JsonNode done = newest();
    assertEquals("SUCCESSFUL", done.get("status").asText(), done.toString());
    assertEquals(0, running("web:1"));
    assertEquals(2, running("web:2"));
    JsonNode service = engine.service("demo", "web");
    assertEquals(1, service.get("deployments").size());
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText());

    ObjectNode body = Json.object();
    body.putArray("serviceRevisionArns").add(done.at("/targetServiceRevision/arn").asText());
    JsonNode revision = engine.ecs("DescribeServiceRevisions", body).at("/serviceRevisions/0");
    assertTrue(revision.get("taskDefinition").asText().endsWith("web:2"));
    assertEquals("ecsl/busybox:latest", revision.at("/containerImages/0/image").asText());
    assertEquals(List.of("SUCCESSFUL", "SUCCESSFUL"), briefs().stream().map(b -> b.get("status").asText()).toList(),
        "both deployments are listed, newest first, the first one kept after it left the service");
  }

  @Test
  void stopServiceDeploymentDuringTheBakeRollsBackWithoutStoppingTheOldRevision() {
    deployedThenNewRevision("{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":30}", SERVE + " ");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(15, Duration.ofSeconds(1));
    JsonNode baking = newest();
    assertEquals("BAKE_TIME", baking.get("lifecycleStage").asText());
    engine.ecs("StopServiceDeployment", "{\"serviceDeploymentArn\":\"" + baking.get("serviceDeploymentArn").asText()
        + "\"}");
    assertEquals("ROLLBACK_REQUESTED", newest().get("status").asText());
    engine.run(15, Duration.ofSeconds(1));
    JsonNode back = newest();
    assertEquals("ROLLBACK_SUCCESSFUL", back.get("status").asText(), back.toString());
    assertTrue(back.at("/rollback/reason").asText().contains("StopServiceDeployment"));
    assertEquals(2, running("web:1"));
    assertEquals(0, running("web:2"));
    assertEquals(0, engine.allTasks("demo").stream().filter(t -> t.get("taskDefinitionArn").asText().endsWith("web:1")
        && t.get("lastStatus").asText().equals("STOPPED")).count(), "no task of the old revision ever stopped");
    JsonNode service = engine.service("demo", "web");
    assertTrue(service.get("taskDefinition").asText().endsWith("web:1"));
    List<String> events = engine.plane().state().services.values().get(0).deploymentEvents.stream()
        .map(e -> e.at("/detail/eventName").asText() + " " + e.at("/detail/reason").asText()).toList();
    assertEquals("SERVICE_DEPLOYMENT_FAILED Service deployment rolled back because of a StopServiceDeployment request.",
        events.get(0), events.toString());
    assertTrue(events.get(1).startsWith("SERVICE_DEPLOYMENT_IN_PROGRESS"), events.toString());
    ApiException again = assertThrows(ApiException.class, () -> engine.ecs("StopServiceDeployment",
        "{\"serviceDeploymentArn\":\"" + back.get("serviceDeploymentArn").asText() + "\"}"));
    assertEquals("ConflictException", again.type());
  }

  @Test
  void theCircuitBreakerRollsABlueGreenDeploymentBackToTheRunningRevision() {
    deployedThenNewRevision("{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":5,\"deploymentCircuitBreaker\":"
        + "{\"enable\":true,\"rollback\":true}}", "exit 1");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(90, Duration.ofSeconds(1));
    JsonNode back = newest();
    assertEquals("ROLLBACK_SUCCESSFUL", back.get("status").asText(), back.toString());
    assertEquals("ECS deployment circuit breaker: tasks failed to start.", back.at("/rollback/reason").asText());
    assertEquals("TRIGGERED", back.at("/deploymentCircuitBreaker/status").asText());
    assertEquals(2, running("web:1"));
    assertEquals(0, engine.allTasks("demo").stream().filter(t -> t.get("taskDefinitionArn").asText().endsWith("web:1")
        && t.get("lastStatus").asText().equals("STOPPED")).count());
  }

  @Test
  void aRollingDeploymentIsAServiceDeploymentTooAndStopRollsItBack() {
    deployedThenNewRevision("{\"minimumHealthyPercent\":100,\"maximumPercent\":200}", "sleep 5; exit 1");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(2, Duration.ofSeconds(1));
    JsonNode rolling = newest();
    assertEquals("IN_PROGRESS", rolling.get("status").asText());
    engine.ecs("StopServiceDeployment", "{\"serviceDeploymentArn\":\"" + rolling.get("serviceDeploymentArn").asText()
        + "\",\"stopType\":\"ROLLBACK\"}");
    ApiException abort = assertThrows(ApiException.class, () -> engine.ecs("StopServiceDeployment",
        "{\"serviceDeploymentArn\":\"" + rolling.get("serviceDeploymentArn").asText() + "\",\"stopType\":\"ABORT\"}"));
    assertEquals("InvalidParameterException", abort.type());
    engine.run(30, Duration.ofSeconds(1));
    JsonNode service = engine.service("demo", "web");
    assertTrue(service.get("taskDefinition").asText().endsWith("web:1"), service.toString());
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText());
    List<String> statuses = briefs().stream().map(b -> b.get("status").asText()).toList();
    assertEquals(List.of("SUCCESSFUL", "ROLLBACK_SUCCESSFUL", "SUCCESSFUL"), statuses);
  }

  @Test
  void strategiesEcsWouldRefuseAreRefusedWithTheReason() {
    register(SERVE);
    for (String[] bad : new String[][] {
        {"{\"strategy\":\"BLUE_GREEN\"}", "bakeTimeInMinutes is required"},
        {"{\"strategy\":\"PURPLE\"}", "is not one of ROLLING"},
        {"{\"strategy\":\"LINEAR\",\"canaryConfiguration\":{\"canaryPercent\":5.0}}", "only valid with the CANARY"},
        {"{\"strategy\":\"LINEAR\",\"linearConfiguration\":{\"stepPercent\":2.0}}", "from 3.0 to 100"},
        {"{\"strategy\":\"CANARY\",\"bakeTimeInMinutes\":2000}", "0 to 1440"},
        {"{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":1,\"lifecycleHooks\":[{\"targetType\":\"PAUSE\","
            + "\"lifecycleStages\":[\"PRODUCTION_TRAFFIC_SHIFT\"]}]}", "cannot stop a deployment at PRODUCTION_TRAFFIC_SHIFT"},
        {"{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":1,\"lifecycleHooks\":[{\"lifecycleStages\":"
            + "[\"POST_SCALE_UP\"]}]}", "needs hookTargetArn"}}) {
      ApiException refused = assertThrows(ApiException.class, () -> engine.ecs("CreateService", "{\"cluster\":\"demo\","
          + "\"serviceName\":\"web\",\"taskDefinition\":\"web:1\",\"desiredCount\":1,\"deploymentConfiguration\":"
          + bad[0] + "}"), bad[0]);
      assertEquals("InvalidParameterException", refused.type());
      assertTrue(refused.getMessage().contains(bad[1]), refused.getMessage());
    }
  }

  @Test
  void aRestartWhilePausedKeepsTheStageTheHookAndTheAnswer() {
    deployedThenNewRevision("{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":0,\"lifecycleHooks\":[{"
        + "\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"POST_TEST_TRAFFIC_SHIFT\"]}]}", SERVE + " ");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(15, Duration.ofSeconds(1));
    JsonNode paused = newest();
    assertEquals("POST_TEST_TRAFFIC_SHIFT", paused.get("lifecycleStage").asText());
    engine.restart();
    JsonNode after = newest();
    assertEquals(paused.get("lifecycleHookDetails"), after.get("lifecycleHookDetails"));
    engine.ecs("ContinueServiceDeployment", "{\"serviceDeploymentArn\":\"" + after.get("serviceDeploymentArn").asText()
        + "\",\"hookId\":\"post_test_traffic_shift-1\"}");
    engine.restart();
    engine.run(15, Duration.ofSeconds(1));
    assertEquals("SUCCESSFUL", newest().get("status").asText());
    assertEquals(2, running("web:2"));
    assertEquals(0, running("web:1"));
  }

  @Test
  void aDeploymentStartedDuringAnotherSupersedesItAndShiftsFromTheProductionRevision() {
    deployedThenNewRevision("{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":0,\"lifecycleHooks\":[{"
        + "\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"POST_SCALE_UP\"]}]}", SERVE + " ");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(15, Duration.ofSeconds(1));
    JsonNode second = newest();
    assertEquals("POST_SCALE_UP", second.get("lifecycleStage").asText());
    register(SERVE + "  ");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:3\"}");
    engine.run(15, Duration.ofSeconds(1));
    JsonNode third = newest();
    assertEquals("POST_SCALE_UP", third.get("lifecycleStage").asText());
    ObjectNode body = Json.object();
    body.putArray("serviceDeploymentArns").add(second.get("serviceDeploymentArn").asText());
    JsonNode superseded = engine.ecs("DescribeServiceDeployments", body).at("/serviceDeployments/0");
    assertEquals("STOPPED", superseded.get("status").asText(), superseded.toString());
    assertTrue(superseded.get("statusReason").asText().contains("superseded by deployment"), superseded.toString());
    assertEquals(2, running("web:1"), "production stays on the completed revision");
    engine.ecs("ContinueServiceDeployment", "{\"serviceDeploymentArn\":\"" + third.get("serviceDeploymentArn").asText()
        + "\",\"hookId\":\"post_scale_up-1\"}");
    engine.run(20, Duration.ofSeconds(1));
    assertEquals("SUCCESSFUL", newest().get("status").asText());
    assertEquals(0, running("web:1"));
    assertEquals(0, running("web:2"));
    assertEquals(2, running("web:3"));
  }
}
