package io.ecsl.runtime.scheduler;

import io.ecsl.runtime.deployments.StagedDeployment;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.ServiceSnapshot.DeploymentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The REPLICA service scheduler (ECS semantics §6.1, §6.3-§6.6) as a pure function: a snapshot of
 * a service, its tasks and the time in; launches, stops, deployment states and events out.
 *
 * <p>One pass:
 * <ol>
 *   <li>account for tasks that stopped since the last pass (start-failure backoff, circuit-breaker
 *       failure count, reset on a healthy task);
 *   <li>trip the circuit breaker if the PRIMARY deployment reached its threshold, and roll back to
 *       the last COMPLETED deployment if asked to;
 *   <li>replace tasks that failed their health checks after the grace period;
 *   <li>launch PRIMARY tasks up to the desired count within {@code maximumPercent}, counting
 *       pending, running and stopping tasks of every deployment;
 *   <li>stop old-deployment tasks while healthy tasks stay at or above {@code minimumHealthyPercent};
 *   <li>mark the deployment COMPLETED, and the service steady, when only PRIMARY tasks remain and
 *       all of them are healthy.
 * </ol>
 */
public final class ServiceScheduler {
  public static final String STALLED_MESSAGE = " was unable to stop or start tasks during a deployment"
      + " because of the service deployment configuration. Update the minimumHealthyPercent or"
      + " maximumPercent value and try again.";

  /**
   * The stop reason of a task replaced because its container instance drains (**EMU**: ECS's
   * wording is not documented).
   */
  public static final String DRAINING_REASON = "Container instance is DRAINING: the task was replaced on another"
      + " container instance.";

  private ServiceScheduler() {}

  public static ServicePlan plan(ServiceSnapshot service, List<TaskView> tasks, Instant now,
      Supplier<String> newDeploymentId) {
    return new Pass(service, tasks, now, newDeploymentId).run();
  }

  /** The mutable working state of one pass; the result is immutable. */
  private static final class Pass {
    private final ServiceSnapshot service;
    private final List<TaskView> tasks;
    private final Instant now;
    private final Supplier<String> newDeploymentId;
    private final String prefix;
    private final Map<String, DeploymentState> deployments = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final List<ServicePlan.Launch> launches = new ArrayList<>();
    private final List<ServicePlan.Stop> stops = new ArrayList<>();
    private final Set<String> stopping = new HashSet<>();
    private final Set<String> accounted = new HashSet<>();
    private DeploymentState lastCompleted;
    private ServicePlan.Rollback rollback;
    private int failures;
    private Instant notBefore;
    private Instant lastStartFailure;
    private boolean throttled;

    Pass(ServiceSnapshot service, List<TaskView> tasks, Instant now, Supplier<String> newDeploymentId) {
      this.service = service;
      this.tasks = tasks;
      this.now = now;
      this.newDeploymentId = newDeploymentId;
      this.prefix = "(service " + service.name() + ")";
      service.deployments().forEach(d -> deployments.put(d.id(), d));
      this.lastCompleted = service.lastCompleted();
      this.failures = service.consecutiveStartFailures();
      this.notBefore = service.launchNotBefore();
      this.lastStartFailure = service.lastStartFailureAt();
    }

    ServicePlan run() {
      accountStoppedTasks();
      resetFailuresOnHealthyTasks();
      tripCircuitBreaker();
      tripAlarms();
      replaceUnhealthyTasks();
      int desired = service.draining() ? 0 : service.desiredCount();
      scaleAndRoll(desired);
      completeDeployment(desired);
      boolean steady = isSteady(desired);
      if (steady && !service.steady()) {
        events.add(prefix + " has reached a steady state.");
      }
      if (!stops.isEmpty()) {
        StringBuilder message = new StringBuilder(prefix + " has stopped " + stops.size() + " running tasks:");
        for (ServicePlan.Stop stop : stops) {
          message.append(" (task ").append(taskId(stop.taskArn())).append(")");
        }
        events.add(message.append('.').toString());
      }
      if (throttled) {
        events.add(prefix + " is unable to consistently start tasks successfully.");
      }
      dropDrainedDeployments();
      boolean inactive = service.draining() && activeTasks().isEmpty() && stoppingCount() == 0;
      List<DeploymentState> ordered = new ArrayList<>();
      deployments.values().stream().filter(DeploymentState::primary).forEach(ordered::add);
      deployments.values().stream().filter(d -> !d.primary()).forEach(ordered::add);
      return new ServicePlan(List.copyOf(ordered), lastCompleted, rollback, List.copyOf(launches),
          List.copyOf(stops), List.copyOf(events), failures, notBefore, steady, Set.copyOf(accounted), inactive,
          lastStartFailure);
    }

