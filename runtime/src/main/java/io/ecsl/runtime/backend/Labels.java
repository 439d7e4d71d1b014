package io.ecsl.runtime.backend;

/**
 * The labels on every Docker object the runtime creates. With them the runtime can always find,
 * adopt and clean up its objects, and rebuild its view of every task from Docker alone.
 *
 * <p>The {@code com.amazonaws.ecs.*} labels are the ones the real ECS agent sets, so tools that
 * read them work unchanged.
 */
public final class Labels {
  /** The runtime instance (one per data directory) that owns the object. */
  public static final String RUNTIME = "io.ecsl.runtime";
  public static final String CLUSTER = "io.ecsl.cluster";
  public static final String SERVICE = "io.ecsl.service";
  public static final String TASK = "io.ecsl.task";
  public static final String CONTAINER = "io.ecsl.container";
  /**
   * {@value #ROLE_APP} for task containers, {@value #ROLE_PAUSE} for awsvpc namespace owners,
   * {@value #ROLE_RELAY} for the metadata relay inside a bridge-mode container's namespace.
   */
  public static final String ROLE = "io.ecsl.role";
  public static final String ROLE_APP = "app";
  public static final String ROLE_PAUSE = "pause";
  public static final String ROLE_RELAY = "relay";
  /**
   * The absolute data directory of the runtime that created the object: how a runtime whose state
   * was lost still finds the containers of its previous instance.
   */
  public static final String DATA_DIR = "io.ecsl.data-dir";
  /** On volumes: {@code task} (removed with the task) or {@code shared}. */
  public static final String SCOPE = "io.ecsl.scope";

  public static final String ECS_CLUSTER = "com.amazonaws.ecs.cluster";
  public static final String ECS_TASK_ARN = "com.amazonaws.ecs.task-arn";
  public static final String ECS_CONTAINER_NAME = "com.amazonaws.ecs.container-name";
  public static final String ECS_FAMILY = "com.amazonaws.ecs.task-definition-family";
  public static final String ECS_REVISION = "com.amazonaws.ecs.task-definition-version";

  private Labels() {}
}
