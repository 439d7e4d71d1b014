package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.scheduler.SchedulerApi;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.RuleScheduleEntity;
import io.ecsl.runtime.model.RuleScheduleEntity.TargetResult;
import io.ecsl.runtime.schedules.ScheduledRules;
import io.ecsl.runtime.schedules.SchedulerSchedules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EventBridge Scheduler schedules in the engine on a manual clock (which starts at
 * 2026-01-01T00:00Z, 01:00 in Paris): the API's checks, and schedules firing RunTask with their
 * target's parameters, in their time zone, between their dates, deleted after completion.
 */
class SchedulerEngineTest {
  private static final String TARGET = "\"Target\":{\"Arn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/jobs\","
      + "\"RoleArn\":\"arn:aws:iam::000000000000:role/scheduler\",\"EcsParameters\":{\"TaskDefinitionArn\":"
      + "\"arn:aws:ecs:us-east-1:000000000000:task-definition/report\",\"TaskCount\":2,\"Tags\":[{\"team\":\"data\"}]},"
      + "\"Input\":\"{\\\"containerOverrides\\\":[{\\\"name\\\":\\\"app\\\",\\\"command\\\":[\\\"migrate\\\"]}]}\"}";
  private EngineHarness engine;
  private SchedulerApi scheduler;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    scheduler = new SchedulerApi(engine.plane());
    engine.plane().addStage(new SchedulerSchedules(engine.plane().state(), (region, request) -> {
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

  private SchedulerApi.Response call(String method, String path, String query, String body) {
    return scheduler.handle(method, path, query, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        new RequestContext("us-east-1"));
  }

  private JsonNode ok(String method, String path, String body) {
    SchedulerApi.Response r = call(method, path, null, body);
    assertEquals(200, r.status(), r.body());
    return Json.parse(r.body());
  }

  private List<JsonNode> scheduleTasks(String name) {
    return engine.allTasks("jobs").stream()
        .filter(t -> ("chronos-schedule/" + name).equals(Json.text(t, "startedBy"))).toList();
  }

  @Test
  void aOneTimeScheduleRunsAtItsLocalTimeThenDeletesItself() {
    ok("POST", "/schedules/migrate", "{\"ScheduleExpression\":\"at(2026-01-01T01:02:00)\",\"ScheduleExpressionTimezone\":"
        + "\"Europe/Paris\",\"FlexibleTimeWindow\":{\"Mode\":\"OFF\"},\"ActionAfterCompletion\":\"DELETE\"," + TARGET + "}");
    JsonNode got = ok("GET", "/schedules/migrate", null);
    assertEquals(185, got.at("/Target/RetryPolicy/MaximumRetryAttempts").asInt(), "the retry policy in effect is shown");
    engine.run(119, Duration.ofSeconds(1));
    assertTrue(scheduleTasks("migrate").isEmpty(), "01:02 in Paris is 00:02 UTC");
    engine.run(3, Duration.ofSeconds(1));
    List<JsonNode> tasks = scheduleTasks("migrate");
    assertEquals(2, tasks.size(), "TaskCount 2");
    assertEquals("migrate", tasks.get(0).at("/overrides/containerOverrides/0/command/0").asText(), "Input is the overrides");
    assertEquals("family:report", Json.text(tasks.get(0), "group"));
    assertEquals(404, call("GET", "/schedules/migrate", null, null).status(), "ActionAfterCompletion DELETE");
  }

  @Test
  void aRateScheduleFiresBetweenItsDatesAndStaysWithoutDeleteAfterCompletion() {
    ok("POST", "/schedules/season", "{\"ScheduleExpression\":\"rate(1 minute)\",\"StartDate\":1767225780,"
        + "\"EndDate\":1767225900,\"FlexibleTimeWindow\":{\"Mode\":\"OFF\"}," + TARGET + "}"); // 00:03 to 00:05 UTC
    engine.run(600, Duration.ofSeconds(1));
    assertEquals(6, scheduleTasks("season").size(), "00:03, 00:04 and 00:05, two tasks each");
    assertEquals(200, call("GET", "/schedules/season", null, null).status(), "ActionAfterCompletion NONE keeps it");
    RuleScheduleEntity run = engine.plane().state().schedulerRuns
        .get("arn:aws:scheduler:us-east-1:000000000000:schedule/default/season");
    assertEquals(3, run.invocations);
    assertEquals(TargetResult.STARTED, run.lastResults.get(0).outcome);
  }

  @Test
  void aDisabledScheduleDoesNotFireAndUpdateReplacesTheDefinition() {
    ok("POST", "/schedules/toggle", "{\"ScheduleExpression\":\"rate(1 minute)\",\"State\":\"DISABLED\","
        + "\"FlexibleTimeWindow\":{\"Mode\":\"OFF\"}," + TARGET + "}");
    engine.run(130, Duration.ofSeconds(1));
    assertTrue(scheduleTasks("toggle").isEmpty());
    ok("PUT", "/schedules/toggle", "{\"ScheduleExpression\":\"rate(1 minute)\",\"FlexibleTimeWindow\":{\"Mode\":\"OFF\"},"
        + TARGET + "}");
    assertEquals("ENABLED", ok("GET", "/schedules/toggle", null).get("State").asText(), "State returns to its default");
    engine.run(61, Duration.ofSeconds(1));
    assertEquals(2, scheduleTasks("toggle").size());
  }

  @Test
  void theApiRefusesWhatSchedulerRefuses() {
    String base = "\"FlexibleTimeWindow\":{\"Mode\":\"OFF\"}," + TARGET;
    SchedulerApi.Response zone = call("POST", "/schedules/a", null, "{\"ScheduleExpression\":\"cron(0 3 * * ? *)\","
        + "\"ScheduleExpressionTimezone\":\"Mars/Olympus\"," + base + "}");
    assertEquals(400, zone.status());
    assertTrue(zone.body().contains("ScheduleExpressionTimezone"), zone.body());
    SchedulerApi.Response flexible = call("POST", "/schedules/a", null, "{\"ScheduleExpression\":\"rate(1 hour)\","
        + "\"FlexibleTimeWindow\":{\"Mode\":\"FLEXIBLE\"}," + TARGET + "}");
    assertEquals(400, flexible.status(), flexible.body());
    SchedulerApi.Response dates = call("POST", "/schedules/a", null, "{\"ScheduleExpression\":\"rate(1 hour)\","
        + "\"StartDate\":1767225900,\"EndDate\":1767225780," + base + "}");
    assertEquals(400, dates.status(), dates.body());
    SchedulerApi.Response noTarget = call("POST", "/schedules/a", null, "{\"ScheduleExpression\":\"rate(1 hour)\","
        + "\"FlexibleTimeWindow\":{\"Mode\":\"OFF\"}}");
    assertEquals(400, noTarget.status(), noTarget.body());
    ok("POST", "/schedules/a", "{\"ScheduleExpression\":\"rate(1 hour)\"," + base + "}");
    SchedulerApi.Response twice = call("POST", "/schedules/a", null, "{\"ScheduleExpression\":\"rate(1 hour)\"," + base + "}");
    assertEquals(409, twice.status());
    assertEquals("ConflictException", twice.errorType());
    assertEquals(404, call("PUT", "/schedules/b", null, "{\"ScheduleExpression\":\"rate(1 hour)\"," + base + "}").status());
    SchedulerApi.Response group = call("POST", "/schedules/c", null, "{\"GroupName\":\"nightly\","
        + "\"ScheduleExpression\":\"rate(1 hour)\"," + base + "}");
    assertEquals(404, group.status(), "the group must exist");
    ok("POST", "/schedule-groups/nightly", "{}");
    ok("POST", "/schedules/c", "{\"GroupName\":\"nightly\",\"ScheduleExpression\":\"rate(1 hour)\"," + base + "}");
    JsonNode listed = Json.parse(call("GET", "/schedules", "ScheduleGroup=nightly", null).body());
    assertEquals(1, listed.get("Schedules").size());
    assertEquals("c", listed.at("/Schedules/0/Name").asText());
    ok("DELETE", "/schedule-groups/nightly", null);
    assertEquals(404, call("GET", "/schedules/c", "groupName=nightly", null).status(), "deleting a group deletes its schedules");
  }
}