    /**
     * Counts each task once, as soon as it is asked to stop (not when it has finished stopping:
     * counted then, a launch would slip in meanwhile and every backoff step would see two attempts).
     * A start failure grows the backoff (§6.6); a task of the service that has stayed RUNNING for
     * {@link TaskView#START_WINDOW} since the last failure resets it.
     */
    private void accountStoppedTasks() {
      for (TaskView task : tasks) {
        if (task.active() || task.accounted()) {
          continue;
        }
        accounted.add(task.taskArn());
        if (task.failedToStart()) {
          failures++;
          lastStartFailure = now;
          notBefore = now.plus(LaunchBackoff.after(failures));
        }
        DeploymentState deployment = deployments.get(task.deploymentId());
        if (deployment != null && DeploymentEntity.IN_PROGRESS.equals(deployment.rolloutState()) && task.failed()) {
          deployments.put(deployment.id(), deployment.withFailures(deployment.failedTasks() + 1, now));
        }
      }
      boolean establishedSince = tasks.stream().anyMatch(t -> t.established(now)
          && (lastStartFailure == null || t.startedAt().isAfter(lastStartFailure)));
      if (failures > 0 && establishedSince) {
        failures = 0;
        notBefore = null;
        lastStartFailure = null;
      }
    }

    private void resetFailuresOnHealthyTasks() {
      if (!service.circuitBreaker().resetOnHealthyTask()) {
        return;
      }
      for (DeploymentState deployment : List.copyOf(deployments.values())) {
        if (deployment.failedTasks() == 0) {
          continue;
        }
        boolean healthySinceFailure = tasks.stream().anyMatch(t -> deployment.id().equals(t.deploymentId())
            && t.firstHealthyAt() != null
            && (deployment.lastFailureAt() == null || t.firstHealthyAt().isAfter(deployment.lastFailureAt())));
        if (healthySinceFailure) {
          deployments.put(deployment.id(), deployment.withFailures(0, deployment.lastFailureAt()));
        }
      }
    }

    private void tripCircuitBreaker() {
      ServiceSnapshot.CircuitBreaker breaker = service.circuitBreaker();
      DeploymentState primary = primary();
      if (!breaker.enable() || primary == null || !DeploymentEntity.IN_PROGRESS.equals(primary.rolloutState())) {
        return;
      }
      int threshold = DeploymentMath.circuitBreakerThreshold(service.desiredCount(),
          breaker.thresholdType(), breaker.thresholdValue());
      if (primary.failedTasks() < threshold) {
        return;
      }
      fail(primary.withRollout(DeploymentEntity.FAILED, "ECS deployment circuit breaker: tasks failed to start."),
          "tasks failed to start", breaker.rollback(), "ECS deployment circuit breaker");
    }

    /**
     * The deployment alarms (semantics §3.4): any watched alarm in ALARM while the PRIMARY deployment
     * is IN_PROGRESS (its bake included) fails it, whichever of the two methods trips first.
     */
    private void tripAlarms() {
      ServiceSnapshot.DeploymentAlarms alarms = service.alarms();
      DeploymentState primary = primary();
      // rollback != null: the circuit breaker tripped first in this pass, and the PRIMARY is now its
      // rollback, which watches no alarms (the snapshot's alarms were the failed deployment's).
      if (!alarms.watched() || alarms.inAlarm().isEmpty() || primary == null || rollback != null
          || !DeploymentEntity.IN_PROGRESS.equals(primary.rolloutState())) {
        return;
      }
      String names = String.join(", ", alarms.inAlarm());
      fail(primary.withRollout(DeploymentEntity.FAILED, "ECS deployment alarms: " + names + " in ALARM state.")
          .withTriggeredAlarms(alarms.inAlarm()), "alarm " + names + " in ALARM state", alarms.rollback(),
          "ECS deployment alarms");
    }

