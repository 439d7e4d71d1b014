package io.ecsl.runtime.lifecycle;

import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;

/**
 * The deterministic names of the Docker objects a task uses. Deterministic names make creation
 * idempotent: after a crash the runtime re-issues a create, and the engine answers with the
 * container that already exists instead of making a duplicate.
 */
public final class DockerNames {
  private DockerNames() {}

  /** {@code ecsl-<family>-<revision>-<container>-<task id>}, like the agent's {@code ecs-...} names. */
  public static String container(TaskSpec spec, String containerName, String taskId) {
    return "ecsl-" + spec.family() + "-" + spec.revision() + "-" + containerName + "-" + taskId;
  }

  public static String container(TaskSpec spec, String containerName, TaskEntity task) {
    return container(spec, containerName, task.taskId);
  }

  /** The awsvpc namespace owner of a task. */
  public static String pause(String taskId) {
    return "ecsl-pause-" + taskId;
  }

  /** What the names of a task's relays start with. */
  public static String relayPrefix(String taskId) {
    return "ecsl-relay-" + taskId + "-";
  }

  /** The metadata relay in the namespace of a bridge-mode container (one per Docker container). */
  public static String relay(String taskId, String containerName, String containerId) {
    return relayPrefix(taskId) + containerName.replaceAll("[^a-zA-Z0-9_.-]", "-") + "-"
        + containerId.substring(0, Math.min(12, containerId.length()));
  }

  /** The bridge network awsvpc tasks of one cluster attach to (so tasks reach each other by IP). */
  public static String clusterNetwork(String instanceId, String clusterName) {
    return "ecsl-" + instanceId + "-" + clusterName;
  }

  /** A volume that lives and dies with one task. */
  public static String taskVolume(String taskId, String volumeName) {
    return "ecsl-" + taskId + "-" + volumeName;
  }

  /** The local stand-in for an EFS file system: one shared named volume per file system id. */
  public static String efsVolume(String fileSystemId) {
    return "ecsl-efs-" + fileSystemId;
  }
}
