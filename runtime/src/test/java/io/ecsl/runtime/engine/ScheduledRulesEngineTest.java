package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.events.EventsApi;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.RuleScheduleEntity;
import io.ecsl.runtime.model.RuleScheduleEntity.TargetResult;
import io.ecsl.runtime.schedules.ScheduledRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled rules in the engine on a manual clock: a rate rule starts tasks through RunTask with the
 * target's parameters, disabling stops it, failures are recorded and retried per the policy.
 */
class ScheduledRulesEngineTest {
  private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:000000000000:cluster/jobs";
  private EngineHarness engine;
  private EventsApi events;
  /** Set to make the next RunTask calls fail as ECS would with a server error. */
  private int serverErrors;
  private final List<JsonNode> calls = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    events = new EventsApi(engine.plane());
    engine.plane().addStage(new ScheduledRules(engine.plane().state(), (region, request) -> {
      calls.add(request);
      if (serverErrors > 0) {
        serverErrors--;
        throw new ScheduledRules.InvocationError("ServerException", "try again", 500);
      }
      try {
        return engine.ecs("RunTask", request);
      } catch (ApiException e) {
        throw new ScheduledRules.InvocationError(e.type(), e.getMessage(), e.status());
      }
    }));
    engine.ecs("CreateCluster", "{\"clusterName\":\"jobs\"}");
    engine.registerTaskDefinition("{\"family\":\"report\",\"memory\":\"128\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"echo done\"]}]}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private JsonNode events(String operation, String json) {
    return events.call(operation, Json.parse(json), new RequestContext("us-east-1"));
  }

  private void putRule(String name, String expression, String taskDefinition, String targetExtras) {
    events("PutRule", "{\"Name\":\"" + name + "\",\"ScheduleExpression\":\"" + expression + "\"}");
    events("PutTargets", "{\"Rule\":\"" + name + "\",\"Targets\":[{\"Id\":\"run\",\"Arn\":\"" + CLUSTER_ARN + "\","
        + "\"EcsParameters\":{\"TaskDefinitionArn\":\"" + taskDefinition + "\",\"TaskCount\":2,\"Group\":\"nightly\"}"
        + targetExtras + "}]}");
  }

  private RuleScheduleEntity record(String name) {
    return engine.plane().state().ruleSchedules.get("arn:aws:events:us-east-1:000000000000:rule/" + name);
  }

  private List<JsonNode> ruleTasks(String name) {
    return engine.allTasks("jobs").stream()
        .filter(t -> ("events-rule/" + name).equals(Json.text(t, "startedBy"))).toList();
  }

  @Test
  void aRateRuleStartsItsTasksEveryMinuteWithTheTargetsParameters() {
    putRule("every-minute", "rate(1 minute)", "report", ",\"Input\":\"{\\\"containerOverrides\\\":[{\\\"name\\\":"
        + "\\\"app\\\",\\\"environment\\\":[{\\\"name\\\":\\\"MODE\\\",\\\"value\\\":\\\"full\\\"}]}]}\"");
    engine.ticks(1);
    assertTrue(ruleTasks("every-minute").isEmpty(), "a rate rule fires one period after its creation");
    engine.run(60, Duration.ofSeconds(1));
    List<JsonNode> tasks = ruleTasks("every-minute");
    assertEquals(2, tasks.size(), "TaskCount 2");
    JsonNode task = tasks.get(0);
    assertEquals("nightly", task.get("group").asText());
    assertEquals("full", task.at("/overrides/containerOverrides/0/environment/0/value").asText());
    RuleScheduleEntity record = record("every-minute");
    assertEquals(TargetResult.STARTED, record.lastResults.get(0).outcome);
    assertEquals(2, record.lastResults.get(0).taskArns.size());
    assertEquals(1, record.invocations);

    engine.run(60, Duration.ofSeconds(1));
    assertEquals(4, ruleTasks("every-minute").size(), "the second minute starts two more");
  }