    /**
     * The PRIMARY deployment has failed: it launches nothing more, and when {@code rollbackWanted}
     * and there is a completed deployment to return to, a new PRIMARY deployment returns to it.
     */
    private void fail(DeploymentState failed, String why, boolean rollbackWanted, String method) {
      events.add(prefix + " (deployment " + failed.id() + ") deployment failed: " + why + ".");
      // A staged deployment rolls back its own way (traffic back to the old revision, still running).
      boolean canRollBack = rollbackWanted && lastCompleted != null && !lastCompleted.id().equals(failed.id())
          && !service.stagedInProgress();
      if (!canRollBack) {
        deployments.put(failed.id(), failed);
        return;
      }
      String id = newDeploymentId.get();
      DeploymentState back = new DeploymentState(id, true, lastCompleted.taskDefinition(),
          DeploymentEntity.IN_PROGRESS, method + ": rolling back to deploymentId " + lastCompleted.id() + ".", 0,
          null);
      Map<String, DeploymentState> reordered = new LinkedHashMap<>();
      reordered.put(id, back);
      deployments.put(failed.id(), failed.asActive());
      reordered.putAll(deployments);
      deployments.clear();
      deployments.putAll(reordered);
      rollback = new ServicePlan.Rollback(id, lastCompleted.id());
      events.add(prefix + " rolling back to deployment " + lastCompleted.id() + ".");
      failures = 0;
      notBefore = null;
      lastStartFailure = null;
    }

    private void replaceUnhealthyTasks() {
      for (TaskView task : tasks) {
        boolean graceOver = task.startedAt() != null
            && !now.isBefore(task.startedAt().plus(service.healthCheckGracePeriod()));
        if (task.active() && TaskStatus.UNHEALTHY.equals(task.healthStatus()) && graceOver) {
          if (task.elbUnhealthyIn() != null) {
            stop(task, "Task failed ELB health checks in (target-group " + task.elbUnhealthyIn() + ")", true);
            events.add(prefix + " (task " + task.taskId() + ") is unhealthy in (target-group " + task.elbUnhealthyIn()
                + ") due to (reason Health checks failed).");
          } else {
            stop(task, "Task failed container health checks", true);
            events.add(prefix + " (task " + task.taskId() + ") failed container health checks.");
          }
        }
      }
    }

