package io.ecsl.deploy.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.plan.Action;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.plan.Step;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.AwsApi;
import io.ecsl.model.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fail-fast waiter (docs/plan.md, Apply): a FAILED rollout or {@value ServiceWaiter#FAILED_TASKS_LIMIT}
 * stopped tasks of the new deployment end the wait at once, with the stopped tasks' reasons,
 * instead of polling until the timeout. The target is an in-memory fake ECS whose service moves
 * through scripted states, one per DescribeServices; the sleeper only counts polls, and fails the
 * test if the waiter is still polling after 50 of them (it would be waiting for its timeout).
 */
class ServiceWaiterTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String NEW_TD = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8";
  private static final String OLD_TD = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7";
  private static final Duration POLL = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** A fake ECS: the service's state per DescribeServices call (the last one repeats), and its stopped tasks. */
  private static final class FakeEcs implements AwsApi {
    final List<JsonNode> states = new ArrayList<>();
    final List<JsonNode> stoppedTasks = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    ObjectNode updateAnswer = JSON.objectNode();
    private int describes;

    @Override
    public synchronized JsonNode call(String service, String operation, ObjectNode request) {
      calls.add(operation);
      return switch (operation) {
        case "DescribeServices" -> {
          ObjectNode out = JSON.objectNode();
          out.putArray("services").add(states.get(Math.min(describes++, states.size() - 1)));
          yield out;
        }
        case "ListTasks" -> {
          assertEquals("STOPPED", request.path("desiredStatus").asText());
          ObjectNode out = JSON.objectNode();
          ArrayNode arns = out.putArray("taskArns");
          stoppedTasks.forEach(t -> arns.add(t.path("taskArn").asText()));
          yield out;
        }
        case "DescribeTasks" -> {
          ObjectNode out = JSON.objectNode();
          ArrayNode tasks = out.putArray("tasks");
          for (JsonNode arn : request.path("tasks")) {
            stoppedTasks.stream().filter(t -> t.path("taskArn").asText().equals(arn.asText())).forEach(tasks::add);
          }
          yield out;
        }
        case "UpdateService" -> updateAnswer;
        default -> throw new ApiException(service, operation, "UnsupportedOperation", operation + " is not faked", null);
      };
    }

    long describeCalls() {
      return calls.stream().filter("DescribeServices"::equals).count();
    }
  }

  /** A DescribeServices entry: the PRIMARY deployment running NEW_TD and, while rolling, the old one. */
  private static ObjectNode service(String rollout, int running, int failedTasks, boolean rolling) {
    ObjectNode s = JSON.objectNode().put("serviceName", "web").put("status", "ACTIVE").put("desiredCount", 2)
        .put("runningCount", running);
    ArrayNode deployments = s.putArray("deployments");
    deployments.addObject().put("status", "PRIMARY").put("taskDefinition", NEW_TD).put("rolloutState", rollout)
        .put("failedTasks", failedTasks).put("runningCount", running);
    if (rolling) {
      deployments.addObject().put("status", "ACTIVE").put("taskDefinition", OLD_TD).put("rolloutState", "COMPLETED")
          .put("runningCount", 2);
    }
    s.putArray("events").addObject().put("message", "(service web) has started 1 tasks");
    return s;
  }

  private static ObjectNode stopped(String id, String taskDefinition, String stoppedReason, String container, String reason,
      Integer exitCode) {
    ObjectNode t = JSON.objectNode().put("taskArn", "arn:aws:ecs:eu-west-1:123456789012:task/prod/" + id)
        .put("taskDefinitionArn", taskDefinition).put("lastStatus", "STOPPED").put("stoppedReason", stoppedReason);
    ObjectNode c = t.putArray("containers").addObject().put("name", container);
    if (reason != null) {
      c.put("reason", reason);
    }
    if (exitCode != null) {
      c.put("exitCode", exitCode);
    }
    return t;
  }

  /** Counts the polls instead of sleeping; a waiter still polling after 50 does not fail fast. */
  private static final class CountingSleeper implements ServiceWaiter.Sleeper {
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public void sleep(Duration d) {
      sleeps.add(d);
      if (sleeps.size() > 50) {
        throw new AssertionError("still waiting after 50 polls: the waiter waits for its timeout instead of failing fast");
      }
    }
  }

  /** Applies the plan apply makes for a new revision of service prod/web: UpdateService, then the wait. */
  private static ApplyResult applyRedeploy(FakeEcs ecs, CountingSleeper sleeper) {
    ResourceId id = new ResourceId(ResourceKind.SERVICE, "prod", "web");
    ObjectNode where = JSON.objectNode().put("cluster", "prod").put("service", "web");
    ResourcePlan web = new ResourcePlan(id, Action.REDEPLOY, List.of("task definition web gets a new revision"), List.of(),
        List.of(), List.of(), null, "main.ecs:1:1", Map.of(), List.of(
            new Step("ecs", "UpdateService", where.deepCopy().put("taskDefinition", "web")),
            new Step(Step.ENGINE, "WaitServiceStable", where)));
    Applier applier = new Applier(ecs, new Applier.Options(true, TIMEOUT, POLL, 1), sleeper);
    return applier.apply(new Plan("shop", "fake", false, 5, List.of(web)), ApplyListener.NONE);
  }

  /** Waits, with the plain-first-poll choice of deployment, and returns the failure it must end with. */
  private static StepFailure waitFails(FakeEcs ecs) {
    return assertThrows(StepFailure.class,
        () -> new ServiceWaiter(ecs, POLL, new CountingSleeper()).waitStable("prod", "web", TIMEOUT, m -> {}));
  }

  @Test
  void tasksThatKeepStoppingFailTheWaitWithTheirReasonsLongBeforeTheTimeout() {
    FakeEcs ecs = new FakeEcs();
    ecs.states.addAll(List.of(service("IN_PROGRESS", 0, 0, true), service("IN_PROGRESS", 0, 1, true),
        service("IN_PROGRESS", 0, 2, true), service("IN_PROGRESS", 0, 3, true)));
    ecs.stoppedTasks.addAll(List.of(
        stopped("a1", NEW_TD, "Essential container in task exited", "app", null, 1),
        stopped("a2", NEW_TD, "CannotPullContainerError: pull access denied for ghcr.io/acme/web", "app",
            "CannotPullContainerError: pull access denied", null),
        stopped("old", OLD_TD, "Scaling activity initiated by deployment", "app", null, 0)));
    CountingSleeper sleeper = new CountingSleeper();
    List<String> progress = new ArrayList<>();

    StepFailure failure = assertThrows(StepFailure.class,
        () -> new ServiceWaiter(ecs, POLL, sleeper).waitStable("prod", "web", TIMEOUT, progress::add));

    assertEquals(4, ecs.describeCalls(), "it stops at the poll that sees the third failed task");
    assertEquals(3, sleeper.sleeps.size(), "3 polls of 5 s, not the 120 a 10-minute timeout allows");
    String message = failure.getMessage();
    assertTrue(message.startsWith("3 tasks of the new deployment stopped before becoming healthy"), message);
    assertTrue(message.contains("Essential container in task exited; app: exit code 1"), message);
    assertTrue(message.contains("CannotPullContainerError: pull access denied for ghcr.io/acme/web;"
        + " app: CannotPullContainerError: pull access denied"), message);
    assertFalse(message.contains("Scaling activity"), "a task of the previous deployment is not this deployment's failure: "
        + message);
    assertFalse(message.contains("did not reach a steady state"), message);
    assertEquals(List.of("waiting for steady state: 0/2 running, 2 deployments",
        "waiting for steady state: 0/2 running, 2 deployments, 1 failed",
        "waiting for steady state: 0/2 running, 2 deployments, 2 failed"), progress);
  }

  @Test
  void aFailedRolloutFailsAtTheFirstPollWithTheBreakersReasonAndTheStoppedTasks() {
    FakeEcs ecs = new FakeEcs();
    ObjectNode failed = service("FAILED", 0, 2, true);
    ((ObjectNode) failed.path("deployments").get(0)).put("rolloutStateReason",
        "ECS deployment circuit breaker: tasks failed to start.");
    ecs.states.add(failed);
    ecs.stoppedTasks.add(stopped("b1", NEW_TD, "Task failed ELB health checks in (target-group web)", "app", null, 137));
    CountingSleeper sleeper = new CountingSleeper();

    StepFailure failure = assertThrows(StepFailure.class,
        () -> new ServiceWaiter(ecs, POLL, sleeper).waitStable("prod", "web", TIMEOUT, m -> {}));

    assertEquals(List.of(), sleeper.sleeps, "no poll after the first answer");
    assertEquals("deployment failed: ECS deployment circuit breaker: tasks failed to start; stopped tasks:"
        + " Task failed ELB health checks in (target-group web); app: exit code 137", failure.getMessage());
  }

  @Test
  void aHealthyRolloutIsWaitedForUntilItCompletes() {
    FakeEcs ecs = new FakeEcs();
    ecs.states.addAll(List.of(service("IN_PROGRESS", 1, 0, true), service("IN_PROGRESS", 2, 0, true),
        service("COMPLETED", 2, 0, false)));
    CountingSleeper sleeper = new CountingSleeper();
    new ServiceWaiter(ecs, POLL, sleeper).waitStable("prod", "web", TIMEOUT, m -> {});
    assertEquals(2, sleeper.sleeps.size());
    assertFalse(ecs.calls.contains("ListTasks"), "no failure, no stopped tasks to read");
  }

  @Test
  void withoutFailuresOnlyTheTimeoutEndsTheWait() {
    FakeEcs ecs = new FakeEcs();
    ecs.states.add(service("IN_PROGRESS", 1, 0, true));
    StepFailure failure = assertThrows(StepFailure.class,
        () -> new ServiceWaiter(ecs, POLL, new CountingSleeper()).waitStable("prod", "web", Duration.ZERO, m -> {}));
    assertEquals("did not reach a steady state within 0s (1/2 running); last event: (service web) has started 1 tasks."
        + " Raise --wait-timeout, or use --no-wait", failure.getMessage());
  }

  @Test
  void applyReportsTheFailedDeploymentWithTheStoppedTasksReasons() {
    FakeEcs ecs = new FakeEcs();
    ecs.states.addAll(List.of(service("IN_PROGRESS", 0, 3, true)));
    ecs.stoppedTasks.add(stopped("c1", NEW_TD, "Essential container in task exited", "app",
        "OutOfMemoryError: Container killed due to memory usage", 137));
    CountingSleeper sleeper = new CountingSleeper();

    ApplyResult result = applyRedeploy(ecs, sleeper);

    assertEquals(List.of("service prod/web: 3 tasks of the new deployment stopped before becoming healthy; stopped tasks:"
        + " Essential container in task exited; app: OutOfMemoryError: Container killed due to memory usage"), result.failed());
    assertEquals(List.of(), sleeper.sleeps);
  }

  /** A service after the breaker rolled deployment {@code ecs-svc/new} back: a new deployment of OLD_TD is PRIMARY. */
  private static ObjectNode rolledBack(boolean failedStillListed, String rollout) {
    ObjectNode s = JSON.objectNode().put("serviceName", "web").put("status", "ACTIVE").put("desiredCount", 2)
        .put("runningCount", 2);
    ArrayNode deployments = s.putArray("deployments");
    deployments.addObject().put("id", "ecs-svc/rollback").put("status", "PRIMARY").put("taskDefinition", OLD_TD)
        .put("rolloutState", rollout).put("runningCount", 2);
    if (failedStillListed) {
      deployments.addObject().put("id", "ecs-svc/new").put("status", "ACTIVE").put("taskDefinition", NEW_TD)
          .put("rolloutState", "FAILED").put("rolloutStateReason", "ECS deployment circuit breaker: tasks failed to start.");
    }
    ArrayNode events = s.putArray("events");
    events.addObject().put("message", "(service web) has reached a steady state.");
    events.addObject().put("message", "(service web) rolling back to deployment ecs-svc/old.");
    events.addObject().put("message", "(service web) (deployment ecs-svc/new) deployment failed: tasks failed to start.");
    return s;
  }

  private static ObjectNode deploying(String id) {
    ObjectNode s = service("IN_PROGRESS", 1, 0, true);
    ((ObjectNode) s.path("deployments").get(0)).put("id", id);
    return s;
  }

  @Test
  void aDeploymentTheBreakerRolledBackFailsTheWaitEvenThoughTheServiceIsSteady() {
    FakeEcs ecs = new FakeEcs();
    // the rollback completed between two polls: only the events still tell what happened
    ecs.states.addAll(List.of(deploying("ecs-svc/new"), rolledBack(false, "COMPLETED")));
    ecs.stoppedTasks.add(stopped("d1", NEW_TD, "Essential container in task exited", "web", null, 3)
        .put("startedBy", "ecs-svc/new"));
    // not this deployment's failure: a task of an earlier deployment of the same revision, and one
    // the scheduler stopped while rolling back
    ecs.stoppedTasks.add(stopped("d0", NEW_TD, "Task failed container health checks", "web", null, 1)
        .put("startedBy", "ecs-svc/earlier"));
    ecs.stoppedTasks.add(stopped("d2", NEW_TD, "Scaling activity initiated by (deployment ecs-svc/rollback)", "web", null, 143)
        .put("startedBy", "ecs-svc/new"));

    StepFailure failure = waitFails(ecs);

    assertEquals("deployment failed: tasks failed to start; ECS rolled back to web:7; stopped tasks:"
        + " Essential container in task exited; web: exit code 3", failure.getMessage());
  }

  @Test
  void aRollbackStillInProgressReportsTheBreakersReason() {
    FakeEcs ecs = new FakeEcs();
    ecs.states.add(rolledBack(true, "IN_PROGRESS"));
    // the deployment the UpdateService answer named, though the first poll already sees the rollback
    ServiceWaiter.Watched started = new ServiceWaiter.Watched("ecs-svc/new", NEW_TD);

    StepFailure failure = assertThrows(StepFailure.class, () -> new ServiceWaiter(ecs, POLL, new CountingSleeper())
        .waitStable("prod", "web", started, TIMEOUT, m -> {}));

    assertEquals("deployment failed: tasks failed to start; ECS rolled back to web:7", failure.getMessage(),
        "worded as when the rollback had completed: the wording does not depend on when the poll came");
  }

  @Test
  void anAlarmsFailureIsWordedTheSameFromTheDeploymentAndFromItsEvent() {
    ObjectNode listed = rolledBack(true, "IN_PROGRESS");
    ((ObjectNode) listed.path("deployments").get(1)).put("rolloutStateReason",
        "ECS deployment alarms: web-5xx in ALARM state.");
    ObjectNode dropped = rolledBack(false, "IN_PROGRESS");
    ((ObjectNode) dropped.path("events").get(2)).put("message",
        "(service web) (deployment ecs-svc/new) deployment failed: alarm web-5xx in ALARM state.");
    assertEquals("alarm web-5xx in ALARM state", ServiceWaiter.failureReason(listed, "ecs-svc/new"));
    assertEquals("alarm web-5xx in ALARM state", ServiceWaiter.failureReason(dropped, "ecs-svc/new"));
  }

  @Test
  void aDeploymentReplacedByAnotherUpdateIsNotCalledARollback() {
    FakeEcs ecs = new FakeEcs();
    ObjectNode other = deploying("ecs-svc/someone-else");
    ecs.states.addAll(List.of(deploying("ecs-svc/new"), other));

    StepFailure failure = waitFails(ecs);

    assertEquals("deployment ecs-svc/new was replaced before it completed (the service now deploys web:8): another"
        + " update of this service ran at the same time", failure.getMessage());
  }

  @Test
  void applyWatchesTheDeploymentItsUpdateServiceStarted() {
    FakeEcs ecs = new FakeEcs();
    ecs.updateAnswer.putObject("service").putArray("deployments").addObject().put("id", "ecs-svc/new")
        .put("status", "PRIMARY").put("taskDefinition", NEW_TD);
    ecs.states.add(rolledBack(false, "COMPLETED"));  // rolled back before the first poll
    ApplyResult result = applyRedeploy(ecs, new CountingSleeper());

    assertEquals(List.of("service prod/web: deployment failed: tasks failed to start; ECS rolled back to web:7"),
        result.failed());
  }
}