  @Test
  void aDisabledRuleStopsFiringAndAnEnabledOneResumes() {
    putRule("toggle", "rate(1 minute)", "report", "");
    engine.ticks(1);
    events("DisableRule", "{\"Name\":\"toggle\"}");
    assertEquals("DISABLED", events("DescribeRule", "{\"Name\":\"toggle\"}").get("State").asText());
    engine.run(180, Duration.ofSeconds(1));
    assertTrue(ruleTasks("toggle").isEmpty());
    assertNull(record("toggle").nextFireAt);
    events("EnableRule", "{\"Name\":\"toggle\"}");
    engine.run(61, Duration.ofSeconds(1));
    assertEquals(2, ruleTasks("toggle").size());
  }

  @Test
  void aTargetEcsRefusesFailsVisiblyAndIsNotRetried() {
    putRule("broken", "rate(1 minute)", "arn:aws:ecs:us-east-1:000000000000:task-definition/missing:1", "");
    engine.ticks(1);
    engine.run(61, Duration.ofSeconds(1));
    RuleScheduleEntity record = record("broken");
    TargetResult result = record.lastResults.get(0);
    assertEquals(TargetResult.FAILED, result.outcome);
    assertTrue(result.error.startsWith("InvalidParameterException: TaskDefinition not found"), result.error);
    assertEquals(1, record.failedInvocations);
    assertTrue(record.retries.isEmpty(), "a 4xx is not retried");
    assertEquals(1, calls.size());
  }

  @Test
  void aServerErrorIsRetriedWithBackoffUntilItSucceeds() {
    putRule("flaky", "rate(1 minute)", "report", "");
    engine.ticks(1);
    serverErrors = 2;
    engine.run(60, Duration.ofSeconds(1));
    RuleScheduleEntity record = record("flaky");
    assertEquals(TargetResult.RETRYING, record.lastResults.get(0).outcome);
    assertEquals(1, record.retries.size());
    engine.run(5, Duration.ofSeconds(1));
    record = record("flaky");
    assertEquals(TargetResult.STARTED, record.lastResults.get(0).outcome, "the third attempt succeeds");
    assertEquals(3, record.lastResults.get(0).attempt);
    assertEquals(3, calls.size());
    assertEquals(calls.get(0), calls.get(2), "each attempt makes the same request");
    assertEquals(2, ruleTasks("flaky").size());
  }

  @Test
  void aTargetThatIsNotEcsIsReportedNotInvoked() {
    events("PutRule", "{\"Name\":\"lambda\",\"ScheduleExpression\":\"rate(1 minute)\"}");
    events("PutTargets", "{\"Rule\":\"lambda\",\"Targets\":[{\"Id\":\"f\",\"Arn\":"
        + "\"arn:aws:lambda:us-east-1:000000000000:function:f\"}]}");
    engine.ticks(1);
    engine.run(61, Duration.ofSeconds(1));
    TargetResult result = record("lambda").lastResults.get(0);
    assertEquals(TargetResult.NOT_INVOKED, result.outcome);
    assertTrue(result.error.contains("invokes only ECS targets"), result.error);
    assertTrue(calls.isEmpty());
  }

  @Test
  void firingNowRunsTheTargetWithoutMovingTheSchedule() {
    putRule("manual", "cron(0 3 * * ? *)", "report", "");
    engine.ticks(1);
    ScheduledRules rules = new ScheduledRules(engine.plane().state(), (region, request) -> engine.ecs("RunTask", request));
    var next = record("manual").nextFireAt;
    List<TargetResult> results = rules.fireNow("arn:aws:events:us-east-1:000000000000:rule/manual",
        engine.plane().clock().instant());
    assertEquals(2, results.get(0).taskArns.size());
    assertEquals(next, record("manual").nextFireAt);
    assertEquals(2, ruleTasks("manual").size());
  }
}
