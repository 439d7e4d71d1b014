package io.ecsl.runtime.lifecycle;

import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.NetworkBinding;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.model.TaskSpec.ContainerDefinition;
import io.ecsl.runtime.model.TaskSpec.Dependency;
import io.ecsl.runtime.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The task state machine (ECS semantics §5), as a pure function: given a task, what its
 * definition asks for, what the backend shows and the time, it returns the task's next state and
 * the actions that move it forward.
 *
 * <p>It is level-triggered: it never remembers what it did, only what the stored task and the
 * observed containers say. That is what makes the runtime restart-safe: after a crash the same
 * step, run on the same facts, issues the same (idempotent) actions again.
 *
 * <ul>
 *   <li>PROVISIONING: volumes, and for awsvpc the network namespace (pause container).
 *   <li>PENDING: images present (pulled if needed), containers created, then started in
 *       {@code dependsOn} order (START, COMPLETE, SUCCESS, HEALTHY, bounded by the dependency's
 *       {@code startTimeout}). RUNNING once every essential container runs.
 *   <li>An essential container's exit, a failed start or a StopTask: STOPPING. Containers get
 *       SIGTERM in reverse dependency order, then SIGKILL once their {@code stopTimeout} passes.
 *   <li>DEPROVISIONING: the pause container goes; then STOPPED.
 * </ul>
 */
public final class TaskLifecycle {
  /** The agent's default {@code ECS_CONTAINER_STOP_TIMEOUT}. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
  /** The agent's default {@code ECS_CONTAINER_START_TIMEOUT} on Linux. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
  /** How long to wait before repeating a SIGKILL that did not take. */
  static final Duration KILL_RETRY = Duration.ofSeconds(5);

  private TaskLifecycle() {}

  public static TaskStep step(TaskEntity current, TaskSpec spec, TaskObservation observed, Instant now) {
    TaskEntity task = current.copy();
    List<TaskAction> actions = new ArrayList<>();
    if (task.isStopped()) {
      return new TaskStep(task, actions);
    }
    refreshContainers(task, spec, observed, now);
    if (task.isActive()) {
      detectFailure(task, spec, observed, now);
    }
    if (task.isActive()) {
      advance(task, spec, observed, now, actions);
    } else {
      stop(task, spec, observed, now, actions);
    }
    task.healthStatus = taskHealth(task);
    if (TaskStatus.HEALTHY.equals(task.healthStatus) && task.firstHealthyAt == null) {
      task.firstHealthyAt = now;
    }
    if (!Json.tree(task).equals(Json.tree(current))) {
      task.version = current.version + 1;
    }
    return new TaskStep(task, actions);
  }

  /** Marks the task for stopping; the next steps take it down. */
  public static void requestStop(TaskEntity task, String stopCode, String reason, Instant now) {
    if (!task.isActive()) {
      return;
    }
    task.desiredStatus = TaskStatus.STOPPED;
    task.stopCode = stopCode;
    task.stoppedReason = truncate(reason);
    if (task.stoppingAt == null && !TaskStatus.isPending(task.lastStatus)) {
      task.stoppingAt = now;
    }
  }

  // ---- observation ----------------------------------------------------------------------------

  private static void refreshContainers(TaskEntity task, TaskSpec spec, TaskObservation observed, Instant now) {
    for (ContainerEntity container : task.containers) {
      ObservedContainer seen = observed.container(container.name);
      ContainerDefinition definition = spec.container(container.name);
      if (seen == null) {
        boolean wasCreated = container.runtimeId != null && !container.hasStopped();
        boolean everStarted = container.startedAt != null;
        if (wasCreated && everStarted) {
          // Created and running before, gone now: someone removed it behind our back.
          container.lastStatus = TaskStatus.STOPPED;
          container.reason = "container " + container.runtimeId + " was removed outside the ecsl runtime";
        }
        continue;
      }
      container.runtimeId = seen.id();
      if (seen.isRunning()) {
        container.lastStatus = TaskStatus.RUNNING;
        if (container.startedAt == null) {
          container.startedAt = now;
        }
      } else if (seen.hasExited()) {
        if (container.startedAt == null) {
          container.startedAt = now;
        }
        container.lastStatus = TaskStatus.STOPPED;
        container.exitCode = seen.exitCode();
      }
      if (definition != null && definition.hasHealthCheck() && !container.hasStopped()) {
        container.healthStatus = switch (seen.health()) {
          case HEALTHY -> TaskStatus.HEALTHY;
          case UNHEALTHY -> TaskStatus.UNHEALTHY;
          default -> TaskStatus.UNKNOWN;
        };
      }
      container.networkBindings = bindings(spec, definition, seen, observed.pause());
    }
  }

