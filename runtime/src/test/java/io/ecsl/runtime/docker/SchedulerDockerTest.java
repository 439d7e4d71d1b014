package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static io.ecsl.runtime.docker.DockerTestSupport.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's EventBridge Scheduler on Docker, driven with the real aws CLI (moto has Scheduler too,
 * but does not run schedules; the runtime does): a one-time {@code at()} schedule written in Tokyo
 * time starts its tasks at that moment, with {@code startedBy chronos-schedule/NAME} and the
 * target's overrides, then deletes itself (ActionAfterCompletion DELETE).
 */
@NeedsDocker
@NeedsAwsCli
class SchedulerDockerTest {
  private TestRuntimes runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private static JsonNode aws(Map<String, String> env, String... args) {
    try {
      return AwsCli.json(env, args);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void aOneTimeScheduleInItsTimeZoneRunsItsTasksThenDeletesItself() throws Exception {
    runtime = TestRuntimes.docker(java.time.Clock.systemUTC(), ControlPlane.Options.defaults());
    Map<String, String> env = runtime.awsEnvironment();
    aws(env, "ecs", "create-cluster", "--cluster-name", "jobs");
    Path td = Files.createTempFile("ecsl-td", ".json");
    try {
      Files.writeString(td, taskDefinition("report", "echo report $MODE; exit 0", "", ""));
      AwsCli.json(env, "ecs", "register-task-definition", "--cli-input-json", "file://" + td);
    } finally {
      Files.delete(td);
    }
    // Tokyo has no summer time and is 9 hours ahead: a UTC reading of the expression would fire
    // 9 hours late (or never, within this test).
    // Far enough ahead for the aws CLI calls below on a loaded machine: an at() time that has
    // passed when the schedule is created never fires, as on AWS.
    // Each aws CLI call can take several seconds on a busy machine, and the get-schedule below must
    // come before the schedule fires and deletes itself.
    ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
    String expression = "at(" + at.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ")";
    aws(env, "scheduler", "create-schedule", "--name", "migrate", "--schedule-expression", expression,
        "--schedule-expression-timezone", "Asia/Tokyo", "--flexible-time-window", "Mode=OFF",
        "--action-after-completion", "DELETE", "--target",
        "{\"Arn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/jobs\",\"RoleArn\":\"arn:aws:iam::000000000000:role/s\","
            + "\"EcsParameters\":{\"TaskDefinitionArn\":\"arn:aws:ecs:us-east-1:000000000000:task-definition/report\","
            + "\"TaskCount\":2},\"Input\":\"{\\\"containerOverrides\\\":[{\\\"name\\\":\\\"app\\\",\\\"environment\\\":"
            + "[{\\\"name\\\":\\\"MODE\\\",\\\"value\\\":\\\"ledger\\\"}]}]}\"}");
    // The CLI reads a schedule back as created; asked of one that does not fire during the test, since
    // `migrate` deletes itself once it has fired and a slow CLI call could come after that.
    String tomorrow = "at(" + at.plusDays(1).toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ")";
    aws(env, "scheduler", "create-schedule", "--name", "migrate-again", "--schedule-expression", tomorrow,
        "--schedule-expression-timezone", "Asia/Tokyo", "--flexible-time-window", "Mode=OFF", "--target",
        "{\"Arn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/jobs\",\"RoleArn\":\"arn:aws:iam::000000000000:role/s\","
            + "\"EcsParameters\":{\"TaskDefinitionArn\":\"arn:aws:ecs:us-east-1:000000000000:task-definition/report\"}}");
    JsonNode again = aws(env, "scheduler", "get-schedule", "--name", "migrate-again");
    assertEquals(tomorrow, again.get("ScheduleExpression").asText());
    assertEquals("Asia/Tokyo", again.get("ScheduleExpressionTimezone").asText());

    JsonNode stopped = await(() -> {
      JsonNode listed = aws(env, "ecs", "list-tasks", "--cluster", "jobs", "--started-by", "chronos-schedule/migrate",
          "--desired-status", "STOPPED");
      return listed.get("taskArns").size() == 2 ? listed : null;
    }, Duration.ofSeconds(90), "the schedule's two tasks to run and stop");
    JsonNode tasks = aws(env, "ecs", "describe-tasks", "--cluster", "jobs", "--tasks", stopped.at("/taskArns/0").asText(),
        stopped.at("/taskArns/1").asText()).get("tasks");
    for (JsonNode task : tasks) {
      assertEquals("chronos-schedule/migrate", task.get("startedBy").asText());
      assertEquals(0, task.at("/containers/0/exitCode").asInt(), task.toString());
      assertEquals("ledger", task.at("/overrides/containerOverrides/0/environment/0/value").asText());
      assertTrue(!java.time.Instant.ofEpochMilli((long) (task.get("createdAt").asDouble() * 1000))
          .isBefore(at.toInstant().minusMillis(1)), "not before its time: " + task.get("createdAt"));
    }
    Processes.Result gone = AwsCli.run(env, "scheduler", "get-schedule", "--name", "migrate");
    assertTrue(!gone.ok() && gone.stderr().contains("ResourceNotFoundException"), gone.stderr());
  }
}
