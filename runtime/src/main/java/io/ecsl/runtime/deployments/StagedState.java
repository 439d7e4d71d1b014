package io.ecsl.runtime.deployments;

import java.time.Instant;
import java.util.List;

/**
 * Where a BLUE_GREEN, LINEAR or CANARY deployment stands (integrations §1.2, §1.5): the service
 * deployment's status, its lifecycle stage and when it began, the production step reached, the
 * new revision's share of production and test traffic, and every hook run so far. Stored with
 * the deployment and replaced whole by each pass of {@link StagedDeployment}.
 *
 * @param stage the lifecycle stage (a {@code DeploymentLifecycleHookStage} or one of SCALE_UP,
 *     BAKE_TIME, CLEAN_UP); null once the deployment has ended
 * @param step the production step being taken (index into the strategy's steps; -1 before the first)
 * @param production the new revision's share of production traffic, 0 to 100
 * @param test the new revision's share of test traffic, 0 to 100
 * @param hooks every hook run, oldest first
 * @param rollback why and when a rollback began (null when none did)
 */
public record StagedState(
    String status,
    String statusReason,
    String stage,
    Instant stageStartedAt,
    int step,
    double production,
    double test,
    List<HookRun> hooks,
    Instant startedAt,
    Instant finishedAt,
    Rollback rollback) {

  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String SUCCESSFUL = "SUCCESSFUL";
  public static final String ROLLBACK_IN_PROGRESS = "ROLLBACK_IN_PROGRESS";
  public static final String ROLLBACK_SUCCESSFUL = "ROLLBACK_SUCCESSFUL";
  public static final String ROLLBACK_FAILED = "ROLLBACK_FAILED";
  /** Superseded: a newer deployment began before this one ended. */
  public static final String STOPPED = "STOPPED";

  public StagedState {
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
  }

  /** True once nothing more will happen to the deployment. */
  public boolean ended() {
    return SUCCESSFUL.equals(status) || ROLLBACK_SUCCESSFUL.equals(status) || ROLLBACK_FAILED.equals(status)
        || STOPPED.equals(status);
  }

  /** A deployment superseded by {@code by} (a newer deployment), before or during its stages. */
  public static StagedState superseded(StagedState current, String by, Instant now) {
    String reason = "Service deployment stopped: superseded by deployment " + by + ".";
    return current == null ? new StagedState(STOPPED, reason, null, now, -1, 0, 0, List.of(), now, now, null)
        : current.withStatus(STOPPED, reason, now);
  }

  StagedState at(String nextStage, Instant now) {
    return new StagedState(status, statusReason, nextStage, now, step, production, test, hooks, startedAt, finishedAt,
        rollback);
  }

  StagedState withStep(int nextStep) {
    return new StagedState(status, statusReason, stage, stageStartedAt, nextStep, production, test, hooks, startedAt,
        finishedAt, rollback);
  }

  StagedState withWeights(double nextProduction, double nextTest) {
    return new StagedState(status, statusReason, stage, stageStartedAt, step, nextProduction, nextTest, hooks,
        startedAt, finishedAt, rollback);
  }

  StagedState withHooks(List<HookRun> nextHooks) {
    return new StagedState(status, statusReason, stage, stageStartedAt, step, production, test, nextHooks, startedAt,
        finishedAt, rollback);
  }

  public StagedState withStatus(String nextStatus, String reason, Instant finished) {
    return new StagedState(nextStatus, reason, stage, stageStartedAt, step, production, test, hooks, startedAt,
        finished, rollback);
  }

  StagedState withRollback(Rollback next) {
    return new StagedState(status, statusReason, stage, stageStartedAt, step, production, test, hooks, startedAt,
        finishedAt, next);
  }

  /** The hook runs of the stage the deployment is at (this visit of it). */
  public List<HookRun> currentHooks() {
    return hooks.stream().filter(h -> h.stage().equals(stage) && h.step() == step).toList();
  }

  /**
   * One run of a lifecycle hook at one stage (and, for the production stages, one step).
   *
   * @param hookId how ContinueServiceDeployment names it
   * @param targetType AWS_LAMBDA or PAUSE
   * @param status IN_PROGRESS, AWAITING_ACTION, SUCCEEDED, FAILED or TIMED_OUT
   */
  public record HookRun(String hookId, String targetType, String targetArn, String stage, int step, String status,
      Instant startedAt, Instant expiresAt, String timeoutAction) {
    public static final String AWAITING_ACTION = "AWAITING_ACTION";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String TIMED_OUT = "TIMED_OUT";

    HookRun withStatus(String next) {
      return new HookRun(hookId, targetType, targetArn, stage, step, next, startedAt, expiresAt, timeoutAction);
    }

    public boolean open() {
      return AWAITING_ACTION.equals(status) || IN_PROGRESS.equals(status);
    }
  }

  /** The model's {@code Rollback}: why, when, and the revision traffic returns to. */
  public record Rollback(String reason, Instant startedAt, String serviceRevisionArn) {}
}
