package io.ecsl.runtime.daemons;

import io.ecsl.runtime.daemons.DaemonSnapshot.Deployment;
import io.ecsl.runtime.daemons.DaemonSnapshot.Instance;
import io.ecsl.runtime.daemons.DaemonSnapshot.Task;
import io.ecsl.runtime.model.DaemonEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Managed Daemon scheduler (integrations §7.4): a pure function from a {@link DaemonSnapshot}
 * and the clock to a {@link DaemonPlan}, shaped like the service scheduler.
 *
 * <ul>
 *   <li>An ACTIVE instance with nothing on it gets one daemon task of the desired revision; the
 *       engine keeps other tasks off it until that task runs.</li>
 *   <li>A daemon task that stops or is stopping (or turns UNHEALTHY) on an ACTIVE instance: the instance is
 *       drained and replaced (ECS's auto repair); the task is never restarted in place.</li>
 *   <li>A deployment replaces the instances that run another revision (or none while other tasks
 *       run there, as when a daemon is created over busy instances), {@code drainPercent} of the
 *       instances per step (at least one), waiting {@code bakeTimeInMinutes} after each step; it is
 *       SUCCESSFUL once every ACTIVE instance runs the target revision and the last bake is over.</li>
 *   <li>The circuit breaker counts target-revision tasks that stopped before running; at its
 *       threshold the deployment rolls back to the revision it started from (ROLLBACK_IN_PROGRESS,
 *       then ROLLBACK_SUCCESSFUL, or ROLLBACK_FAILED if the rollback trips it too); a first
 *       deployment has nothing to go back to and is STOPPED.</li>
 *   <li>A deleted daemon's tasks are stopped; it is gone once none is left.</li>
 * </ul>
 */
public final class DaemonScheduler {
  static final String REPAIR_REASON = "The daemon task stopped: ECS drains and replaces its container instance.";
  static final String UNHEALTHY_REASON = "The daemon task is unhealthy: ECS drains and replaces its container instance.";
  static final String DEPLOYMENT_REASON = "A daemon deployment replaces the container instance with one running the"
      + " target daemon revision.";
  static final String DELETED_REASON = "The daemon was deleted.";
  static final String STRAY_REASON = "The daemon no longer uses this container instance's capacity provider.";

  private DaemonScheduler() {}

  public static DaemonPlan plan(DaemonSnapshot snapshot, Instant now) {
    DaemonPlan.Builder plan = new DaemonPlan.Builder();
    if (snapshot.deleting()) {
      boolean left = false;
      for (Instance instance : snapshot.instances()) {
        for (Task task : instance.daemonTasks()) {
          if (task.live()) {
            plan.stop(task.taskArn(), DELETED_REASON);
          }
          left |= !task.stopped();
        }
      }
      for (Task task : snapshot.strayTasks()) {
        plan.stop(task.taskArn(), DELETED_REASON);
        left = true;
      }
      return plan.deleted(!left).build();
    }
    for (Task task : snapshot.strayTasks()) {
      plan.stop(task.taskArn(), STRAY_REASON);
    }
    Deployment deployment = snapshot.deployment();
    int failures = deployment == null ? 0 : deployment.failureCount();
    Set<String> replaced = new LinkedHashSet<>();
    for (Instance instance : snapshot.instances()) {
      for (Task task : instance.daemonTasks()) {
        if (task.stopped()) {
          plan.accounted(task.taskArn());
          if (instance.active() && replaced.add(instance.arn())) {
            plan.replace(instance.arn(), REPAIR_REASON);
          }
          if (deployment != null && !task.everRan() && task.revisionArn().equals(deployment.rollingTo())) {
            failures++;
          }
        } else if (!task.live() && instance.active() && replaced.add(instance.arn())) {
          // Asked to stop (StopTask, a failed essential container): the instance goes, the task is not restarted.
          plan.replace(instance.arn(), REPAIR_REASON);
        } else if (task.live() && task.unhealthy() && instance.active() && replaced.add(instance.arn())) {
          plan.replace(instance.arn(), UNHEALTHY_REASON);
        }
      }
    }
    String desired = deployment == null ? snapshot.desiredRevisionArn() : deployment.rollingTo();
    for (Instance instance : snapshot.instances()) {
      if (instance.active() && !replaced.contains(instance.arn()) && current(instance) == null && !instance.hasOtherTasks()
          && desired != null) {
        plan.launch(instance.arn(), desired);
      }
    }
    if (deployment != null) {
      plan.deployment(roll(snapshot, deployment, failures, replaced, plan, now));
    }
    return plan.build();
  }

  /** The instance's daemon task that has not stopped, or null. */
  private static Task current(Instance instance) {
    for (Task task : instance.daemonTasks()) {
      if (!task.stopped()) {
        return task;
      }
    }
    return null;
  }

  private static DaemonPlan.DeploymentChange roll(DaemonSnapshot snapshot, Deployment d, int failures, Set<String> replaced,
      DaemonPlan.Builder plan, Instant now) {
    DaemonPlan.DeploymentChange change = DaemonPlan.DeploymentChange.from(d, failures);
    if (DaemonEntity.Deployment.PENDING.equals(d.status())) {
      change = change.started(now);
    }
    if (failures >= d.threshold()) {
      if (d.rollingBack()) {
        return change.finished(DaemonEntity.Deployment.ROLLBACK_FAILED, "The rollback failed: " + failures + " daemon tasks of the"
            + " daemon revision stopped before running (circuit breaker threshold " + d.threshold() + ").", now);
      }
      String reason = "The circuit breaker stopped the deployment: " + failures + " daemon tasks of the target revision"
          + " stopped before running (threshold " + d.threshold() + ").";
      if (d.sourceRevisionArn() == null) {
        return change.finished(DaemonEntity.Deployment.STOPPED, reason, now);
      }
      return change.rollBack(d.sourceRevisionArn(), reason + " Rolling back to " + d.sourceRevisionArn() + ".", now);
    }
    if (!d.rollingBack() && !d.alarmsInAlarm().isEmpty()) {
      // DaemonAlarmConfiguration has no rollback flag: "the deployment can be automatically rolled
      // back" (the API model), as the circuit breaker does. EMU wording.
      String reason = "The deployment alarms stopped the deployment: " + String.join(", ", d.alarmsInAlarm())
          + " in ALARM state.";
      change = change.triggered(d.alarmsInAlarm());
      if (d.sourceRevisionArn() == null) {
        return change.finished(DaemonEntity.Deployment.STOPPED, reason, now);
      }
      return change.rollBack(d.sourceRevisionArn(), reason + " Rolling back to " + d.sourceRevisionArn() + ".", now);
    }
    String target = change.rollingTo();
    Set<String> registered = new LinkedHashSet<>();
    List<Instance> active = new ArrayList<>();
    for (Instance instance : snapshot.instances()) {
      registered.add(instance.arn());
      if (instance.active()) {
        active.add(instance);
      }
    }
    List<String> stillDraining = d.drainingInstanceArns().stream().filter(registered::contains).toList();
    if (!stillDraining.isEmpty()) {
      return change.draining(stillDraining, d.stepCompletedAt());
    }
    Instant stepCompletedAt = d.drainingInstanceArns().isEmpty() ? d.stepCompletedAt() : now;
    change = change.draining(List.of(), stepCompletedAt);
    boolean baking = stepCompletedAt != null && now.isBefore(stepCompletedAt.plus(Duration.ofMinutes(d.bakeMinutes())));
    List<Instance> outdated = new ArrayList<>();
    boolean launching = false;
    for (Instance instance : active) {
      if (replaced.contains(instance.arn())) {
        launching = true;
        continue;
      }
      Task task = current(instance);
      if (task == null ? instance.hasOtherTasks() : !target.equals(task.revisionArn())) {
        outdated.add(instance);
      } else {
        launching |= task == null || !task.running();
      }
    }
    if (baking) {
      return change;
    }
    if (!outdated.isEmpty()) {
      int batch = Math.max(1, (int) Math.ceil(d.drainPercent() / 100.0 * active.size()));
      outdated.sort(Comparator.comparing(Instance::registeredAt).thenComparing(Instance::arn));
      List<String> step = new ArrayList<>();
      for (Instance instance : outdated.subList(0, Math.min(batch, outdated.size()))) {
        plan.replace(instance.arn(), DEPLOYMENT_REASON);
        step.add(instance.arn());
      }
      return change.draining(step, null);
    }
    if (launching) {
      return change;
    }
    return d.rollingBack()
        ? change.finished(DaemonEntity.Deployment.ROLLBACK_SUCCESSFUL, "Rolled back to " + target + ".", now)
        : change.finished(DaemonEntity.Deployment.SUCCESSFUL, null, now);
  }
}
