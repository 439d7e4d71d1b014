package io.ecsl.runtime.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.facts.deployment.TrafficShift;
import io.ecsl.runtime.deployments.StagedDeployment.Answer;
import io.ecsl.runtime.deployments.StagedDeployment.Decision;
import io.ecsl.runtime.deployments.StagedDeployment.Mode;
import io.ecsl.runtime.deployments.StagedState.HookRun;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The staged deployment decision function over sequences of passes: each strategy's stages and
 * traffic steps, PAUSE and Lambda hooks, and every rollback path.
 */
class StagedDeploymentTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final DeploymentTiming TIMING = new DeploymentTiming(Duration.ofMinutes(1), Duration.ofSeconds(5),
      Set.of("arn:aws:lambda:us-east-1:000000000000:function:bad"));
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:check";

  /** A world the passes run in: the tasks' counts and the time, moved by the test. */
  private static final class World {
    final StagedSpec spec;
    StagedState state;
    Instant now = T0;
    int desired = 2;
    int newHealthy;
    int newActive;
    int oldActive = 2;
    String failure;
    boolean stop;
    List<Answer> answers = new ArrayList<>();
    Decision last;

    World(StagedSpec spec) {
      this.spec = spec;
    }

    Decision pass() {
      last = StagedDeployment.next(new StagedDeployment.Input(spec, state, TIMING, false, desired, newHealthy,
          newActive, oldActive, failure, answers, stop, "arn:blue", now));
      state = last.state();
      answers.removeAll(last.answered());
      stop = false;
      return last;
    }

    void greenUp() {
      newHealthy = desired;
      newActive = desired;
    }

    void minutes(long n) {
      now = now.plus(Duration.ofMinutes(n));
    }

    void seconds(long n) {
      now = now.plus(Duration.ofSeconds(n));
    }
  }

  private static StagedSpec spec(String json) {
    return StagedSpec.of(Json.parse(json));
  }

  private static StagedSpec blueGreen(int bake, String hooks) {
    return spec("{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":" + bake + ",\"lifecycleHooks\":[" + hooks + "]}");
  }

  @Test
  void blueGreenScalesUpShiftsTestThenProductionBakesAndCleansUp() {
    World w = new World(blueGreen(10, ""));
    assertEquals(Mode.GROW, w.pass().mode(), "no hooks: straight through PRE_SCALE_UP to SCALE_UP");
    assertEquals("SCALE_UP", w.state.stage());
    assertEquals(0, w.state.production());
    assertEquals(0, w.state.test());

    w.newActive = 2;
    w.newHealthy = 1;
    w.seconds(30);
    assertEquals("SCALE_UP", w.pass().state().stage(), "waits until every new task is healthy");

    w.greenUp();
    w.seconds(30);
    w.pass();
    assertEquals("BAKE_TIME", w.state.stage());
    assertEquals(100, w.state.production());
    assertEquals(100, w.state.test());
    assertEquals(Mode.GROW, w.last.mode(), "both revisions run through the bake");

    w.minutes(9);
    assertEquals("BAKE_TIME", w.pass().state().stage());
    w.minutes(1);
    assertEquals(Mode.CLEAN_UP, w.pass().mode());
    assertEquals("CLEAN_UP", w.state.stage());
    assertEquals(StagedState.IN_PROGRESS, w.state.status());

    w.oldActive = 0;
    w.seconds(5);
    Decision done = w.pass();
    assertEquals(StagedState.SUCCESSFUL, done.state().status());
    assertEquals(w.now, done.state().finishedAt());
    assertEquals(Mode.ROLLING, done.mode());
    assertFalse(done.rollBack());
  }

  @Test
  void canaryShiftsItsPercentBakesThenTheRest() {
    World w = new World(spec("{\"strategy\":\"CANARY\",\"bakeTimeInMinutes\":3,"
        + "\"canaryConfiguration\":{\"canaryPercent\":10.0,\"canaryBakeTimeInMinutes\":5}}"));
    w.pass();
    w.greenUp();
    w.seconds(1);
    w.pass();
    assertEquals("PRODUCTION_TRAFFIC_SHIFT", w.state.stage());
    assertEquals(10, w.state.production());
    assertEquals(0, w.state.step());

    w.minutes(4);
    assertEquals(10, w.pass().state().production(), "the canary bakes 5 minutes");
    w.minutes(1);
    w.pass();
    assertEquals(100, w.state.production());
    assertEquals("BAKE_TIME", w.state.stage(), "the last step does not bake: the deployment's bake follows");
    w.minutes(3);
    assertEquals("CLEAN_UP", w.pass().state().stage());
  }

  @Test
  void linearShiftsEachStepAndBakesBetweenSteps() {
    World w = new World(spec("{\"strategy\":\"LINEAR\",\"bakeTimeInMinutes\":0,"
        + "\"linearConfiguration\":{\"stepPercent\":25.0,\"stepBakeTimeInMinutes\":2}}"));
    w.pass();
    w.greenUp();
    List<Double> seen = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      w.pass();
      if (seen.isEmpty() || seen.get(seen.size() - 1) != w.state.production()) {
        seen.add(w.state.production());
      }
      w.minutes(1);
    }
    assertEquals(List.of(25.0, 50.0, 75.0, 100.0), seen);
    assertEquals(StagedState.IN_PROGRESS, w.state.status());
    assertEquals("CLEAN_UP", w.state.stage(), "three 2-minute step bakes, no bake after 100%");
  }

  @Test
  void stepsComeFromTheSharedTrafficShiftTable() {
    StagedSpec linear = spec("{\"strategy\":\"LINEAR\",\"linearConfiguration\":{\"stepPercent\":30.0}}");
    assertEquals(TrafficShift.steps(DeploymentStrategy.LINEAR, 30.0, null), linear.steps());
    assertEquals(List.of(30.0, 60.0, 90.0, 100.0), linear.steps().stream().map(TrafficShift.Step::percent).toList());
    assertNull(spec("{\"strategy\":\"ROLLING\"}"), "ROLLING is not staged");
    assertNull(spec("{}"));
  }

  @Test
  void aPauseHookHoldsTheStageUntilContinued() {
    World w = new World(blueGreen(0, "{\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"POST_SCALE_UP\"],"
        + "\"timeoutConfiguration\":{\"timeoutInMinutes\":30,\"action\":\"ROLLBACK\"}}"));
    w.pass();
    w.greenUp();
    w.pass();
    assertEquals("POST_SCALE_UP", w.state.stage());
    HookRun hook = w.state.currentHooks().get(0);
    assertEquals("post_scale_up-1", hook.hookId());
    assertEquals(HookRun.AWAITING_ACTION, hook.status());
    assertEquals(w.now.plus(Duration.ofMinutes(30)), hook.expiresAt());
    assertEquals(0, w.state.test(), "test traffic waits for the hook");

    w.minutes(20);
    assertEquals("POST_SCALE_UP", w.pass().state().stage(), "no answer: still paused");

    w.answers.add(new Answer("post_scale_up-1", "CONTINUE"));
    Decision next = w.pass();
    assertEquals(List.of(new Answer("post_scale_up-1", "CONTINUE")), next.answered());
    assertEquals("CLEAN_UP", next.state().stage());
    assertEquals(HookRun.SUCCEEDED, next.state().hooks().get(0).status());
  }

  @Test
  void aPauseHookAnsweredRollbackRollsBack() {
    World w = new World(blueGreen(0, "{\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"POST_TEST_TRAFFIC_SHIFT\"]}"));
    w.pass();
    w.greenUp();
    w.pass();
    assertEquals("POST_TEST_TRAFFIC_SHIFT", w.state.stage());
    assertEquals(100, w.state.test());
    w.answers.add(new Answer("post_test_traffic_shift-1", "ROLLBACK"));
    Decision back = w.pass();
    assertTrue(back.rollBack());
    assertEquals(StagedState.ROLLBACK_IN_PROGRESS, back.state().status());
    assertEquals(0, back.state().test(), "test traffic returns to the old revision");
    assertEquals(0, back.state().production());
    assertEquals("arn:blue", back.state().rollback().serviceRevisionArn());
    assertTrue(back.state().rollback().reason().contains("post_test_traffic_shift-1"), back.state().rollback().reason());
    assertEquals(Mode.ROLLING, back.mode());

    w.newActive = 1;
    assertFalse(w.pass().rollBack(), "a rollback begins once");
    assertEquals(StagedState.ROLLBACK_IN_PROGRESS, w.state.status());
    w.newActive = 0;
    assertEquals(StagedState.ROLLBACK_SUCCESSFUL, w.pass().state().status());
  }

  @Test
  void aPauseHookTimingOutTakesItsTimeoutAction() {
    World rollback = new World(blueGreen(0, "{\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"PRE_SCALE_UP\"],"
        + "\"timeoutConfiguration\":{\"timeoutInMinutes\":5}}"));
    assertEquals(Mode.HOLD, rollback.pass().mode(), "PRE_SCALE_UP holds the new revision");
    rollback.minutes(5);
    Decision timedOut = rollback.pass();
    assertTrue(timedOut.rollBack(), "the default timeout action is ROLLBACK");
    assertEquals(HookRun.TIMED_OUT, timedOut.state().hooks().get(0).status());

    World go = new World(blueGreen(0, "{\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"PRE_SCALE_UP\"],"
        + "\"timeoutConfiguration\":{\"timeoutInMinutes\":5,\"action\":\"CONTINUE\"}}"));
    go.pass();
    go.minutes(5);
    Decision continued = go.pass();
    assertFalse(continued.rollBack());
    assertEquals("SCALE_UP", continued.state().stage());
  }

  @Test
  void aLambdaHookSucceedsAfterTheLocalDelayAtEveryProductionStep() {
    World w = new World(spec("{\"strategy\":\"CANARY\",\"bakeTimeInMinutes\":0,"
        + "\"canaryConfiguration\":{\"canaryPercent\":20.0,\"canaryBakeTimeInMinutes\":1},"
        + "\"lifecycleHooks\":[{\"targetType\":\"AWS_LAMBDA\",\"hookTargetArn\":\"" + LAMBDA + "\","
        + "\"lifecycleStages\":[\"PRE_PRODUCTION_TRAFFIC_SHIFT\"]}]}"));
    w.pass();
    w.greenUp();
    w.pass();
    assertEquals("PRE_PRODUCTION_TRAFFIC_SHIFT", w.state.stage());
    assertEquals("POST_TEST_TRAFFIC_SHIFT", StagedDeployment.reportedStage(w.state),
        "the API's stage enum has no PRE_PRODUCTION_TRAFFIC_SHIFT");
    assertEquals(HookRun.IN_PROGRESS, w.state.currentHooks().get(0).status());
    assertEquals(LAMBDA, w.state.currentHooks().get(0).targetArn());
    w.seconds(4);
    assertEquals(0, w.pass().state().production());
    w.seconds(1);
    assertEquals(20, w.pass().state().production());
    w.minutes(1);
    w.pass();
    assertEquals("PRE_PRODUCTION_TRAFFIC_SHIFT", w.state.stage(), "the hook runs again before the second step");
    assertEquals("pre_production_traffic_shift-1-step2", w.state.currentHooks().get(0).hookId());
    w.seconds(5);
    assertEquals(100, w.pass().state().production());
  }

  @Test
  void aFailingLambdaHookRollsBack() {
    World w = new World(blueGreen(0, "{\"targetType\":\"AWS_LAMBDA\",\"hookTargetArn\":"
        + "\"arn:aws:lambda:us-east-1:000000000000:function:bad\",\"lifecycleStages\":[\"POST_SCALE_UP\"]}"));
    w.pass();
    w.greenUp();
    w.pass();
    w.seconds(5);
    Decision back = w.pass();
    assertTrue(back.rollBack());
    assertEquals(HookRun.FAILED, back.state().hooks().get(0).status());
    assertTrue(back.state().statusReason().contains("returned FAILED"), back.state().statusReason());
  }

  @Test
  void theCircuitBreakerRollsBack() {
    World w = new World(blueGreen(5, ""));
    w.pass();
    w.newActive = 1;
    w.failure = "ECS deployment circuit breaker: tasks failed to start.";
    Decision back = w.pass();
    assertTrue(back.rollBack());
    assertEquals("ECS deployment circuit breaker: tasks failed to start.", back.state().rollback().reason());
    assertEquals(StagedState.ROLLBACK_IN_PROGRESS, back.state().status());
  }

  @Test
  void stopServiceDeploymentRollsBackEvenDuringTheBake() {
    World w = new World(blueGreen(60, ""));
    w.pass();
    w.greenUp();
    w.pass();
    assertEquals("BAKE_TIME", w.state.stage());
    assertEquals(100, w.state.production());
    w.stop = true;
    Decision back = w.pass();
    assertTrue(back.rollBack());
    assertEquals(0, back.state().production(), "production traffic returns to the old revision, still running");
    assertTrue(back.state().statusReason().contains("StopServiceDeployment"));
  }

  @Test
  void aRollbackOnceTheOldRevisionIsGoneFails() {
    World w = new World(blueGreen(0, ""));
    w.pass();
    w.greenUp();
    w.pass();
    assertEquals("CLEAN_UP", w.state.stage());
    w.failure = "ECS deployment circuit breaker: tasks failed to start.";
    Decision failed = w.pass();
    assertFalse(failed.rollBack());
    assertEquals(StagedState.ROLLBACK_FAILED, failed.state().status());
    assertTrue(failed.state().statusReason().contains("no longer runs"));
  }

  @Test
  void reconcileServiceRunsFirstWhenSeveralRevisionsRun() {
    Decision first = StagedDeployment.next(new StagedDeployment.Input(blueGreen(0,
        "{\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"RECONCILE_SERVICE\"]}"), null, TIMING, true, 2, 0, 0, 4,
        null, List.of(), false, "arn:blue", T0));
    assertEquals("RECONCILE_SERVICE", first.state().stage());
    assertEquals(Mode.HOLD, first.mode());
  }
}