    private void scaleAndRoll(int desired) {
      DeploymentState primary = primary();
      if (primary == null || DeploymentEntity.FAILED.equals(primary.rolloutState())) {
        return; // a FAILED deployment without rollback launches and drains nothing (§3.4)
      }
      if (service.staged() == StagedDeployment.Mode.HOLD) {
        return; // before SCALE_UP: the new revision starts nothing yet, the old one keeps its tasks
      }
      int minimum = DeploymentMath.minimumHealthy(desired, service.minimumHealthyPercent());
      int maximum = DeploymentMath.maximumTasks(desired, service.maximumPercent());
      List<TaskView> primaryTasks = activeOf(primary.id(), true);
      int total = activeTasks().size() + stoppingCount();
      if (service.stagedInProgress()) {
        // The new revision runs at full size beside the old (integrations §1.3: SCALE_UP), whatever the maximum.
        maximum = Integer.MAX_VALUE;
      }

      int start = Math.max(0, Math.min(desired - primaryTasks.size(), maximum - total));
      if (start > 0) {
        if (notBefore != null && now.isBefore(notBefore)) {
          throttled = true;
        } else {
          launches.add(new ServicePlan.Launch(primary.id(), start));
        }
      }
      String scalingReason = "Scaling activity initiated by (deployment " + primary.id() + ")";
      int extra = primaryTasks.size() - desired;
      if (extra > 0) {
        service.scaleIn().choose(primaryTasks, extra, now).forEach(t -> stop(t, scalingReason, false));
      }

      if (service.staged() == StagedDeployment.Mode.GROW) {
        return; // the old revision keeps serving until CLEAN_UP
      }
      if (service.staged() == StagedDeployment.Mode.CLEAN_UP) {
        activeOf(primary.id(), false).forEach(t -> stop(t, reason(t, scalingReason), false));
        return;
      }
      List<TaskView> old = activeOf(primary.id(), false);
      old.stream().filter(t -> !t.countsHealthy(now)).forEach(t -> stop(t, reason(t, scalingReason), false));
      long healthy = activeTasks().stream().filter(t -> t.countsHealthy(now)).count();
      long stoppable = healthy - minimum;
      List<TaskView> oldHealthy = activeOf(primary.id(), false);
      oldHealthy.sort(Comparator.comparing(TaskView::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
      for (int i = 0; i < Math.min(stoppable, oldHealthy.size()); i++) {
        stop(oldHealthy.get(i), reason(oldHealthy.get(i), scalingReason), false);
      }

      boolean nothingInFlight = stoppingCount() == 0 && launches.isEmpty() && !throttled
          && primaryTasks.stream().allMatch(t -> t.countsHealthy(now));
      if (DeploymentEntity.IN_PROGRESS.equals(primary.rolloutState()) && nothingInFlight
          && !activeOf(primary.id(), false).isEmpty() && start <= 0 && stoppable <= 0) {
        events.add(prefix + STALLED_MESSAGE);
      }
    }

    private void completeDeployment(int desired) {
      DeploymentState primary = primary();
      if (primary == null || !DeploymentEntity.IN_PROGRESS.equals(primary.rolloutState())
          || service.staged() == StagedDeployment.Mode.HOLD || service.staged() == StagedDeployment.Mode.GROW) {
        return;
      }
      List<TaskView> primaryTasks = activeOf(primary.id(), true);
      boolean othersGone = tasks.stream().noneMatch(t -> (!primary.id().equals(t.deploymentId()) || t.draining())
          && (t.active() || t.isStopping()));
      boolean allHealthy = primaryTasks.size() == desired && primaryTasks.stream().allMatch(t -> t.countsHealthy(now));
      if (othersGone && allHealthy && launches.isEmpty()) {
        if (baking(primary)) {
          return;
        }
        DeploymentState completed = primary.withRollout(DeploymentEntity.COMPLETED,
            "ECS deployment " + primary.id() + " completed.");
        deployments.put(primary.id(), completed);
        lastCompleted = completed;
        events.add(prefix + " (deployment " + primary.id() + ") deployment completed.");
      }
    }

    /**
     * A rolling deployment that watches alarms completes only after their bake: from the pass that
     * finds its tasks in place, it stays IN_PROGRESS for {@code alarms.bake} (an alarm in ALARM then
     * still fails it). A staged deployment has its own bake (integrations §1.3).
     */
    private boolean baking(DeploymentState primary) {
      ServiceSnapshot.DeploymentAlarms alarms = service.alarms();
      if (!alarms.watched() || alarms.bake().isZero() || service.staged() != null) {
        return false;
      }
      if (primary.bakeStartedAt() == null) {
        deployments.put(primary.id(), primary.withBakeStartedAt(now));
        return true;
      }
      return now.isBefore(primary.bakeStartedAt().plus(alarms.bake()));
    }

    private boolean isSteady(int desired) {
      DeploymentState primary = primary();
      if (primary == null || !DeploymentEntity.COMPLETED.equals(primary.rolloutState())
          || !launches.isEmpty() || !stops.isEmpty() || stoppingCount() > 0) {
        return false;
      }
      List<TaskView> active = activeTasks();
      return active.size() == desired && active.stream().allMatch(t -> primary.id().equals(t.deploymentId())
          && t.countsHealthy(now));
    }

    /** Older deployments leave the list once none of their tasks is left (ECS shows them INACTIVE then drops them). */
    private void dropDrainedDeployments() {
      for (DeploymentState deployment : List.copyOf(deployments.values())) {
        if (deployment.primary()) {
          continue;
        }
        boolean hasTasks = tasks.stream().anyMatch(t -> deployment.id().equals(t.deploymentId())
            && (t.active() || t.isStopping()));
        if (!hasTasks) {
          deployments.remove(deployment.id());
        }
      }
    }

    private void stop(TaskView task, String reason, boolean unhealthy) {
      if (stopping.add(task.taskArn())) {
        stops.add(new ServicePlan.Stop(task.taskArn(), TaskStatus.SERVICE_SCHEDULER_INITIATED, reason, unhealthy));
      }
    }

    private DeploymentState primary() {
      return deployments.values().stream().filter(DeploymentState::primary).findFirst().orElse(null);
    }

    /** Tasks that should keep running and are not being stopped by this pass. */
    private List<TaskView> activeTasks() {
      return tasks.stream().filter(t -> t.active() && !stopping.contains(t.taskArn())).toList();
    }

    /**
     * The active tasks of a deployment ({@code ofThatDeployment}), or the others: those of older
     * deployments and those on draining instances, which are replaced alike (§6.7).
     */
    private List<TaskView> activeOf(String deploymentId, boolean ofThatDeployment) {
      List<TaskView> out = new ArrayList<>();
      for (TaskView task : activeTasks()) {
        if ((deploymentId.equals(task.deploymentId()) && !task.draining()) == ofThatDeployment) {
          out.add(task);
        }
      }
      return out;
    }

    private static String reason(TaskView task, String scalingReason) {
      return task.draining() ? DRAINING_REASON : scalingReason;
    }

    /** Tasks on their way down (including those this pass stops): they still count toward the maximum. */
    private int stoppingCount() {
      int count = 0;
      for (TaskView task : tasks) {
        if (task.isStopping() || (stopping.contains(task.taskArn()) && !task.isStopped())) {
          count++;
        }
      }
      return count;
    }

    private static String taskId(String taskArn) {
      return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
  }
}
