package io.ecsl.runtime.engine;

import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * FARGATE_SPOT interruptions on demand (ecs-runtime-integrations §7.1), for rehearsing them: the
 * task gets the two-minute warning (its desired status turns STOPPED while it still runs, with
 * stop code {@code SpotInterruption} and "Your Spot Task was interrupted."; its service logs an
 * event), its containers get SIGTERM, and whatever still runs when the notice ends is killed. Its
 * service replaces it following its capacity provider strategy. Callers hold the state lock.
 */
public final class SpotInterruptions {
  private static final Logger LOG = Logger.getLogger(SpotInterruptions.class.getName());
  /** How long AWS warns before the capacity goes. */
  public static final Duration NOTICE = Duration.ofMinutes(2);
  public static final String REASON = "Your Spot Task was interrupted.";

  private SpotInterruptions() {}

  /** Why a task cannot be interrupted, or null when it can. */
  public static String refusal(TaskEntity task) {
    if (!FargateProviders.FARGATE_SPOT.equals(task.capacityProviderName)) {
      return "task " + task.taskId + " does not run on FARGATE_SPOT (its capacity provider is "
          + (task.capacityProviderName == null ? "none: launch type " + task.launchType : task.capacityProviderName)
          + "); only Fargate Spot tasks are interrupted";
    }
    if (!task.isActive()) {
      return "task " + task.taskId + " is already stopping or stopped";
    }
    return null;
  }

  /** Interrupts the task; its containers are killed {@code notice} from now at the latest. */
  public static TaskEntity interrupt(RuntimeState state, TaskEntity stored, Duration notice, Instant now) {
    TaskEntity task = stored.copy();
    TaskLifecycle.requestStop(task, TaskStatus.SPOT_INTERRUPTION, REASON, now);
    task.spotInterruptionDeadline = now.plus(notice);
    task.version++;
    state.tasks.put(task.taskArn, task);
    LOG.info("task " + task.taskId + ": Fargate Spot interruption, stopped by " + task.spotInterruptionDeadline);
    if (task.serviceName != null) {
      ServiceEntity service = state.services.get(Arns.service(task.region, task.clusterName, task.serviceName));
      if (service != null) {
        ServiceEntity updated = service.copy();
        // EMU: ECS sends the warning as a task state change event; the service's event log says it too.
        ServiceEvents.add(updated, "(service " + service.serviceName + ") (task " + task.taskId + ") received a"
            + " Fargate Spot interruption notice: " + REASON + " It stops within " + notice.toSeconds() + " seconds.",
            now);
        state.services.put(updated.serviceArn, updated);
      }
    }
    return task;
  }
}
