package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.cloudwatch.CloudWatchApi;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deployment alarms (semantics §3.4) on the engine with the in-memory backend: a rolling deployment
 * watches its alarms through a bake after its tasks are in place, an alarm in ALARM fails it and
 * rolls back to the last completed deployment, and the rollback is not failed again by the same alarm.
 */
class DeploymentAlarmsEngineTest {
  private static final String SERVE = "trap 'exit 0' TERM; sleep 3600 & wait";
  private EngineHarness engine;
  private CloudWatchApi cloudWatch;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"demo\"}");
    cloudWatch = new CloudWatchApi(engine.plane());
    // Judged over one period of a minute: the bake after a deployment's tasks are in place is a minute.
    cloudWatch("PutMetricAlarm", "{\"AlarmName\":\"web-5xx\",\"MetricName\":\"HTTPCode_Target_5XX_Count\","
        + "\"Namespace\":\"AWS/ApplicationELB\",\"Statistic\":\"Sum\",\"Period\":60,\"EvaluationPeriods\":1,"
        + "\"Threshold\":10,\"ComparisonOperator\":\"GreaterThanThreshold\"}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private JsonNode cloudWatch(String operation, String json) {
    return cloudWatch.call(operation, Json.parse(json), new RequestContext("us-east-1"));
  }

  private void register(String marker) {
    engine.registerTaskDefinition("{\"family\":\"web\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":"
        + "\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + SERVE + marker + "\"]}]}");
  }

  private void createService(boolean rollback) {
    engine.ecs("CreateService", "{\"cluster\":\"demo\",\"serviceName\":\"web\",\"taskDefinition\":\"web:1\","
        + "\"desiredCount\":2,\"deploymentConfiguration\":{\"alarms\":{\"alarmNames\":[\"web-5xx\"],\"enable\":true,"
        + "\"rollback\":" + rollback + "}}}");
  }

  private JsonNode serviceDeployment(String status) {
    JsonNode list = engine.ecs("ListServiceDeployments", "{\"cluster\":\"demo\",\"service\":\"web\"}");
    for (JsonNode brief : list.get("serviceDeployments")) {
      if (status == null || status.equals(brief.get("status").asText())) {
        return engine.ecs("DescribeServiceDeployments", "{\"serviceDeploymentArns\":[\""
            + brief.get("serviceDeploymentArn").asText() + "\"]}").at("/serviceDeployments/0");
      }
    }
    throw new AssertionError("no service deployment " + status + " in " + list);
  }

  private List<String> events() {
    return Json.list(engine.service("demo", "web"), "events").stream().map(e -> e.get("message").asText()).toList();
  }

  @Test
  void aDeploymentBakesWatchingItsAlarmsThenCompletes() {
    register("");
    createService(true);
    engine.run(70, Duration.ofSeconds(1));
    JsonNode service = engine.service("demo", "web");
    assertEquals(2, service.get("runningCount").asInt());
    assertEquals("IN_PROGRESS", service.at("/deployments/0/rolloutState").asText(),
        "the tasks are in place (after ~40 s), the alarms' bake (a minute) is not over: " + service);
    JsonNode deployment = serviceDeployment(null);
    assertEquals("MONITORING", deployment.at("/alarms/status").asText(), deployment.toString());
    assertEquals("web-5xx", deployment.at("/alarms/alarmNames/0").asText());

    engine.run(60, Duration.ofSeconds(1));
    service = engine.service("demo", "web");
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText(), service.toString());
    assertEquals("MONITORING_COMPLETE", serviceDeployment(null).at("/alarms/status").asText());
  }

  @Test
  void anAlarmInAlarmFailsTheDeploymentAndRollsBackOnce() {
    register("");
    createService(true);
    engine.run(130, Duration.ofSeconds(1));
    assertEquals("COMPLETED", engine.service("demo", "web").at("/deployments/0/rolloutState").asText());

    register(" ");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(5, Duration.ofSeconds(1));
    cloudWatch("SetAlarmState", "{\"AlarmName\":\"web-5xx\",\"StateValue\":\"ALARM\",\"StateReason\":\"errors\"}");
    engine.run(60, Duration.ofSeconds(1));

    JsonNode service = engine.service("demo", "web");
    assertTrue(service.get("taskDefinition").asText().endsWith("web:1"), service.toString());
    assertEquals(1, service.get("deployments").size(), service.toString());
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText(),
        "the rollback completes although the alarm is still in ALARM: " + service);
    assertTrue(engine.tasks("demo", "RUNNING").stream()
        .allMatch(t -> t.get("taskDefinitionArn").asText().endsWith("web:1")));
    assertEquals(2, engine.tasks("demo", "RUNNING").size());
    List<String> messages = events();
    assertTrue(messages.stream().anyMatch(m -> m.contains("deployment failed: alarm web-5xx in ALARM state")),
        messages.toString());
    assertEquals(1, messages.stream().filter(m -> m.startsWith("(service web) rolling back to deployment")).count(),
        messages.toString());

    JsonNode failed = serviceDeployment("ROLLBACK_SUCCESSFUL");
    assertEquals("TRIGGERED", failed.at("/alarms/status").asText(), failed.toString());
    assertEquals("web-5xx", failed.at("/alarms/triggeredAlarmNames/0").asText());
    assertTrue(failed.at("/rollback/reason").asText().contains("web-5xx"), failed.toString());
  }

  @Test
  void withoutRollbackTheFailedDeploymentStopsWhereItIs() {
    register("");
    createService(false);
    engine.run(130, Duration.ofSeconds(1));
    register(" ");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    cloudWatch("SetAlarmState", "{\"AlarmName\":\"web-5xx\",\"StateValue\":\"ALARM\",\"StateReason\":\"errors\"}");
    engine.run(30, Duration.ofSeconds(1));

    JsonNode service = engine.service("demo", "web");
    assertTrue(service.get("taskDefinition").asText().endsWith("web:2"), service.toString());
    assertEquals("FAILED", service.at("/deployments/0/rolloutState").asText(), service.toString());
    assertEquals("ECS deployment alarms: web-5xx in ALARM state.",
        service.at("/deployments/0/rolloutStateReason").asText());
    long newTasks = engine.allTasks("demo").stream()
        .filter(t -> t.get("taskDefinitionArn").asText().endsWith("web:2")).count();
    assertEquals(0, newTasks, "the alarm was in ALARM before the first pass: the failed deployment launched nothing");
  }

  @Test
  void anAlarmDuringABlueGreenBakeRollsBackToTheRevisionStillRunning() {
    cloudWatch("DeleteAlarms", "{\"AlarmNames\":[\"web-5xx\"]}");
    String health = ",\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"exit 0\"],\"interval\":5}";
    engine.registerTaskDefinition("{\"family\":\"web\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":"
        + "\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + SERVE + "\"]" + health + "}]}");
    engine.ecs("CreateService", "{\"cluster\":\"demo\",\"serviceName\":\"web\",\"taskDefinition\":\"web:1\","
        + "\"desiredCount\":2,\"deploymentConfiguration\":{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":30,"
        + "\"alarms\":{\"alarmNames\":[\"web-5xx\"],\"enable\":true,\"rollback\":true}}}");
    engine.run(15, Duration.ofSeconds(1));
    assertEquals("COMPLETED", engine.service("demo", "web").at("/deployments/0/rolloutState").asText(),
        "an alarm that does not exist is never in ALARM, and adds no bake");
    cloudWatch("PutMetricAlarm", "{\"AlarmName\":\"web-5xx\",\"MetricName\":\"HTTPCode_Target_5XX_Count\","
        + "\"Namespace\":\"AWS/ApplicationELB\",\"Statistic\":\"Sum\",\"Period\":60,\"EvaluationPeriods\":1,"
        + "\"Threshold\":10,\"ComparisonOperator\":\"GreaterThanThreshold\"}");
    engine.registerTaskDefinition("{\"family\":\"web\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":"
        + "\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + SERVE + " \"]" + health + "}]}");
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(15, Duration.ofSeconds(1));
    assertEquals("BAKE_TIME", serviceDeployment("IN_PROGRESS").get("lifecycleStage").asText());
    cloudWatch("SetAlarmState", "{\"AlarmName\":\"web-5xx\",\"StateValue\":\"ALARM\",\"StateReason\":\"errors\"}");
    engine.run(15, Duration.ofSeconds(1));

    JsonNode back = serviceDeployment("ROLLBACK_SUCCESSFUL");
    assertTrue(back.at("/rollback/reason").asText().contains("web-5xx"), back.toString());
    assertEquals("TRIGGERED", back.at("/alarms/status").asText(), back.toString());
    List<JsonNode> running = engine.tasks("demo", "RUNNING");
    assertEquals(2, running.size());
    assertTrue(running.stream().allMatch(t -> t.get("taskDefinitionArn").asText().endsWith("web:1")));
    assertEquals(0, engine.allTasks("demo").stream().filter(t -> t.get("taskDefinitionArn").asText().endsWith("web:1")
        && t.get("lastStatus").asText().equals("STOPPED")).count(), "blue kept running through the rollback");
  }

  @Test
  void anAlarmThatIsNotWatchedOrNotInAlarmChangesNothing() {
    register("");
    createService(true);
    cloudWatch("PutMetricAlarm", "{\"AlarmName\":\"other\",\"MetricName\":\"CPUUtilization\",\"Namespace\":"
        + "\"AWS/ECS\",\"Statistic\":\"Average\",\"Period\":60,\"EvaluationPeriods\":1,\"Threshold\":80,"
        + "\"ComparisonOperator\":\"GreaterThanThreshold\"}");
    cloudWatch("SetAlarmState", "{\"AlarmName\":\"other\",\"StateValue\":\"ALARM\",\"StateReason\":\"busy\"}");
    cloudWatch("SetAlarmState", "{\"AlarmName\":\"web-5xx\",\"StateValue\":\"OK\",\"StateReason\":\"quiet\"}");
    engine.run(130, Duration.ofSeconds(1));
    JsonNode service = engine.service("demo", "web");
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText(), service.toString());
    assertEquals(2, service.get("runningCount").asInt());
  }
}
