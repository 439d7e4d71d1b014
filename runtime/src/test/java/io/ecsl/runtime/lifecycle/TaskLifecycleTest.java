package io.ecsl.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.backend.ObservedContainer.Health;
import io.ecsl.runtime.backend.ObservedContainer.State;
import io.ecsl.runtime.engine.TaskLauncher;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.model.TaskStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** app depends on db being HEALTHY; db has a health check and a 2 s stop timeout. */
  private static final String DEFINITION = """
      {"family":"shop","revision":1,"taskDefinitionArn":"arn:aws:ecs:us-east-1:000000000000:task-definition/shop:1",
       "networkMode":"awsvpc","cpu":"256","memory":"512",
       "containerDefinitions":[
         {"name":"db","image":"ecsl/busybox:latest","essential":true,"stopTimeout":2,
          "healthCheck":{"command":["CMD-SHELL","true"],"interval":5}},
         {"name":"app","image":"ecsl/busybox:latest","essential":true,
          "portMappings":[{"containerPort":8080}],
          "dependsOn":[{"containerName":"db","condition":"HEALTHY"}]}]}
      """;

  private final ObjectNode definition = (ObjectNode) Json.parse(DEFINITION);
  private final TaskSpec spec = TaskSpec.of(definition, null);
  private final Map<String, ObservedContainer> containers = new HashMap<>();
  private ObservedContainer pause;

  private TaskEntity newTask() {
    return TaskLauncher.create(new TaskLauncher.Launch("us-east-1",
        "arn:aws:ecs:us-east-1:000000000000:cluster/c", "c", null, null, null, null, "EC2", null, null,
        Json.object(), false, List.of()), definition, T0);
  }

  private TaskStep step(TaskEntity task, Instant at) {
    return TaskLifecycle.step(task, spec, new TaskObservation(Map.copyOf(containers), pause), at);
  }

  private void observe(String name, State state, Health health, Integer exitCode) {
    containers.put(name, new ObservedContainer("id-" + name, "n-" + name, Map.of(), state, exitCode, health,
        List.of(), Map.of()));
  }

  private static <T extends TaskAction> List<T> actions(TaskStep step, Class<T> type) {
    return step.actions().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Drives a task to RUNNING: provisioned, pulled, both containers up and db healthy. */
  private TaskEntity running() {
    TaskEntity next = step(upAndRunning(newTask()), T0).task();
    assertEquals(TaskStatus.RUNNING, next.lastStatus);
    return next;
  }

  /** {@code task} provisioned and pulled, its pause container, db (healthy) and app observed running. */
  private TaskEntity upAndRunning(TaskEntity task) {
    task.provisioned = true;
    task.imagesReady = true;
    task.pullStoppedAt = T0;
    task.lastStatus = TaskStatus.PENDING;
    pause = new ObservedContainer("pause", "p", Map.of(), State.RUNNING, null, Health.NONE,
        List.of(new ObservedContainer.PublishedPort("127.0.0.1", 49153, 8080, "tcp")), Map.of("net", "172.20.0.2"));
    observe("db", State.RUNNING, Health.HEALTHY, null);
    observe("app", State.RUNNING, Health.NONE, null);
    return task;
  }

  @Test
  void aLoadBalancedTaskIsActivatingUntilRegisteredAndDeactivatingUntilDrained() {
    TaskEntity task = newTask();
    task.loadBalanced = true;
    TaskEntity activating = step(upAndRunning(task), T0).task();
    assertEquals(TaskStatus.ACTIVATING, activating.lastStatus, "containers run, targets not yet registered");
    assertEquals(TaskStatus.ACTIVATING, step(activating, T0.plusSeconds(1)).task().lastStatus);
    activating.elbRegistered = true;
    TaskEntity running = step(activating, T0.plusSeconds(2)).task();
    assertEquals(TaskStatus.RUNNING, running.lastStatus);

    TaskLifecycle.requestStop(running, TaskStatus.SERVICE_SCHEDULER_INITIATED, "scaling in", T0.plusSeconds(3));
    TaskStep deactivating = step(running, T0.plusSeconds(3));
    assertEquals(TaskStatus.DEACTIVATING, deactivating.task().lastStatus);
    assertEquals(List.of(), actions(deactivating, TaskAction.Signal.class), "no signal while draining");
    TaskEntity drained = deactivating.task();
    drained.elbDrained = true;
    TaskStep stopping = step(drained, T0.plusSeconds(4));
    assertEquals(TaskStatus.STOPPING, stopping.task().lastStatus);
    assertFalse(actions(stopping, TaskAction.Signal.class).isEmpty(), "SIGTERM once drained");
  }

  @Test
  void aNewTaskProvisionsThenPullsThenCreatesItsContainers() {
    TaskStep first = step(newTask(), T0);
    assertEquals(TaskStatus.PROVISIONING, first.task().lastStatus);
    assertEquals(1, actions(first, TaskAction.Provision.class).size());

    TaskEntity provisioned = first.task();
    provisioned.provisioned = true;
    pause = new ObservedContainer("pause", "p", Map.of(), State.RUNNING, null, Health.NONE, List.of(), Map.of());
    TaskStep second = step(provisioned, T0.plusSeconds(1));
    assertEquals(TaskStatus.PENDING, second.task().lastStatus);
    assertEquals(T0.plusSeconds(1), second.task().pullStartedAt);
    assertEquals(1, actions(second, TaskAction.PullImages.class).size());

    TaskEntity pulled = second.task();
    pulled.imagesReady = true;
    pulled.pullStoppedAt = T0.plusSeconds(2);
    TaskStep third = step(pulled, T0.plusSeconds(2));
    assertEquals(List.of("db", "app"), actions(third, TaskAction.CreateContainer.class).stream()
        .map(TaskAction.CreateContainer::containerName).toList());
  }

  @Test
  void aContainerStartsOnlyOnceItsHealthyDependencyIsHealthy() {
    TaskEntity task = newTask();
    task.provisioned = true;
    task.imagesReady = true;
    task.pullStoppedAt = T0;
    task.lastStatus = TaskStatus.PENDING;
    pause = new ObservedContainer("pause", "p", Map.of(), State.RUNNING, null, Health.NONE, List.of(), Map.of());
    observe("db", State.CREATED, Health.NONE, null);
    observe("app", State.CREATED, Health.NONE, null);
    TaskStep created = step(task, T0);
    assertEquals(List.of("db"), startedNames(created), "only db has no unmet dependency");

    observe("db", State.RUNNING, Health.STARTING, null);
    TaskStep dbStarting = step(created.task(), T0.plusSeconds(3));
    assertTrue(startedNames(dbStarting).isEmpty(), "app waits while db's health check has not passed");
    assertEquals(TaskStatus.PENDING, dbStarting.task().lastStatus);

    observe("db", State.RUNNING, Health.HEALTHY, null);
    TaskStep dbHealthy = step(dbStarting.task(), T0.plusSeconds(6));
    assertEquals(List.of("app"), startedNames(dbHealthy));
  }

  private static List<String> startedNames(TaskStep step) {
    return actions(step, TaskAction.StartContainer.class).stream().map(TaskAction.StartContainer::containerName).toList();
  }

  @Test
  void aDependencyThatTurnsUnhealthyFailsTheTaskToStart() {
    TaskEntity task = newTask();
    task.provisioned = true;
    task.imagesReady = true;
    task.pullStoppedAt = T0;
    pause = new ObservedContainer("pause", "p", Map.of(), State.RUNNING, null, Health.NONE, List.of(), Map.of());
    observe("db", State.RUNNING, Health.UNHEALTHY, null);
    observe("app", State.CREATED, Health.NONE, null);
    TaskStep step = step(task, T0.plusSeconds(20));
    assertEquals(TaskStatus.STOPPED, step.task().desiredStatus);
    assertEquals(TaskStatus.TASK_FAILED_TO_START, step.task().stopCode);
    assertTrue(step.task().stoppedReason.contains("dependency db is UNHEALTHY"), step.task().stoppedReason);
  }

  @Test
  void aDependencyThatNeverBecomesHealthyTimesOutAfterItsStartTimeout() {
    TaskEntity task = newTask();
    task.provisioned = true;
    task.imagesReady = true;
    task.pullStoppedAt = T0;
    pause = new ObservedContainer("pause", "p", Map.of(), State.RUNNING, null, Health.NONE, List.of(), Map.of());
    observe("db", State.RUNNING, Health.STARTING, null);
    observe("app", State.CREATED, Health.NONE, null);
    TaskEntity started = step(task, T0).task();
    TaskStep later = step(started, T0.plus(TaskLifecycle.DEFAULT_START_TIMEOUT).plusSeconds(1));
    assertEquals(TaskStatus.TASK_FAILED_TO_START, later.task().stopCode);
    assertTrue(later.task().stoppedReason.contains("startTimeout"), later.task().stoppedReason);
  }

  @Test
  void aRunningTaskReportsBindingsFromThePauseContainerAndHealthFromItsChecks() {
    TaskEntity task = running();
    assertEquals("127.0.0.1:49153->8080/tcp", task.container("app").networkBindings.get(0).display());
    assertEquals(TaskStatus.HEALTHY, task.container("db").healthStatus);
    assertEquals(TaskStatus.HEALTHY, task.healthStatus, "the only essential container with a check is HEALTHY");
    assertEquals(T0, task.startedAt);
    assertNotNull(task.firstHealthyAt);
  }

  @Test
  void anEssentialExitStopsTheOthersWithSigtermThenSigkillAfterTheirStopTimeout() {
    TaskEntity task = running();
    observe("app", State.EXITED, Health.NONE, 3);
    TaskStep exited = step(task, T0.plusSeconds(10));
    assertEquals(TaskStatus.ESSENTIAL_CONTAINER_EXITED, exited.task().stopCode);
    assertEquals("Essential container in task exited", exited.task().stoppedReason);
    assertEquals(TaskStatus.STOPPING, exited.task().lastStatus);
    assertEquals(3, exited.task().container("app").exitCode);
    List<TaskAction.Signal> signals = actions(exited, TaskAction.Signal.class);
    assertEquals(List.of("SIGTERM"), signals.stream().map(TaskAction.Signal::signal).toList());
    assertEquals("id-db", signals.get(0).containerId());

    TaskStep beforeTimeout = step(exited.task(), T0.plusSeconds(11));
    assertTrue(actions(beforeTimeout, TaskAction.Signal.class).isEmpty(), "db's stopTimeout is 2 s");
    TaskStep afterTimeout = step(beforeTimeout.task(), T0.plusSeconds(12));
    assertEquals(List.of("SIGKILL"), actions(afterTimeout, TaskAction.Signal.class).stream()
        .map(TaskAction.Signal::signal).toList());
  }

  @Test
  void stoppingFollowsReverseDependencyOrderThenDeprovisionsAndStops() {
    TaskEntity task = running();
    TaskLifecycle.requestStop(task, TaskStatus.USER_INITIATED, "Task stopped by user", T0.plusSeconds(5));
    TaskStep first = step(task, T0.plusSeconds(5));
    assertEquals(List.of("id-app"), actions(first, TaskAction.Signal.class).stream()
        .map(TaskAction.Signal::containerId).toList(), "app depends on db, so app stops first");

    observe("app", State.EXITED, Health.NONE, 0);
    TaskStep second = step(first.task(), T0.plusSeconds(6));
    assertEquals(List.of("id-db"), actions(second, TaskAction.Signal.class).stream()
        .map(TaskAction.Signal::containerId).toList());

    observe("db", State.EXITED, Health.NONE, 143);
    TaskStep third = step(second.task(), T0.plusSeconds(7));
    assertEquals(TaskStatus.DEPROVISIONING, third.task().lastStatus);
    assertEquals(1, actions(third, TaskAction.Deprovision.class).size());

    TaskEntity deprovisioned = third.task();
    deprovisioned.deprovisioned = true;
    TaskStep done = step(deprovisioned, T0.plusSeconds(8));
    assertEquals(TaskStatus.STOPPED, done.task().lastStatus);
    assertEquals(TaskStatus.USER_INITIATED, done.task().stopCode);
    assertEquals(T0.plusSeconds(8), done.task().stoppedAt);
    assertTrue(done.task().version > task.version);
  }

  @Test
  void aContainerRemovedBehindTheRuntimesBackStopsTheTask() {
    TaskEntity task = running();
    containers.remove("app");
    TaskStep step = step(task, T0.plusSeconds(3));
    assertEquals(TaskStatus.ESSENTIAL_CONTAINER_EXITED, step.task().stopCode);
    assertTrue(step.task().container("app").reason.contains("removed outside"));
  }

  @Test
  void losingThePauseContainerStopsTheTask() {
    TaskEntity task = running();
    pause = null;
    TaskStep step = step(task, T0.plusSeconds(3));
    assertEquals(TaskStatus.STOPPED, step.task().desiredStatus);
    assertTrue(step.task().stoppedReason.startsWith("ResourceInitializationError"));
  }

  @Test
  void theStepNeverEditsItsInput() {
    TaskEntity task = running();
    String before = Json.write(task);
    observe("app", State.EXITED, Health.NONE, 1);
    step(task, T0.plusSeconds(10));
    assertEquals(before, Json.write(task));
  }

  @Test
  void anInitContainerMustCompleteOrSucceedBeforeTheAppStarts() {
    ObjectNode json = (ObjectNode) Json.parse("""
        {"family":"init","revision":1,"taskDefinitionArn":"arn:aws:ecs:us-east-1:000000000000:task-definition/init:1",
         "memory":"128","containerDefinitions":[
           {"name":"migrate","image":"i","essential":false},
           {"name":"seed","image":"i","essential":false},
           {"name":"app","image":"i","dependsOn":[{"containerName":"migrate","condition":"SUCCESS"},
             {"containerName":"seed","condition":"COMPLETE"}]}]}
        """);
    TaskSpec init = TaskSpec.of(json, null);
    TaskEntity task = TaskLauncher.create(new TaskLauncher.Launch("us-east-1", "arn:c", "c", null, null, null, null,
        "EC2", null, null, null, false, List.of()), json, T0);
    task.provisioned = true;
    task.imagesReady = true;
    task.pullStoppedAt = T0;
    observe("migrate", State.RUNNING, Health.NONE, null);
    observe("seed", State.EXITED, Health.NONE, 1);
    observe("app", State.CREATED, Health.NONE, null);
    TaskStep waiting = TaskLifecycle.step(task, init, new TaskObservation(Map.copyOf(containers), null), T0);
    assertTrue(startedNames(waiting).isEmpty(), "migrate has not exited yet");

    observe("migrate", State.EXITED, Health.NONE, 0);
    TaskStep ready = TaskLifecycle.step(waiting.task(), init, new TaskObservation(Map.copyOf(containers), null),
        T0.plusSeconds(2));
    assertEquals(List.of("app"), startedNames(ready), "migrate succeeded and seed completed (exit 1 is fine)");

    observe("migrate", State.EXITED, Health.NONE, 2);
    TaskStep failed = TaskLifecycle.step(waiting.task(), init, new TaskObservation(Map.copyOf(containers), null),
        T0.plusSeconds(2));
    assertEquals(TaskStatus.TASK_FAILED_TO_START, failed.task().stopCode);
    assertTrue(failed.task().stoppedReason.contains("exited with code 2 (SUCCESS requires 0)"),
        failed.task().stoppedReason);
  }

  @Test
  void aStoppedTaskIsLeftAlone() {
    TaskEntity task = newTask();
    task.lastStatus = TaskStatus.STOPPED;
    TaskStep step = step(task, T0);
    assertTrue(step.actions().isEmpty());
    assertNull(step.task().stoppedReason);
    assertFalse(step.task().isActive());
  }
}
