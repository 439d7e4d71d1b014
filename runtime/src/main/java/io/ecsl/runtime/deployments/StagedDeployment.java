package io.ecsl.runtime.deployments;

import io.ecsl.facts.deployment.TrafficShift;
import io.ecsl.runtime.deployments.StagedState.HookRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A BLUE_GREEN, LINEAR or CANARY deployment (integrations §1.2-§1.6) as a pure function, shaped
 * like the service scheduler: the deployment's stored state, the spec, what its tasks are doing,
 * the answers and requests the API received, and the time in; the next state and what the
 * scheduler may do with the two revisions out. The engine stores the state, moves the listener
 * rules' weights to {@link StagedState#production()} / {@link StagedState#test()}, and on a
 * rollback makes the old revision PRIMARY again.
 *
 * <p>Stages, in order: RECONCILE_SERVICE (only when more than one older revision runs),
 * PRE_SCALE_UP, SCALE_UP (the new revision starts its full desired count beside the old one and
 * waits until all are healthy), POST_SCALE_UP, TEST_TRAFFIC_SHIFT (test traffic to the new
 * revision), POST_TEST_TRAFFIC_SHIFT, then for each production step PRE_PRODUCTION_TRAFFIC_SHIFT
 * and PRODUCTION_TRAFFIC_SHIFT (the step's share, then its bake), POST_PRODUCTION_TRAFFIC_SHIFT,
 * BAKE_TIME ({@code bakeTimeInMinutes}, both revisions running) and CLEAN_UP (the old revision
 * stops). A stage is left once its hooks have succeeded (or timed out with CONTINUE) and its own
 * work is done; several stages can pass in one call.
 *
 * <p>Rollback (§1.6) on a hook that fails, times out with ROLLBACK or is answered ROLLBACK, on
 * StopServiceDeployment, and on the circuit breaker: traffic returns to the old revision at once
 * and the new one is stopped; ROLLBACK_SUCCESSFUL once its tasks are gone. Once CLEAN_UP has
 * begun the old revision is going away, so a rollback then fails (ROLLBACK_FAILED), as on AWS,
 * where it needs a new deployment.
 */
public final class StagedDeployment {
  /** What the service scheduler may do this pass. */
  public enum Mode {
    /** Before SCALE_UP: start nothing new, stop nothing old. */
    HOLD,
    /** SCALE_UP to BAKE_TIME: the new revision up to the desired count (whatever the maximum percent), the old kept whole. */
    GROW,
    /** CLEAN_UP: the old revision's tasks stop, whatever the minimum healthy percent. */
    CLEAN_UP,
    /** Over (or rolled back): the scheduler's own rolling rules, with whichever revision is PRIMARY. */
    ROLLING
  }

  /** An answer ContinueServiceDeployment stored for a hook: CONTINUE or ROLLBACK. */
  public record Answer(String hookId, String action) {}

  /**
   * One pass's inputs.
   *
   * @param state the stored state, or null for a deployment that has not started
   * @param reconcile more than one older revision still runs (the RECONCILE_SERVICE stage runs)
   * @param newHealthy the new revision's tasks that count healthy
   * @param newActive the new revision's tasks still running or starting
   * @param oldActive the older revisions' tasks still running, starting or stopping
   * @param failure why the service scheduler failed the new revision (the circuit breaker), or null
   * @param stopRequested StopServiceDeployment asked for a rollback
   * @param sourceRevisionArn the revision a rollback returns to
   */
  public record Input(StagedSpec spec, StagedState state, DeploymentTiming timing, boolean reconcile, int desired,
      int newHealthy, int newActive, int oldActive, String failure, List<Answer> answers, boolean stopRequested,
      String sourceRevisionArn, Instant now) {
    public Input {
      answers = answers == null ? List.of() : List.copyOf(answers);
    }
  }

  /**
   * @param rollBack this pass began a rollback: the engine makes the old revision PRIMARY again
   * @param answered the answers this pass used (the engine forgets them)
   */
  public record Decision(StagedState state, Mode mode, boolean rollBack, List<Answer> answered) {}

  private static final int MAX_STAGES_PER_PASS = 64;

  private StagedDeployment() {}

  public static Decision next(Input in) {
    return new Pass(in).run();
  }

  /** The reported stage ({@code ServiceDeploymentLifecycleStage} lacks PRE_PRODUCTION_TRAFFIC_SHIFT; **EMU**). */
  public static String reportedStage(StagedState state) {
    if (state.stage() == null || !state.stage().equals("PRE_PRODUCTION_TRAFFIC_SHIFT")) {
      return state.stage();
    }
    return state.step() <= 0 ? "POST_TEST_TRAFFIC_SHIFT" : "PRODUCTION_TRAFFIC_SHIFT";
  }

  private static final class Pass {
    private final Input in;
    private final Instant now;
    private final List<Answer> answered = new ArrayList<>();
    private StagedState state;
    private boolean rollBack;

    Pass(Input in) {
      this.in = in;
      this.now = in.now();
      this.state = in.state();
    }

    Decision run() {
      if (state == null) {
        state = new StagedState(StagedState.IN_PROGRESS, null, null, now, -1, 0, 0,
            List.of(), now, null, null);
        enter(in.reconcile() ? "RECONCILE_SERVICE" : "PRE_SCALE_UP");
      }
      if (StagedState.ROLLBACK_IN_PROGRESS.equals(state.status())) {
        if (in.newActive() == 0) {
          state = state.withStatus(StagedState.ROLLBACK_SUCCESSFUL, state.rollback().reason(), now);
        }
        return decision(Mode.ROLLING);
      }
      if (state.ended()) {
        return decision(Mode.ROLLING);
      }
      if (in.stopRequested()) {
        rollBack("Service deployment rolled back because of a StopServiceDeployment request.");
      } else if (in.failure() != null) {
        rollBack(in.failure());
      }
      for (int i = 0; i < MAX_STAGES_PER_PASS && StagedState.IN_PROGRESS.equals(state.status()); i++) {
        if (!resolveHooks() || !StagedState.IN_PROGRESS.equals(state.status()) || !stageDone()) {
          break;
        }
        advance();
      }
      return decision(mode());
    }

    private Decision decision(Mode mode) {
      return new Decision(state, mode, rollBack, List.copyOf(answered));
    }

    private Mode mode() {
      if (!StagedState.IN_PROGRESS.equals(state.status())) {
        return Mode.ROLLING;
      }
      return switch (state.stage()) {
        case "RECONCILE_SERVICE", "PRE_SCALE_UP" -> Mode.HOLD;
        case "CLEAN_UP" -> Mode.CLEAN_UP;
        default -> Mode.GROW;
      };
    }

    /** Settles the current stage's hooks; true when none is still open. */
    private boolean resolveHooks() {
      List<HookRun> updated = new ArrayList<>();
      boolean open = false;
      String rollbackReason = null;
      for (HookRun hook : state.hooks()) {
        if (!hook.stage().equals(state.stage()) || hook.step() != state.step() || !hook.open()) {
          updated.add(hook);
          continue;
        }
        HookRun next = hook;
        Answer answer = answerFor(hook.hookId());
        boolean lambdaDone = StagedSpec.Hook.AWS_LAMBDA.equals(hook.targetType())
            && !now.isBefore(hook.startedAt().plus(in.timing().lambdaDelay()));
        if (answer != null) {
          answered.add(answer);
          if ("ROLLBACK".equals(answer.action())) {
            next = hook.withStatus(HookRun.FAILED);
            rollbackReason = "Service deployment rolled back because ContinueServiceDeployment answered ROLLBACK to"
                + " lifecycle hook " + hook.hookId() + ".";
          } else {
            next = hook.withStatus(HookRun.SUCCEEDED);
          }
        } else if (lambdaDone && in.timing().failingLambdas().contains(hook.targetArn())) {
          next = hook.withStatus(HookRun.FAILED);
          rollbackReason = "Service deployment rolled back because lifecycle hook " + hook.hookId() + " ("
              + hook.targetArn() + ") returned FAILED.";
        } else if (lambdaDone) {
          next = hook.withStatus(HookRun.SUCCEEDED);
        } else if (!now.isBefore(hook.expiresAt())) {
          next = hook.withStatus(HookRun.TIMED_OUT);
          if (!"CONTINUE".equals(hook.timeoutAction())) {
            rollbackReason = "Service deployment rolled back because lifecycle hook " + hook.hookId()
                + " timed out.";
          }
        }
        open |= next.open();
        updated.add(next);
      }
      state = state.withHooks(updated);
      if (rollbackReason != null) {
        rollBack(rollbackReason);
        return false;
      }
      return !open;
    }

    private Answer answerFor(String hookId) {
      for (Answer answer : in.answers()) {
        if (answer.hookId().equals(hookId)) {
          return answer;
        }
      }
      return null;
    }

    /** The stage's own work, once its hooks are settled. */
    private boolean stageDone() {
      return switch (state.stage()) {
        case "SCALE_UP" -> in.newHealthy() >= in.desired();
        case "PRODUCTION_TRAFFIC_SHIFT" ->
            !now.isBefore(state.stageStartedAt().plus(in.timing().minutes(step().bakeMinutes())));
        case "BAKE_TIME" -> !now.isBefore(state.stageStartedAt().plus(in.timing().minutes(in.spec().bakeMinutes())));
        case "CLEAN_UP" -> in.oldActive() == 0;
        default -> true;
      };
    }

    private TrafficShift.Step step() {
      return in.spec().steps().get(Math.max(0, state.step()));
    }

    private void advance() {
      switch (state.stage()) {
        case "RECONCILE_SERVICE" -> enter("PRE_SCALE_UP");
        case "PRE_SCALE_UP" -> enter("SCALE_UP");
        case "SCALE_UP" -> enter("POST_SCALE_UP");
        case "POST_SCALE_UP" -> {
          state = state.withWeights(state.production(), 100);
          enter("TEST_TRAFFIC_SHIFT");
        }
        case "TEST_TRAFFIC_SHIFT" -> enter("POST_TEST_TRAFFIC_SHIFT");
        case "POST_TEST_TRAFFIC_SHIFT" -> {
          state = state.withStep(0);
          enter("PRE_PRODUCTION_TRAFFIC_SHIFT");
        }
        case "PRE_PRODUCTION_TRAFFIC_SHIFT" -> {
          state = state.withWeights(step().percent(), state.test());
          enter("PRODUCTION_TRAFFIC_SHIFT");
        }
        case "PRODUCTION_TRAFFIC_SHIFT" -> {
          if (state.step() + 1 < in.spec().steps().size()) {
            state = state.withStep(state.step() + 1);
            enter("PRE_PRODUCTION_TRAFFIC_SHIFT");
          } else {
            enter("POST_PRODUCTION_TRAFFIC_SHIFT");
          }
        }
        case "POST_PRODUCTION_TRAFFIC_SHIFT" -> enter("BAKE_TIME");
        case "BAKE_TIME" -> enter("CLEAN_UP");
        default -> state = state.withStatus(StagedState.SUCCESSFUL, "Service deployment completed successfully.", now);
      }
    }

    /** Enters a stage: its hooks start (a PAUSE hook awaits an answer, a Lambda hook is invoked). */
    private void enter(String stage) {
      state = state.at(stage, now);
      List<HookRun> hooks = new ArrayList<>(state.hooks());
      List<StagedSpec.Hook> configured = in.spec().hooks();
      boolean stepped = stage.endsWith("PRODUCTION_TRAFFIC_SHIFT") && in.spec().steps().size() > 1;
      for (int i = 0; i < configured.size(); i++) {
        StagedSpec.Hook hook = configured.get(i);
        if (!hook.stages().contains(stage)) {
          continue;
        }
        String id = stage.toLowerCase(Locale.ROOT) + "-" + (i + 1) + (stepped ? "-step" + (state.step() + 1) : "");
        boolean pause = StagedSpec.Hook.PAUSE.equals(hook.targetType());
        hooks.add(new HookRun(id, hook.targetType(), pause ? null : hook.targetArn(), stage, state.step(),
            pause ? HookRun.AWAITING_ACTION : HookRun.IN_PROGRESS, now,
            now.plus(in.timing().minutes(hook.timeoutMinutes())), hook.timeoutAction()));
      }
      state = state.withHooks(hooks);
    }

    private void rollBack(String reason) {
      if (in.oldActive() == 0 || "CLEAN_UP".equals(state.stage())) {
        state = state.withStatus(StagedState.ROLLBACK_FAILED, reason + " The previous revision no longer runs, so"
            + " traffic stays on the new one; deploy the previous task definition to return to it.", now);
        return;
      }
      state = state.withWeights(0, 0)
          .withRollback(new StagedState.Rollback(reason, now, in.sourceRevisionArn()))
          .withStatus(StagedState.ROLLBACK_IN_PROGRESS, reason, null);
      List<HookRun> closed = new ArrayList<>();
      for (HookRun hook : state.hooks()) {
        closed.add(hook.open() ? hook.withStatus(HookRun.FAILED) : hook);
      }
      state = state.withHooks(closed);
      rollBack = true;
    }
  }
}
