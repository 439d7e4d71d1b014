package io.ecsl.runtime.lifecycle;

/**
 * A side effect the lifecycle asks the engine to perform on the container backend. Actions are
 * idempotent, and {@link #key()} lets the engine run at most one of each at a time.
 */
public sealed interface TaskAction {
  String taskArn();

  /** Identifies the action so a second request while the first is running is dropped. */
  String key();

  /** Create the task's volumes and, for awsvpc, its network and pause container. */
  record Provision(String taskArn) implements TaskAction {
    public String key() {
      return "provision:" + taskArn;
    }
  }

  /** Make every image of the task present locally (pull what is missing). */
  record PullImages(String taskArn) implements TaskAction {
    public String key() {
      return "pull:" + taskArn;
    }
  }

  /**
   * Resolve the container's secrets and create it; {@code start} it right away when nothing has to
   * happen first (no dependencies), which saves a round trip per container.
   */
  record CreateContainer(String taskArn, String containerName, boolean start) implements TaskAction {
    public String key() {
      return "create:" + taskArn + ":" + containerName;
    }
  }

  record StartContainer(String taskArn, String containerName, String containerId) implements TaskAction {
    public String key() {
      return "start:" + taskArn + ":" + containerName;
    }
  }

  /** Send {@code signal} (SIGTERM, SIGKILL) to a container. */
  record Signal(String taskArn, String containerId, String signal) implements TaskAction {
    public String key() {
      return "signal:" + containerId + ":" + signal;
    }
  }

  /** Stop and remove the task's pause container once its containers have stopped. */
  record Deprovision(String taskArn) implements TaskAction {
    public String key() {
      return "deprovision:" + taskArn;
    }
  }
}