  private static List<NetworkBinding> bindings(TaskSpec spec, ContainerDefinition definition,
      ObservedContainer seen, ObservedContainer pause) {
    List<NetworkBinding> out = new ArrayList<>();
    if (definition == null || !seen.isRunning()) {
      return out;
    }
    for (TaskSpec.PortMapping mapping : definition.portMappings()) {
      if ("host".equals(spec.networkMode())) {
        out.add(new NetworkBinding("0.0.0.0", mapping.containerPort(), mapping.containerPort(), mapping.protocol()));
        continue;
      }
      ObservedContainer publisher = spec.isAwsvpc() ? pause : seen;
      if (publisher == null) {
        continue;
      }
      for (ObservedContainer.PublishedPort port : publisher.ports()) {
        if (port.containerPort() == mapping.containerPort()
            && port.protocol().equalsIgnoreCase(mapping.protocol())) {
          out.add(new NetworkBinding(port.hostIp(), mapping.containerPort(), port.hostPort(), mapping.protocol()));
        }
      }
    }
    return out;
  }

  private static void detectFailure(TaskEntity task, TaskSpec spec, TaskObservation observed, Instant now) {
    boolean beforeRunning = TaskStatus.isPending(task.lastStatus);
    if (spec.isAwsvpc() && task.provisioned && (observed.pause() == null || !observed.pause().isRunning())) {
      TaskLifecycle.requestStop(task, beforeRunning ? TaskStatus.TASK_FAILED_TO_START : TaskStatus.INFRASTRUCTURE_HEALTH,
          "ResourceInitializationError: the task's network namespace (pause container "
              + shortId(task.pauseContainerId) + ") stopped", now);
      return;
    }
    for (ContainerEntity container : task.containers) {
      if (container.essential && container.hasStopped() && !container.abandoned) {
        requestStop(task, TaskStatus.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited", now);
        return;
      }
    }
  }

  // ---- starting -------------------------------------------------------------------------------

  private static void advance(TaskEntity task, TaskSpec spec, TaskObservation observed, Instant now,
      List<TaskAction> actions) {
    if (!task.provisioned) {
      if (needsProvisioning(spec)) {
        actions.add(new TaskAction.Provision(task.taskArn));
        return;
      }
      task.provisioned = true; // nothing to create before the containers: skip a round trip
    }
    if (TaskStatus.PROVISIONING.equals(task.lastStatus)) {
      task.lastStatus = TaskStatus.PENDING;
    }
    if (!task.imagesReady) {
      if (task.pullStartedAt == null) {
        task.pullStartedAt = now;
      }
      actions.add(new TaskAction.PullImages(task.taskArn));
      return;
    }
    for (ContainerDefinition definition : spec.containers()) {
      ContainerEntity container = task.container(definition.name());
      if (container == null || container.abandoned || container.startedAt != null) {
        continue;
      }
      ObservedContainer seen = observed.container(definition.name());
      if (seen == null) {
        if (createdPrerequisites(task, definition)) {
          actions.add(new TaskAction.CreateContainer(task.taskArn, definition.name(),
              definition.startDependencies().isEmpty()));
        }
        continue;
      }
      DependencyState dependencies = dependencies(task, spec, definition, now);
      if (dependencies.failure() != null) {
        abandon(task, container, dependencies.failure(), now);
        if (!task.isActive()) {
          return;
        }
      } else if (dependencies.satisfied()) {
        actions.add(new TaskAction.StartContainer(task.taskArn, definition.name(), seen.id()));
      }
    }
    if (TaskStatus.PENDING.equals(task.lastStatus) && allStarted(task)) {
      // A load-balanced task is ACTIVATING while it is registered in its target groups (§2.4).
      task.lastStatus = task.loadBalanced && !task.elbRegistered ? TaskStatus.ACTIVATING : TaskStatus.RUNNING;
      task.startedAt = now;
      task.connectivity = "CONNECTED";
      task.connectivityAt = now;
    }
    if (TaskStatus.ACTIVATING.equals(task.lastStatus) && task.elbRegistered) {
      task.lastStatus = TaskStatus.RUNNING;
    }
  }

  /** awsvpc needs its network namespace; Docker volumes (not bind mounts) need creating with their labels. */
  private static boolean needsProvisioning(TaskSpec spec) {
    if (spec.isAwsvpc()) {
      return true;
    }
    for (TaskSpec.VolumeDefinition volume : spec.volumes()) {
      String sourcePath = Json.text(volume.json().path("host"), "sourcePath");
      if (sourcePath == null || sourcePath.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Docker needs {@code volumesFrom} sources and link targets to exist before it creates a container. */
  private static boolean createdPrerequisites(TaskEntity task, ContainerDefinition definition) {
    for (String name : concat(definition.volumesFrom(), definition.links())) {
      ContainerEntity prerequisite = task.container(name);
      if (prerequisite != null && prerequisite.runtimeId == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean allStarted(TaskEntity task) {
    for (ContainerEntity container : task.containers) {
      boolean settled = container.abandoned || container.hasStopped() || TaskStatus.RUNNING.equals(container.lastStatus);
      if (!settled || (container.essential && !TaskStatus.RUNNING.equals(container.lastStatus))) {
        return false;
      }
    }
    return true;
  }

  private record DependencyState(boolean satisfied, String failure) {}

  private static DependencyState dependencies(TaskEntity task, TaskSpec spec, ContainerDefinition definition,
      Instant now) {
    boolean satisfied = true;
    for (Dependency dependency : definition.startDependencies()) {
      ContainerEntity target = task.container(dependency.containerName());
      if (target == null) {
        continue;
      }
      String failure = dependencyFailure(target, dependency.condition());
      if (failure != null) {
        return new DependencyState(false, "dependency " + target.name + " " + failure);
      }
      if (!dependencyMet(target, dependency.condition())) {
        satisfied = false;
        ContainerDefinition targetDefinition = spec.container(target.name);
        Duration timeout = targetDefinition != null && targetDefinition.startTimeout() != null
            ? Duration.ofSeconds(targetDefinition.startTimeout()) : DEFAULT_START_TIMEOUT;
        Instant waitingSince = target.startedAt != null ? target.startedAt : task.pullStoppedAt;
        if (waitingSince != null && !now.isBefore(waitingSince.plus(timeout))) {
          return new DependencyState(false, "dependency " + target.name + " did not reach "
              + dependency.condition() + " within its startTimeout of " + timeout.toSeconds() + "s");
        }
      }
    }
    return new DependencyState(satisfied, null);
  }

  private static boolean dependencyMet(ContainerEntity target, String condition) {
    return switch (condition) {
      case "COMPLETE" -> target.hasStopped();
      case "SUCCESS" -> target.hasStopped() && Objects.equals(target.exitCode, 0);
      case "HEALTHY" -> TaskStatus.HEALTHY.equals(target.healthStatus) && !target.hasStopped();
      default -> target.startedAt != null;
    };
  }

  /** Why a dependency can never be met now, or null while it still can. */
  private static String dependencyFailure(ContainerEntity target, String condition) {
    if (target.abandoned) {
      return "will never start";
    }
    return switch (condition) {
      case "SUCCESS" -> target.hasStopped() && !Objects.equals(target.exitCode, 0)
          ? "exited with code " + target.exitCode + " (SUCCESS requires 0)" : null;
      case "HEALTHY" -> TaskStatus.UNHEALTHY.equals(target.healthStatus) ? "is UNHEALTHY (HEALTHY required)"
          : target.hasStopped() ? "exited before becoming HEALTHY" : null;
      default -> null;
    };
  }

  private static void abandon(TaskEntity task, ContainerEntity container, String why, Instant now) {
    container.abandoned = true;
    container.lastStatus = TaskStatus.STOPPED;
    container.reason = "DependencyNotResolved: " + why;
    if (container.essential) {
      requestStop(task, TaskStatus.TASK_FAILED_TO_START,
          "CannotStartContainerError: essential container " + container.name + " cannot start: " + why, now);
    }
  }

  // ---- stopping -------------------------------------------------------------------------------

  private static void stop(TaskEntity task, TaskSpec spec, TaskObservation observed, Instant now,
      List<TaskAction> actions) {
    if (task.elbRegistered && !task.elbDrained && (TaskStatus.RUNNING.equals(task.lastStatus)
        || TaskStatus.ACTIVATING.equals(task.lastStatus) || TaskStatus.DEACTIVATING.equals(task.lastStatus))) {
      // Deregistered from its target groups first; no signal until in-flight requests are done (§2.4).
      task.lastStatus = TaskStatus.DEACTIVATING;
      if (task.stoppingAt == null) {
        task.stoppingAt = now;
      }
      return;
    }
    if (TaskStatus.isPending(task.lastStatus) || TaskStatus.RUNNING.equals(task.lastStatus)
        || TaskStatus.DEACTIVATING.equals(task.lastStatus)) {
      task.lastStatus = TaskStatus.STOPPING;
      if (task.stoppingAt == null) {
        task.stoppingAt = now;
      }
    }
    boolean anyRunning = false;
    for (ContainerEntity container : task.containers) {
      ObservedContainer seen = observed.container(container.name);
      if (seen == null || !seen.isRunning()) {
        if (!container.hasStopped()) {
          // Never started (or created only): it simply never runs.
          container.lastStatus = TaskStatus.STOPPED;
        }
        continue;
      }
      anyRunning = true;
      if (!noticeOver(task, now) && dependentsStillRunning(task, spec, container.name, observed)) {
        continue;
      }
      signal(task, spec, container, seen, now, actions);
    }
    if (anyRunning) {
      return;
    }
    if (TaskStatus.STOPPING.equals(task.lastStatus)) {
      task.lastStatus = TaskStatus.DEPROVISIONING;
      task.executionStoppedAt = now;
    }
    if (!task.deprovisioned) {
      actions.add(new TaskAction.Deprovision(task.taskArn));
      return;
    }
    task.lastStatus = TaskStatus.STOPPED;
    task.stoppedAt = now;
    task.connectivity = null;
    for (ContainerEntity container : task.containers) {
      container.networkBindings = new ArrayList<>();
    }
  }

  /** A Spot interruption's notice has run out: whatever still runs is killed now (§7.1). */
  private static boolean noticeOver(TaskEntity task, Instant now) {
    return task.spotInterruptionDeadline != null && !now.isBefore(task.spotInterruptionDeadline);
  }

  /** Shutdown is the reverse of startup: a container waits for everything that depends on it. */
  private static boolean dependentsStillRunning(TaskEntity task, TaskSpec spec, String name, TaskObservation observed) {
    for (ContainerDefinition other : spec.containers()) {
      if (other.name().equals(name)) {
        continue;
      }
      boolean dependsOnThis = other.startDependencies().stream().anyMatch(d -> d.containerName().equals(name));
      ObservedContainer seen = observed.container(other.name());
      if (dependsOnThis && seen != null && seen.isRunning()) {
        return true;
      }
    }
    return false;
  }

  private static void signal(TaskEntity task, TaskSpec spec, ContainerEntity container, ObservedContainer seen,
      Instant now, List<TaskAction> actions) {
    if (container.stopSignalledAt == null) {
      container.stopSignalledAt = now;
      actions.add(new TaskAction.Signal(task.taskArn, seen.id(), "SIGTERM"));
      return;
    }
    ContainerDefinition definition = spec.container(container.name);
    Duration timeout = definition != null && definition.stopTimeout() != null
        ? Duration.ofSeconds(definition.stopTimeout()) : DEFAULT_STOP_TIMEOUT;
    boolean graceOver = !now.isBefore(container.stopSignalledAt.plus(timeout)) || noticeOver(task, now);
    boolean killDue = container.killedAt == null || !now.isBefore(container.killedAt.plus(KILL_RETRY));
    if (graceOver && killDue) {
      container.killedAt = now;
      actions.add(new TaskAction.Signal(task.taskArn, seen.id(), "SIGKILL"));
    }
  }

  // ---- health ---------------------------------------------------------------------------------

  /**
   * Task health from its essential containers that have health checks (§5.5): any UNHEALTHY makes
   * the task UNHEALTHY, any still UNKNOWN keeps it UNKNOWN, all HEALTHY makes it HEALTHY; with no
   * such container it is UNKNOWN. Essential containers without a check are ignored, as ECS does.
   */
  static String taskHealth(TaskEntity task) {
    boolean anyChecked = false;
    boolean anyUnknown = false;
    for (ContainerEntity container : task.containers) {
      if (!container.essential || !containerHasCheck(container)) {
        continue;
      }
      anyChecked = true;
      if (TaskStatus.UNHEALTHY.equals(container.healthStatus)) {
        return TaskStatus.UNHEALTHY;
      }
      anyUnknown |= !TaskStatus.HEALTHY.equals(container.healthStatus);
    }
    return !anyChecked || anyUnknown ? TaskStatus.UNKNOWN : TaskStatus.HEALTHY;
  }

  private static boolean containerHasCheck(ContainerEntity container) {
    return container.hasHealthCheck;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String shortId(String id) {
    return id == null ? "unknown" : id.substring(0, Math.min(12, id.length()));
  }

  private static String truncate(String reason) {
    return reason != null && reason.length() > 1024 ? reason.substring(0, 1021) + "..." : reason;
  }
}
