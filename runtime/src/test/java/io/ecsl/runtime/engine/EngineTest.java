package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.Processes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine end to end on the in-memory backend: ECS API calls in, task and service behaviour out. */
class EngineTest {
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

  private void register(String family, String script, boolean healthCheck) {
    String check = healthCheck ? ",\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"exit 0\"],\"interval\":5}" : "";
    engine.registerTaskDefinition("{\"family\":\"" + family + "\",\"memory\":\"128\",\"containerDefinitions\":["
        + "{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + script + "\"],"
        + "\"portMappings\":[{\"containerPort\":8080}]" + check + "}]}");
  }

  private void createService(String taskDefinition, int desired, String extra) {
    engine.ecs("CreateService", "{\"cluster\":\"demo\",\"serviceName\":\"web\",\"taskDefinition\":\""
        + taskDefinition + "\",\"desiredCount\":" + desired + extra + "}");
  }

  @Test
  void aRelayThatCannotStartLeavesTheTaskRunningAndSaysSoInTheServiceEvents() {
    engine.backend.refuseCreating("ecsl-relay-");
    register("web", SERVE, false);
    createService("web", 1, "");
    engine.ticks(5);
    JsonNode service = engine.service("demo", "web");
    assertEquals(1, service.get("runningCount").asInt(), "the task lives without its metadata endpoint");
    assertTrue(engine.relays().isEmpty());
    String taskId = engine.tasks("demo", "RUNNING").get(0).get("taskArn").asText().replaceAll(".*/", "");
    List<String> messages = new java.util.ArrayList<>();
    service.get("events").forEach(e -> messages.add(e.get("message").asText()));
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("(service web) (task " + taskId + ") container app has no"
        + " task metadata or credentials endpoint: its relay did not start: creating ecsl-relay-")), messages.toString());
  }

  @Test
  void aServiceRunsItsDesiredCountAndReachesSteadyState() {
    register("web", SERVE, false);
    createService("web", 3, "");
    engine.ticks(5);
    JsonNode service = engine.service("demo", "web");
    assertEquals(3, service.get("runningCount").asInt());
    assertEquals(3, engine.containers().size());
    assertEquals(3, engine.relays().stream().filter(ObservedContainer::isRunning).count(),
        "each bridge-mode container has its metadata relay");
    assertEquals("IN_PROGRESS", service.at("/deployments/0/rolloutState").asText(),
        "without health checks a task counts healthy only 40 s after RUNNING");
    engine.run(41, Duration.ofSeconds(1));
    service = engine.service("demo", "web");
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText());
    assertEquals("(service web) has reached a steady state.", service.at("/events/0/message").asText());
    JsonNode task = engine.tasks("demo", "RUNNING").get(0);
    assertEquals("service:web", task.get("group").asText());
    assertEquals(service.at("/deployments/0/id").asText(), task.get("startedBy").asText());
    assertTrue(task.at("/containers/0/networkBindings/0/hostPort").asInt() > 0);
    assertEquals("127.0.0.1", task.at("/containers/0/networkBindings/0/bindIP").asText());
  }

  @Test
  void aKilledContainerIsReplaced() {
    register("web", SERVE, false);
    createService("web", 2, "");
    engine.run(15, Duration.ofSeconds(1)); // past the start window: a later exit is a crash, not a failed start
    ObservedContainer victim = engine.containers().get(0);
    engine.backend.kill(victim.id());
    engine.ticks(5);
    assertEquals(2, engine.service("demo", "web").get("runningCount").asInt());
    JsonNode stopped = engine.tasks("demo", "STOPPED").get(0);
    assertEquals("EssentialContainerExited", stopped.get("stopCode").asText());
    assertEquals("Essential container in task exited", stopped.get("stoppedReason").asText());
    assertEquals(137, stopped.at("/containers/0/exitCode").asInt());
    assertEquals(victim.id(), stopped.at("/containers/0/runtimeId").asText());
  }

  @Test
  void aRollingDeploymentKeepsTheMinimumHealthyAndTheMaximumTasks() {
    register("web", SERVE, true);
    createService("web:1", 4, ",\"deploymentConfiguration\":{\"minimumHealthyPercent\":100,\"maximumPercent\":200}");
    engine.run(10, Duration.ofSeconds(1));
    assertEquals("COMPLETED", engine.service("demo", "web").at("/deployments/0/rolloutState").asText());
    register("web", SERVE + " ", true);
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    int minHealthy = Integer.MAX_VALUE;
    int maxTasks = 0;
    for (int i = 0; i < 60; i++) {
      engine.run(1, Duration.ofMillis(500));
      List<JsonNode> live = engine.allTasks("demo").stream()
          .filter(t -> !t.get("lastStatus").asText().equals("STOPPED")).toList();
      long healthy = live.stream().filter(t -> t.get("lastStatus").asText().equals("RUNNING")
          && t.get("healthStatus").asText().equals("HEALTHY")).count();
      minHealthy = Math.min(minHealthy, (int) healthy);
      maxTasks = Math.max(maxTasks, live.size());
    }
    JsonNode service = engine.service("demo", "web");
    assertEquals(1, service.get("deployments").size());
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText());
    assertTrue(service.at("/deployments/0/taskDefinition").asText().endsWith("web:2"));
    assertTrue(minHealthy >= 4, "healthy tasks dropped to " + minHealthy);
    assertTrue(maxTasks <= 8, "tasks rose to " + maxTasks);
    assertEquals(8, maxTasks, "max 200% lets all 4 new tasks start before the old ones stop");
  }

  @Test
  void aCrashingRevisionTripsTheCircuitBreakerAndRollsBack() {
    register("web", SERVE, true);
    createService("web:1", 2, ",\"deploymentConfiguration\":{\"deploymentCircuitBreaker\":"
        + "{\"enable\":true,\"rollback\":true}}");
    engine.run(10, Duration.ofSeconds(1));
    register("web", "exit 1", true);
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(60, Duration.ofSeconds(1));
    JsonNode service = engine.service("demo", "web");
    assertTrue(service.get("taskDefinition").asText().endsWith("web:1"), service.toString());
    assertEquals(1, service.get("deployments").size());
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText());
    List<String> messages = Json.list(service, "events").stream().map(e -> e.get("message").asText()).toList();
    assertTrue(messages.stream().anyMatch(m -> m.contains("deployment failed: tasks failed to start")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("(service web) rolling back to deployment")), messages.toString());
    assertEquals(2, service.get("runningCount").asInt());
    assertTrue(engine.tasks("demo", "RUNNING").stream()
        .allMatch(t -> t.get("taskDefinitionArn").asText().endsWith("web:1")));
  }

  @Test
  void aRestartMidDeploymentFinishesItWithoutDuplicatesOrOrphans() {
    register("web", SERVE, true);
    createService("web:1", 4, "");
    engine.run(10, Duration.ofSeconds(1));
    register("web", SERVE + " ", true);
    engine.ecs("UpdateService", "{\"cluster\":\"demo\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(2, Duration.ofSeconds(1));
    engine.restart();
    engine.run(30, Duration.ofSeconds(1));
    JsonNode service = engine.service("demo", "web");
    assertEquals("COMPLETED", service.at("/deployments/0/rolloutState").asText());
    List<JsonNode> running = engine.tasks("demo", "RUNNING");
    assertEquals(4, running.size());
    long newTasks = engine.allTasks("demo").stream()
        .filter(t -> t.get("taskDefinitionArn").asText().endsWith("web:2")).count();
    assertEquals(4, newTasks, "the restart launched no duplicate tasks");
    Map<String, Integer> containersPerTask = new HashMap<>();
    for (ObservedContainer container : engine.containers()) {
      if (container.isRunning()) {
        containersPerTask.merge(container.label(Labels.TASK), 1, Integer::sum);
      }
    }
    assertEquals(4, containersPerTask.size(), "only the 4 running tasks have running containers");
    assertTrue(containersPerTask.values().stream().allMatch(n -> n == 1));
  }

  @Test
  void anUnhealthyTaskIsReplacedAfterTheGracePeriod() {
    engine.registerTaskDefinition("{\"family\":\"sick\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":"
        + "\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + SERVE + "\"],"
        + "\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"exit 1\"],\"interval\":5,\"retries\":2}}]}");
    createService("sick", 1, ",\"healthCheckGracePeriodSeconds\":30");
    engine.run(20, Duration.ofSeconds(1));
    JsonNode first = engine.tasks("demo", "RUNNING").get(0);
    assertEquals("UNHEALTHY", first.get("healthStatus").asText(), "two failed checks 5 s apart");
    assertTrue(engine.tasks("demo", "STOPPED").isEmpty(), "still inside the 30 s grace period");
    engine.run(15, Duration.ofSeconds(1));
    JsonNode replaced = engine.tasks("demo", "STOPPED").get(0);
    assertEquals(first.get("taskArn").asText(), replaced.get("taskArn").asText());
    assertEquals("ServiceSchedulerInitiated", replaced.get("stopCode").asText());
    assertEquals("Task failed container health checks", replaced.get("stoppedReason").asText());
    assertEquals(1, engine.tasks("demo", "RUNNING").size(), "a replacement runs");
    assertTrue(Json.list(engine.service("demo", "web"), "events").stream()
        .anyMatch(e -> e.get("message").asText().endsWith("failed container health checks.")));
  }

  @Test
  void anImageThatCannotBePulledStopsTheTaskWithCannotPullContainerError() {
    engine.registerTaskDefinition("{\"family\":\"bad\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"127.0.0.1:1/ecsl-missing:latest\"}]}");
    engine.ecs("RunTask", "{\"cluster\":\"demo\",\"taskDefinition\":\"bad\"}");
    engine.ticks(5);
    JsonNode task = engine.tasks("demo", "STOPPED").get(0);
    assertEquals("STOPPED", task.get("lastStatus").asText());
    assertEquals("TaskFailedToStart", task.get("stopCode").asText());
    assertTrue(task.get("stoppedReason").asText().startsWith("CannotPullContainerError: "),
        task.get("stoppedReason").asText());
    assertTrue(task.has("pullStartedAt") && task.has("pullStoppedAt"));
  }

  @Test
  void aMissingSecretFailsTheTaskAndAStoredOneLetsItRun() {
    engine.registerTaskDefinition("{\"family\":\"sec\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + SERVE + "\"],"
        + "\"secrets\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":"
        + "\"arn:aws:secretsmanager:us-east-1:000000000000:secret:db-password-AbCdEf\"}]}]}");
    engine.ecs("RunTask", "{\"cluster\":\"demo\",\"taskDefinition\":\"sec\"}");
    engine.ticks(5);
    JsonNode failed = engine.tasks("demo", "STOPPED").get(0);
    assertEquals("TaskFailedToStart", failed.get("stopCode").asText());
    assertTrue(failed.get("stoppedReason").asText().startsWith("ResourceInitializationError: "));
    assertTrue(failed.get("stoppedReason").asText().contains("ecsl runtime secret put"));

    engine.store().putSecret("db-password", "s3cr3t");
    engine.ecs("RunTask", "{\"cluster\":\"demo\",\"taskDefinition\":\"sec\"}");
    engine.ticks(5);
    assertEquals("RUNNING", engine.tasks("demo", "RUNNING").get(0).get("lastStatus").asText());
  }

  /**
   * The command the stopped reason suggests adds the secret the task names, whatever its name holds:
   * a quote once ended the quoted word, and the rest ran as a command of its own.
   */
  @Test
  void theSuggestedSecretCommandIsOneWordPerArgumentForAShell() throws Exception {
    String valueFrom = "arn:aws:ssm:us-east-1:000000000000:parameter/it's$(echo injected) `echo id` *";
    engine.registerTaskDefinition("{\"family\":\"sec\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"secrets\":[{\"name\":\"TOKEN\","
        + "\"valueFrom\":" + Json.write(valueFrom) + "}]}]}");
    engine.ecs("RunTask", "{\"cluster\":\"demo\",\"taskDefinition\":\"sec\"}");
    engine.ticks(5);
    String reason = engine.tasks("demo", "STOPPED").get(0).get("stoppedReason").asText();
    String command = reason.substring(reason.indexOf("add it with: ") + "add it with: ".length());
    Processes.Result words = Processes.run(List.of("bash", "-c", "printf '%s\\n' " + command), Map.of(), 30);
    assertEquals(0, words.exitCode(), words.stderr());
    assertEquals(List.of("ecsl", "runtime", "secret", "put", valueFrom, "VALUE"), words.stdout().lines().toList(),
        reason);
  }

  @Test
  void stopTaskStopsWithUserInitiatedAndTheGivenReason() {
    register("web", SERVE, false);
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"demo\",\"taskDefinition\":\"web\"}");
    String arn = run.at("/tasks/0/taskArn").asText();
    assertEquals("PROVISIONING", run.at("/tasks/0/lastStatus").asText());
    engine.ticks(5);
    engine.ecs("StopTask", "{\"cluster\":\"demo\",\"task\":\"" + arn + "\",\"reason\":\"done testing\"}");
    engine.ticks(5);
    JsonNode task = engine.tasks("demo", "STOPPED").get(0);
    assertEquals("UserInitiated", task.get("stopCode").asText());
    assertEquals("done testing", task.get("stoppedReason").asText());
    assertEquals(0, task.at("/containers/0/exitCode").asInt(), "the container trapped SIGTERM and exited 0");
    assertTrue(task.get("version").asInt() > 1);
  }

  @Test
  void aDefinitionAcceptedUnderWiderGrantsDoesNotRunAfterARestartWithoutThem() {
    engine.restart(HostGrants.NONE.with(HostGrants.ALLOW_PRIVILEGED, null));
    engine.registerTaskDefinition("{\"family\":\"root\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":"
        + "\"app\",\"image\":\"ecsl/busybox:latest\",\"privileged\":true,\"command\":[\"sh\",\"-c\",\"" + SERVE
        + "\"]}]}");
    createService("root", 1, "");
    engine.run(15, Duration.ofSeconds(1));
    assertEquals(1, engine.tasks("demo", "RUNNING").size(), "allowed while the runtime ran with --allow-privileged");

    engine.restart(HostGrants.NONE);
    engine.backend.kill(engine.containers().get(0).id());
    engine.ticks(5);
    JsonNode refused = engine.tasks("demo", "STOPPED").stream()
        .filter(t -> t.get("stopCode").asText().equals("TaskFailedToStart")).findFirst().orElseThrow();
    assertTrue(refused.get("stoppedReason").asText().startsWith("CannotCreateContainerError: The ecsl runtime does"
        + " not let tasks take over this machine: container `app` is privileged"), refused.toString());
    assertTrue(engine.containers().stream().noneMatch(ObservedContainer::isRunning), "no privileged container runs");
    io.ecsl.runtime.api.ApiException runTask = org.junit.jupiter.api.Assertions.assertThrows(
        io.ecsl.runtime.api.ApiException.class,
        () -> engine.ecs("RunTask", "{\"cluster\":\"demo\",\"taskDefinition\":\"root\"}"));
    assertEquals("AccessDeniedException", runTask.type());
  }

  @Test
  void deletingAServiceDrainsItToInactive() {
    register("web", SERVE, false);
    createService("web", 2, "");
    engine.ticks(5);
    engine.ecs("DeleteService", "{\"cluster\":\"demo\",\"service\":\"web\",\"force\":true}");
    engine.ticks(10);
    assertEquals("INACTIVE", engine.service("demo", "web").get("status").asText());
    assertTrue(engine.ecs("ListServices", "{\"cluster\":\"demo\"}").get("serviceArns").isEmpty());
    assertTrue(engine.containers().stream().noneMatch(ObservedContainer::isRunning));
  }

  @Test
  void deletingAClusterRemovesItsStoppedTasksContainersAtOnce() {
    register("web", SERVE, false);
    createService("web", 2, "");
    engine.ticks(5);
    assertEquals(2, engine.containers().size());
    engine.ecs("DeleteService", "{\"cluster\":\"demo\",\"service\":\"web\",\"force\":true}");
    engine.ticks(10);
    assertEquals(2, engine.containers().size(), "stopped tasks keep their containers (and logs) while the cluster lives");
    assertTrue(engine.relays().stream().noneMatch(ObservedContainer::isRunning), "a stopped task's relays are stopped");
    engine.ecs("DeleteCluster", "{\"cluster\":\"demo\"}");
    engine.ticks(5);
    assertEquals(List.of(), engine.containers(), "nothing of a deleted cluster is left behind");
    assertEquals(List.of(), engine.relays(), "relays go with their tasks");
  }
}
