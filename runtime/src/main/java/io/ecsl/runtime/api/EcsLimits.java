package io.ecsl.runtime.api;

/**
 * ECS's own limits on requests (ecs-semantics §2.3 and Appendix A), in one place for the runtime.
 *
 * <p>The names follow the shared table the {@code ecsl-facts} module is introducing
 * ({@code io.ecsl.facts.limits.EcsLimit}); once that module is on main, these constants become
 * references to it, so the compiler's rules and the runtime read the same numbers.
 */
public final class EcsLimits {
  /** A task definition's JSON, as registered (ECS: "the maximum size of a task definition is 64 KiB"). */
  public static final int TASK_DEFINITION_BYTES = 64 * 1024;
  public static final int CONTAINERS_PER_TASK_DEFINITION = 10;
  /** Names of families, containers, clusters, services, capacity providers and volumes: 1-255 characters. */
  public static final int NAME_LENGTH = 255;
  public static final int TAGS_PER_RESOURCE = 50;
  public static final int TAG_KEY_LENGTH = 128;
  public static final int TAG_VALUE_LENGTH = 256;
  public static final int TASKS_PER_RUN_TASK = 10;
  /** The task definition's constraints and the service's or RunTask's together. */
  public static final int PLACEMENT_CONSTRAINTS_PER_TASK = 10;
  public static final int PLACEMENT_STRATEGIES_PER_TASK = 5;
  public static final int CAPACITY_PROVIDERS_PER_STRATEGY = 20;
  public static final int SUBNETS_PER_AWSVPC_CONFIGURATION = 16;
  public static final int SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION = 5;
  public static final int TARGET_GROUPS_PER_SERVICE = 5;
  public static final int SERVICES_PER_DESCRIBE = 10;
  public static final int TASKS_PER_DESCRIBE = 100;
  public static final int CLUSTERS_PER_DESCRIBE = 100;
  /** EC2 and EXTERNAL task-level CPU units (the 2026 model; Fargate has its own sizes). */
  public static final int TASK_CPU_UNITS_MAX = 196_608;
  /** Task-level memory in MiB: ECS takes any positive whole number that fits its 32-bit field. */
  public static final long TASK_MEMORY_MIB_MAX = Integer.MAX_VALUE;

  private EcsLimits() {}
}
