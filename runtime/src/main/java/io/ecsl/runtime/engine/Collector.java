package io.ecsl.runtime.engine;

import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.lifecycle.TaskObservation;
import io.ecsl.runtime.model.TaskEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes what no longer has a reason to exist: containers labelled as the runtime's that belong
 * to no task (left over from a task already collected), pause containers of stopped tasks, and
 * stopped tasks themselves (containers, task volumes and record) once their retention is over or
 * their group keeps too many, or at once when their cluster was deleted (nothing can describe them
 * then, and `ecsl destroy` should leave no container behind). Callers hold the state lock; the
 * removals run as actions.
 */
final class Collector {
  private final RuntimeState state;
  private final ContainerBackend backend;
  private final ActionRunner runner;
  private final TaskActions taskActions;
  private final ControlPlane.Options options;

  Collector(RuntimeState state, ContainerBackend backend, ActionRunner runner, TaskActions taskActions,
      ControlPlane.Options options) {
    this.state = state;
    this.backend = backend;
    this.runner = runner;
    this.taskActions = taskActions;
    this.options = options;
  }

  /** Queues the removals due now onto {@code dispatch}. */
  void collect(Map<String, TaskObservation> byTask, List<ObservedContainer> observed, Instant now,
      List<Runnable> dispatch) {
    Map<String, TaskEntity> tasksById = new HashMap<>();
    state.tasks.values().forEach(t -> tasksById.put(t.taskId, t));
    for (ObservedContainer container : observed) {
      String taskId = container.label(Labels.TASK);
      TaskEntity task = taskId == null ? null : tasksById.get(taskId);
      if (task == null) {
        // Labelled as ours but no task record: left over from a task already collected. Remove.
        dispatch.add(() -> runner.submit("remove:" + container.id(), () -> backend.removeContainer(container.id())));
      } else if (task.isStopped() && Labels.ROLE_PAUSE.equals(container.label(Labels.ROLE))) {
        // A pause container created while its task was already stopping (the Provision action
        // raced the stop): it holds nothing worth keeping.
        dispatch.add(() -> runner.submit("remove:" + container.id(), () -> backend.removeContainer(container.id())));
      } else if (task.isStopped() && container.isRunning()) {
        // Started by an action that raced the stop; its logs stay until the task is collected.
        dispatch.add(() -> runner.submit("kill:" + container.id(), () -> backend.signal(container.id(), "SIGKILL")));
      }
    }
    Map<String, List<TaskEntity>> stoppedByGroup = new HashMap<>();
    for (TaskEntity task : state.tasks.values()) {
      if (task.isStopped()) {
        stoppedByGroup.computeIfAbsent(task.clusterArn + "/" + task.group, k -> new ArrayList<>()).add(task);
      }
    }
    for (List<TaskEntity> group : stoppedByGroup.values()) {
      boolean clusterDeleted = clusterDeleted(group.get(0).clusterArn);
      group.sort(Comparator.comparing((TaskEntity t) -> t.stoppedAt, Comparator.nullsLast(Comparator.reverseOrder())));
      for (int i = 0; i < group.size(); i++) {
        TaskEntity task = group.get(i);
        boolean expired = task.stoppedAt != null && task.stoppedAt.plus(options.stoppedTaskRetention()).isBefore(now);
        if (expired || clusterDeleted || i >= options.stoppedTasksKeptPerGroup()) {
          List<String> containerIds = new ArrayList<>();
          TaskObservation seen = byTask.get(task.taskId);
          if (seen != null) {
            seen.containers().values().forEach(c -> containerIds.add(c.id()));
          }
          String arn = task.taskArn;
          dispatch.add(() -> runner.submit("collect:" + arn, () -> {
            taskActions.removeTask(task, containerIds);
            state.atomically(() -> {
              state.tasks.remove(arn);
              state.deleteTags(arn);
            });
          }));
        }
      }
    }
  }

  /** True when the cluster was deleted (DeleteCluster keeps it, INACTIVE). */
  private boolean clusterDeleted(String clusterArn) {
    var cluster = state.clusters.get(clusterArn);
    return cluster != null && "INACTIVE".equals(cluster.path("status").asText());
  }
}
