package io.ecsl.runtime.scheduler;

import static io.ecsl.runtime.scheduler.SchedulerFixtures.COMPLETED;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.IN_PROGRESS;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.T0;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.concat;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.deployment;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.healthy;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.launched;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.pending;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.service;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.stopped;
import static io.ecsl.runtime.scheduler.SchedulerFixtures.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.ServiceSnapshot.DeploymentState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSchedulerTest {
  private static final DeploymentState NEW = deployment("new", true, IN_PROGRESS);
  private static final DeploymentState OLD = deployment("old", false, COMPLETED);

  private static ServicePlan plan(ServiceSnapshot service, List<TaskView> tasks) {
    return ServiceScheduler.plan(service, tasks, T0, () -> "ecs-svc/rollback");
  }

  @Test
  void aNewServiceLaunchesItsDesiredCount() {
    ServicePlan plan = plan(service(3, 100, 200, List.of(NEW)), List.of());
    assertEquals(List.of(new ServicePlan.Launch("new", 3)), plan.launches());
    assertTrue(plan.stops().isEmpty());
  }

  @Test
  void aTaskThatDiedAfterRunningIsReplacedAtOnceWithoutBackoff() {
    DeploymentState done = deployment("new", true, COMPLETED);
    List<TaskView> tasks = concat(List.of(healthy("new")),
        List.of(stopped("new", TaskStatus.ESSENTIAL_CONTAINER_EXITED, true)));
    ServicePlan plan = plan(service(2, 100, 200, List.of(done)), tasks);
    assertEquals(1, launched(plan));
    assertEquals(0, plan.consecutiveStartFailures());
    assertEquals(1, plan.accounted().size(), "the stopped task is counted once");
  }

  @Test
  void tasksThatFailToStartBackOffTheNextLaunch() {
    List<TaskView> tasks = List.of(stopped("new", TaskStatus.TASK_FAILED_TO_START, false));
    ServicePlan plan = plan(service(1, 100, 200, List.of(NEW)), tasks);
    assertEquals(0, launched(plan), "the first failure delays the next launch by a second");
    assertEquals(1, plan.consecutiveStartFailures());
    assertEquals(T0.plusSeconds(1), plan.launchNotBefore());
    assertTrue(plan.events().contains("(service web) is unable to consistently start tasks successfully."));

    ServiceSnapshot later = new ServiceSnapshot("web", false, 1, 100, 200, ServiceSnapshot.CircuitBreaker.DISABLED,
        Duration.ZERO, List.of(NEW), null, 1, T0.plusSeconds(1), false);
    TaskView accounted = new TaskView(tasks.get(0).taskArn(), tasks.get(0).taskId(), "new", TaskStatus.STOPPED,
        false, TaskStatus.UNKNOWN, true, T0, null, null, T0, TaskStatus.TASK_FAILED_TO_START, false, true);
    ServicePlan retry = ServiceScheduler.plan(later, List.of(accounted), T0.plusSeconds(1), () -> "x");
    assertEquals(1, launched(retry), "after the backoff the scheduler tries again");
  }

  @Test
  void rollingWithMin100Max200StartsAllNewTasksBeforeStoppingAnyOld() {
    List<TaskView> old = times(4, () -> healthy("old"));
    ServicePlan first = plan(service(4, 100, 200, List.of(NEW, OLD)), old);
    assertEquals(4, launched(first));
    assertTrue(first.stops().isEmpty(), "nothing may stop while only 4 tasks are healthy");

    List<TaskView> starting = concat(old, times(4, () -> pending("new")));
    ServicePlan waiting = plan(service(4, 100, 200, List.of(NEW, OLD)), starting);
    assertEquals(0, launched(waiting), "8 tasks already: the maximum");
    assertTrue(waiting.stops().isEmpty());

    List<TaskView> ready = concat(old, times(4, () -> healthy("new")));
    ServicePlan drain = plan(service(4, 100, 200, List.of(NEW, OLD)), ready);
    assertEquals(4, drain.stops().size(), "4 new healthy: the 4 old may go");
    assertTrue(drain.stops().stream().allMatch(s -> old.stream().anyMatch(t -> t.taskArn().equals(s.taskArn()))));
    assertEquals(TaskStatus.SERVICE_SCHEDULER_INITIATED, drain.stops().get(0).stopCode());
    assertTrue(drain.stops().get(0).reason().startsWith("Scaling activity initiated by (deployment new)"));
  }

  @Test
  void rollingWithMin50Max100StopsHalfTheOldTasksFirst() {
    List<TaskView> old = times(4, () -> healthy("old"));
    ServicePlan plan = plan(service(4, 50, 100, List.of(NEW, OLD)), old);
    assertEquals(0, launched(plan), "no room above 100%");
    assertEquals(2, plan.stops().size(), "4 × 50% = 2 must stay healthy");
  }

  @Test
  void aConfigurationThatCanNeitherStartNorStopReportsTheStall() {
    ServicePlan plan = plan(service(1, 100, 100, List.of(NEW, OLD)), List.of(healthy("old")));
    assertEquals(0, launched(plan));
    assertTrue(plan.stops().isEmpty());
    assertTrue(plan.events().contains("(service web)" + ServiceScheduler.STALLED_MESSAGE));
  }

  @Test
  void theDeploymentCompletesWhenOnlyHealthyPrimaryTasksRemain() {
    ServicePlan plan = plan(service(2, 100, 200, List.of(NEW)), times(2, () -> healthy("new")));
    assertEquals(DeploymentEntity.COMPLETED, plan.deployments().get(0).rolloutState());
    assertEquals("new", plan.lastCompleted().id());
    assertTrue(plan.steady());
    assertTrue(plan.events().contains("(service web) (deployment new) deployment completed."));
    assertTrue(plan.events().contains("(service web) has reached a steady state."));
  }

  @Test
  void theCircuitBreakerFailsTheDeploymentAndRollsBack() {
    ServiceSnapshot.CircuitBreaker breaker = new ServiceSnapshot.CircuitBreaker(true, true, true, null, null);
    DeploymentState failing = new DeploymentState("new", true, "arn:td/v2", IN_PROGRESS, null, 2, T0.minusSeconds(5));
    DeploymentState previous = new DeploymentState("old", false, "arn:td/v1", COMPLETED, null, 0, null);
    TaskView stillStarting = pending("new");
    List<TaskView> tasks = concat(times(2, () -> healthy("old")),
        List.of(stopped("new", TaskStatus.ESSENTIAL_CONTAINER_EXITED, false), stillStarting));
    ServicePlan plan = plan(service(2, 100, 200, List.of(failing, previous), breaker, previous), tasks);

    assertNotNull(plan.rollback());
    assertEquals("old", plan.rollback().fromDeploymentId());
    DeploymentState primary = plan.deployments().get(0);
    assertEquals("ecs-svc/rollback", primary.id());
    assertEquals("arn:td/v1", primary.taskDefinition());
    DeploymentState failed = plan.deployments().stream().filter(d -> d.id().equals("new")).findFirst().orElseThrow();
    assertEquals(DeploymentEntity.FAILED, failed.rolloutState());
    assertFalse(failed.primary());
    assertTrue(plan.events().contains("(service web) (deployment new) deployment failed: tasks failed to start."));
    assertTrue(plan.events().contains("(service web) rolling back to deployment old."));
    assertTrue(plan.stops().stream().anyMatch(s -> s.taskArn().equals(stillStarting.taskArn())),
        "the failed deployment's tasks are drained");
  }

  @Test
  void whenTheBreakerAndAnAlarmTripInOnePassTheBreakerWinsAndItsRollbackIsNotFailedAgain() {
    ServiceSnapshot.CircuitBreaker breaker = new ServiceSnapshot.CircuitBreaker(true, true, true, null, null);
    DeploymentState failing = new DeploymentState("new", true, "arn:td/v2", IN_PROGRESS, null, 2, T0.minusSeconds(5));
    DeploymentState previous = new DeploymentState("old", false, "arn:td/v1", COMPLETED, null, 0, null);
    ServiceSnapshot.DeploymentAlarms alarms = new ServiceSnapshot.DeploymentAlarms(true, true, List.of("web-5xx"),
        List.of("web-5xx"), java.time.Duration.ZERO);
    ServiceSnapshot base = service(2, 100, 200, List.of(failing, previous), breaker, previous);
    ServiceSnapshot snapshot = new ServiceSnapshot(base.name(), false, 2, 100, 200, breaker, java.time.Duration.ZERO,
        base.deployments(), previous, 0, null, false, null, ScaleInOrder.NEWEST_FIRST, null, alarms);
    ServicePlan plan = plan(snapshot, concat(times(2, () -> healthy("old")),
        List.of(stopped("new", TaskStatus.ESSENTIAL_CONTAINER_EXITED, false))));

    assertEquals("ecs-svc/rollback", plan.rollback().newDeploymentId());
    assertEquals(1, plan.events().stream().filter(e -> e.contains("rolling back")).count(), plan.events().toString());
    DeploymentState primary = plan.deployments().get(0);
    assertEquals(IN_PROGRESS, primary.rolloutState(), "the rollback is not failed by the alarm: " + primary);
    assertTrue(plan.events().contains("(service web) (deployment new) deployment failed: tasks failed to start."),
        plan.events().toString());
    assertTrue(plan.events().stream().noneMatch(e -> e.contains("alarm")), plan.events().toString());
  }

  @Test
  void withoutRollbackAFailedDeploymentLaunchesNothing() {
    ServiceSnapshot.CircuitBreaker breaker = new ServiceSnapshot.CircuitBreaker(true, false, true, null, null);
    DeploymentState failing = new DeploymentState("new", true, "arn:td/v2", IN_PROGRESS, null, 3, T0);
    ServicePlan plan = plan(service(2, 100, 200, List.of(failing), breaker, null), List.of());
    assertEquals(DeploymentEntity.FAILED, plan.deployments().get(0).rolloutState());
    assertNull(plan.rollback());
    assertEquals(0, launched(plan));
  }

  @Test
  void aHealthyTaskResetsTheFailureCount() {
    ServiceSnapshot.CircuitBreaker breaker = new ServiceSnapshot.CircuitBreaker(true, true, true, null, null);
    DeploymentState failing = new DeploymentState("new", true, "arn:td/v2", IN_PROGRESS, null, 2,
        T0.minusSeconds(200));
    ServicePlan plan = plan(service(2, 100, 200, List.of(failing), breaker, null), List.of(healthy("new")));
    assertEquals(0, plan.deployments().get(0).failedTasks());
  }

  @Test
  void unhealthyTasksAreReplacedOnlyAfterTheGracePeriod() {
    TaskView sick = new TaskView("arn:task/sick", "sick", "new", TaskStatus.RUNNING, true, TaskStatus.UNHEALTHY,
        true, T0.minusSeconds(30), T0.minusSeconds(20), null, null, null, false, false);
    ServiceSnapshot lenient = new ServiceSnapshot("web", false, 1, 100, 200, ServiceSnapshot.CircuitBreaker.DISABLED,
        Duration.ofSeconds(60), List.of(deployment("new", true, COMPLETED)), null, 0, null, true);
    assertTrue(plan(lenient, List.of(sick)).stops().isEmpty(), "within the 60 s grace period");

    ServiceSnapshot strict = new ServiceSnapshot("web", false, 1, 100, 200, ServiceSnapshot.CircuitBreaker.DISABLED,
        Duration.ofSeconds(10), List.of(deployment("new", true, COMPLETED)), null, 0, null, true);
    ServicePlan plan = plan(strict, List.of(sick));
    assertEquals(1, plan.stops().size());
    assertTrue(plan.stops().get(0).unhealthy());
    assertEquals("Task failed container health checks", plan.stops().get(0).reason());
    assertEquals(1, launched(plan), "the replacement starts in the same pass");
  }

  @Test
  void aDrainingServiceStopsEverythingThenTurnsInactive() {
    ServiceSnapshot draining = new ServiceSnapshot("web", true, 2, 100, 200, ServiceSnapshot.CircuitBreaker.DISABLED,
        Duration.ZERO, List.of(deployment("new", true, COMPLETED)), null, 0, null, true);
    ServicePlan plan = plan(draining, times(2, () -> healthy("new")));
    assertEquals(2, plan.stops().size());
    assertFalse(plan.inactive(), "still stopping");
    ServicePlan after = plan(draining, List.of());
    assertTrue(after.inactive());
  }
}
