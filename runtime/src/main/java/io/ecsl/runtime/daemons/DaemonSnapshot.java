package io.ecsl.runtime.daemons;

import java.time.Instant;
import java.util.List;

/**
 * What the daemon scheduler sees of one Managed Daemon: an immutable input, built from the store
 * by the engine, so {@link DaemonScheduler#plan} is a pure function of it and the clock.
 *
 * @param deleting DeleteDaemon was called (DELETE_IN_PROGRESS): its tasks stop, then it goes
 * @param desiredRevisionArn the revision an instance without a daemon task gets
 * @param deployment the deployment in progress, or null
 * @param instances the registered (ACTIVE or DRAINING) instances of the daemon's capacity providers
 * @param strayTasks live tasks of the daemon on instances of providers it no longer uses
 */
public record DaemonSnapshot(
    String daemonArn,
    boolean deleting,
    String desiredRevisionArn,
    Deployment deployment,
    List<Instance> instances,
    List<Task> strayTasks) {

  /**
   * The deployment in progress.
   *
   * @param rollbackTargetRevisionArn set while it rolls back (to the revision it started from)
   * @param sourceRevisionArn the revision to roll back to, or null (a daemon's first deployment)
   * @param drainingInstanceArns the instances the current step replaces
   * @param stepCompletedAt when the last step's instances were all gone (the bake time runs from it)
   * @param failureCount daemon tasks of the target revision that stopped before running
   * @param threshold the circuit breaker's threshold
   * @param alarmsInAlarm the alarms its configuration watches that are in ALARM now
   */
  public record Deployment(
      String status,
      String targetRevisionArn,
      String sourceRevisionArn,
      String rollbackTargetRevisionArn,
      double drainPercent,
      int bakeMinutes,
      List<String> drainingInstanceArns,
      Instant stepCompletedAt,
      int failureCount,
      int threshold,
      List<String> alarmsInAlarm) {

    public Deployment {
      alarmsInAlarm = List.copyOf(alarmsInAlarm);
    }

    /** A deployment whose alarms (if any) are not in ALARM. */
    public Deployment(String status, String targetRevisionArn, String sourceRevisionArn,
        String rollbackTargetRevisionArn, double drainPercent, int bakeMinutes, List<String> drainingInstanceArns,
        Instant stepCompletedAt, int failureCount, int threshold) {
      this(status, targetRevisionArn, sourceRevisionArn, rollbackTargetRevisionArn, drainPercent, bakeMinutes,
          drainingInstanceArns, stepCompletedAt, failureCount, threshold, List.of());
    }

    public boolean rollingBack() {
      return rollbackTargetRevisionArn != null;
    }

    public String rollingTo() {
      return rollingBack() ? rollbackTargetRevisionArn : targetRevisionArn;
    }
  }

  /**
   * A container instance of one of the daemon's providers.
   *
   * @param active ACTIVE (a DRAINING instance takes no new daemon task and is not rolled)
   * @param hasOtherTasks a task that is not a daemon's runs (or is placed) there
   * @param daemonTasks this daemon's tasks there: live ones, and stopped ones not yet accounted for
   */
  public record Instance(String arn, boolean active, Instant registeredAt, boolean hasOtherTasks, List<Task> daemonTasks) {}

  /**
   * One task of the daemon.
   *
   * @param live desired RUNNING and not stopped
   * @param running last status RUNNING
   * @param stopped last status STOPPED
   * @param everRan it reached RUNNING before it stopped (else it failed to start: the circuit breaker counts it)
   * @param unhealthy its health status is UNHEALTHY
   */
  public record Task(String taskArn, String revisionArn, boolean live, boolean running, boolean stopped, boolean everRan,
      boolean unhealthy) {}
}
