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
import java.io.IOException;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's acceptance for schedules and Service Auto Scaling, end to end on Docker with the real
 * aws CLI: a {@code rate(1 minute)} rule made with {@code aws events} starts a task when the
 * runtime's clock reaches its fire time (the control loop's own path, not a "fire now"), and a
 * target-tracking policy made with {@code aws application-autoscaling} scales a service out under
 * real CPU load read from Docker's statistics, and back in when the containers go idle.
 *
 * <p>Isolated: the scale-out needs its busy containers to get the CPU they ask for, which three
 * other Docker classes running beside it on a two-core machine take away (CI saw the busy task at
 * 8% of its reservation).
 */
@NeedsDocker
@NeedsAwsCli
@org.junit.jupiter.api.parallel.Isolated
class SchedulesAndScalingDockerTest {
  private TestRuntimes runtime;

  /** The system clock, which a test may move forward (the runtime reads only this clock). */
  static final class JumpClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;
    /** While set, the clock stands still here (a loaded machine's slow steps then cost no time). */
    private volatile Instant frozenAt;

    void freeze() {
      frozenAt = instant();
    }

    /** Moves the clock on by {@code by} and lets it run with real time again. */
    void jump(Duration by) {
      Instant target = instant().plus(by);
      frozenAt = null;
      ahead = Duration.between(Instant.now(), target);
    }

    @Override
    public Instant instant() {
      Instant frozen = frozenAt;
      return frozen != null ? frozen : Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private static void registerTaskDefinition(Map<String, String> aws, String json) throws Exception {
    Path input = Files.createTempFile("ecsl-td", ".json");
    try {
      Files.writeString(input, json);
      AwsCli.json(aws, "ecs", "register-task-definition", "--cli-input-json", "file://" + input);
    } finally {
      Files.delete(input);
    }
  }

  /** {@code aws ARGS --output json} that must succeed, for probes inside {@code await}. */
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
  void aRateOneMinuteRuleStartsATaskWhenItsMinuteHasPassed() throws Exception {
    JumpClock clock = new JumpClock();
    runtime = TestRuntimes.docker(clock, ControlPlane.Options.defaults());
    Map<String, String> endpoint = runtime.awsEnvironment();
    aws(endpoint, "ecs", "create-cluster", "--cluster-name", "cron");
    registerTaskDefinition(endpoint, taskDefinition("tick", "echo tick; exit 0", "", ""));
    // Time stands still until the jump: however long the CLI calls take on a busy machine, the
    // rule's first minute cannot pass before the check that nothing has fired yet.
    clock.freeze();
    aws(endpoint, "events", "put-rule", "--name", "every-minute", "--schedule-expression", "rate(1 minute)");
    aws(endpoint, "events", "put-targets", "--rule", "every-minute", "--targets",
        "[{\"Id\":\"tick\",\"Arn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/cron\","
            + "\"RoleArn\":\"arn:aws:iam::000000000000:role/ecsEventsRole\",\"EcsParameters\":{"
            + "\"TaskDefinitionArn\":\"arn:aws:ecs:us-east-1:000000000000:task-definition/tick\",\"TaskCount\":2}}]");

    DockerTestSupport.sleep(2_000);
    assertEquals(0, aws(endpoint, "ecs", "list-tasks", "--cluster", "cron", "--desired-status", "STOPPED")
        .get("taskArns").size() + aws(endpoint, "ecs", "list-tasks", "--cluster", "cron").get("taskArns").size(),
        "nothing fires before the minute has passed");

    clock.jump(Duration.ofSeconds(61));
    JsonNode started = await(() -> {
      JsonNode listed = aws(endpoint, "ecs", "list-tasks", "--cluster", "cron", "--started-by",
          "events-rule/every-minute", "--desired-status", "STOPPED");
      return listed.get("taskArns").size() == 2 ? listed : null;
    }, Duration.ofSeconds(30), "the rule's two tasks to run and stop");
    JsonNode tasks = aws(endpoint, "ecs", "describe-tasks", "--cluster", "cron", "--tasks",
        started.at("/taskArns/0").asText(), started.at("/taskArns/1").asText()).get("tasks");
    for (JsonNode task : tasks) {
      assertEquals("events-rule/every-minute", task.get("startedBy").asText());
      assertEquals(0, task.at("/containers/0/exitCode").asInt(), task.toString());
      assertTrue(task.get("taskDefinitionArn").asText().endsWith("task-definition/tick:1"), task.toString());
    }

    aws(endpoint, "events", "disable-rule", "--name", "every-minute");
    clock.jump(Duration.ofSeconds(120));
    DockerTestSupport.sleep(3_000);
    assertEquals(2, aws(endpoint, "ecs", "list-tasks", "--cluster", "cron", "--desired-status", "STOPPED")
        .get("taskArns").size() + aws(endpoint, "ecs", "list-tasks", "--cluster", "cron").get("taskArns").size(),
        "a disabled rule does not fire");
  }

  @Test
  void cpuLoadScalesAServiceOutAndIdlenessBackIn() throws Exception {
    runtime = TestRuntimes.docker(Clock.systemUTC(), ControlPlane.Options.defaults()
        .withMetricsPeriod(Duration.ofSeconds(5)));
    Map<String, String> endpoint = runtime.awsEnvironment();
    aws(endpoint, "ecs", "create-cluster", "--cluster-name", "load");
    // Busy (a shell loop uses a whole core against 0.25 reserved) until the test sends SIGUSR1 or
    // five minutes pass, then idle: the test ends the load only once it has seen the scale-out, so
    // a slow engine or a busy CI machine cannot make the load end before the alarm has seen it.
    // Once idle it ignores USR1, which would otherwise end its `wait` (and the task) at the next poll.
    // Periods of 5 s, not fewer: the low alarm needs a datapoint in each of its 15 periods, and a
    // loaded engine can take seconds to answer a round of stats.
    registerTaskDefinition(endpoint, taskDefinition("burn", "trap 'busy=0' USR1; busy=1;"
        + " end=$(( $(date +%s) + 300 )); while [ $busy = 1 ] && [ $(date +%s) -lt $end ]; do :; done;"
        + " trap '' USR1; trap 'exit 0' TERM; sleep 3600 & wait", "", ",\"cpu\":\"256\""));
    aws(endpoint, "ecs", "create-service", "--cluster", "load", "--service-name", "web", "--task-definition",
        "burn", "--desired-count", "1");
    aws(endpoint, "application-autoscaling", "register-scalable-target", "--service-namespace", "ecs",
        "--resource-id", "service/load/web", "--scalable-dimension", "ecs:service:DesiredCount", "--min-capacity", "1",
        "--max-capacity", "3");
    aws(endpoint, "application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs",
        "--resource-id", "service/load/web", "--scalable-dimension", "ecs:service:DesiredCount", "--policy-name",
        "cpu50", "--policy-type", "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration",
        "{\"TargetValue\":50.0,\"ScaleOutCooldown\":5,\"ScaleInCooldown\":5,\"PredefinedMetricSpecification\":"
            + "{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"}}");

    try {
      await(() -> aws(endpoint, "ecs", "describe-services", "--cluster", "load", "--services", "web")
          .at("/services/0/desiredCount").asInt() > 1, Duration.ofSeconds(60), "the busy service to scale out");
    } catch (AssertionError e) {
      // What the runtime measured says whether the load, the readings or the alarm fell short.
      throw new AssertionError(e.getMessage() + "; the runtime's newest readings: " + runtime.client().stats()
          + "; service events: " + aws(endpoint, "ecs", "describe-services", "--cluster", "load", "--services", "web")
              .at("/services/0/events"), e);
    }
    // Every poll quiets every running container, including tasks the scale-out starts later.
    await(() -> {
      quietServiceContainers(endpoint, "load", "web");
      return aws(endpoint, "ecs", "describe-services", "--cluster", "load", "--services", "web")
          .at("/services/0/desiredCount").asInt() == 1;
    }, Duration.ofSeconds(150), "the idle service to scale back in");

    JsonNode activities = aws(endpoint, "application-autoscaling", "describe-scaling-activities",
        "--service-namespace", "ecs", "--resource-id", "service/load/web").get("ScalingActivities");
    assertTrue(activities.size() >= 2, activities.toString());
    assertEquals("Setting desired count to 1.", activities.at("/0/Description").asText(), activities.toString());
    assertTrue(activities.at("/0/Cause").asText().contains("AlarmLow"), activities.toString());
    JsonNode oldest = activities.get(activities.size() - 1);
    assertTrue(oldest.get("Cause").asText().contains("AlarmHigh"), activities.toString());
    JsonNode events = aws(endpoint, "ecs", "describe-services", "--cluster", "load", "--services", "web")
        .at("/services/0/events");
    assertTrue(events.toString().contains("Application Auto Scaling set the desired count from 1 to"), events.toString());
  }

  /** Sends SIGUSR1 (the burn loop's "stop") to every running container of the service. */
  private static void quietServiceContainers(Map<String, String> endpoint, String cluster, String service) {
    JsonNode arns = aws(endpoint, "ecs", "list-tasks", "--cluster", cluster, "--service-name", service)
        .get("taskArns");
    if (arns.isEmpty()) {
      return;
    }
    java.util.List<String> describe = new java.util.ArrayList<>(
        java.util.List.of("ecs", "describe-tasks", "--cluster", cluster, "--tasks"));
    arns.forEach(arn -> describe.add(arn.asText()));
    for (JsonNode task : aws(endpoint, describe.toArray(String[]::new)).get("tasks")) {
      for (JsonNode container : task.path("containers")) {
        String id = container.path("runtimeId").asText("");
        if (!id.isEmpty()) {
          signal(id);
        }
      }
    }
  }

  /** {@code docker kill -s USR1 ID}; a container that has stopped meanwhile is not an error. */
  private static void signal(String containerId) {
    try {
      new ProcessBuilder("docker", "kill", "-s", "USR1", containerId).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
