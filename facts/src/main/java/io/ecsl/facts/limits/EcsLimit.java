package io.ecsl.facts.limits;

/**
 * ECS's numeric limits: the quotas (ecs-semantics Appendix A; the defaults, where a quota can be
 * raised), the counts and sizes of §2.3, and the value ranges the API states. Each has a name,
 * so the compiler's rules and the runtime's checks refer to the same number.
 *
 * <p>Where older documentation disagrees (32 KiB task definitions, 6 providers per strategy, 4
 * placement strategies), the current API model wins; EventBridge targets still take 6 providers
 * and have their own entry.
 */
public enum EcsLimit implements Limit {
  // Task definitions (§2.3)
  CONTAINERS_PER_TASK_DEFINITION(1, 10, "containers per task definition", false),
  TASK_DEFINITION_BYTES(0, 64 * 1024, "bytes of task definition JSON", false),
  REVISIONS_PER_FAMILY(1, 1_000_000, "revisions per task definition family", false),
  /** Task-level cpu on EC2 and EXTERNAL (§2.2, the 2026 model); Fargate takes its own sizes. */
  TASK_CPU_UNITS(128, 196_608, "task-level CPU units on EC2 or EXTERNAL", false),
  EPHEMERAL_STORAGE_GIB(21, 200, "GiB of Fargate ephemeral storage", false),
  ENVIRONMENT_FILES_PER_CONTAINER(0, 10, "environment files per container", false),
  CREDENTIAL_SPECS_PER_CONTAINER(0, 1, "credential specs per container", false),
  IGNORED_EXIT_CODES_PER_RESTART_POLICY(0, 50, "ignored exit codes per restart policy", false),
  PORT_RANGES_PER_CONTAINER(0, 100, "container port ranges per container", false),

  // Placement (§3.5)
  /** Counts the task definition's constraints and the service's or RunTask's together. */
  PLACEMENT_CONSTRAINTS_PER_TASK(0, 10, "placement constraints per task", false),
  PLACEMENT_STRATEGIES_PER_TASK(0, 5, "placement strategies per service or task", false),
  PLACEMENT_EXPRESSION_LENGTH(0, 2000, "characters in a placement constraint expression", false),

  // Capacity providers (§4.3)
  CAPACITY_PROVIDERS_PER_CLUSTER(0, 20, "capacity providers per cluster", false),
  CAPACITY_PROVIDERS_PER_STRATEGY(0, 20, "capacity providers per strategy", false),
  /** EventBridge and EventBridge Scheduler {@code EcsParameters} still cap a strategy at 6. */
  CAPACITY_PROVIDERS_PER_EVENTBRIDGE_STRATEGY(0, 6, "capacity providers per EventBridge target strategy", false),
  STRATEGY_WEIGHT(0, 1000, "capacity provider weight", false),
  STRATEGY_BASE(0, 100_000, "capacity provider base", false),

  // Services and tasks (Appendix A)
  TASKS_PER_SERVICE(0, 5000, "tasks per service", true),
  /** A service registered in Cloud Map (service discovery or Service Connect). */
  TASKS_PER_SERVICE_WITH_CLOUD_MAP(0, 1000, "tasks per service registered in Cloud Map", false),
  SERVICES_PER_CLUSTER(0, 5000, "services per cluster", true),
  CLUSTERS_PER_REGION(0, 10_000, "clusters per account and Region", true),
  CONTAINER_INSTANCES_PER_CLUSTER(0, 5000, "container instances per cluster", false),
  TASKS_PER_RUN_TASK(1, 10, "tasks per RunTask call", false),
  CONTAINER_INSTANCES_PER_START_TASK(1, 10, "container instances per StartTask call", false),
  PROVISIONING_TASKS_PER_CLUSTER(0, 300, "tasks in PROVISIONING per cluster", false),
  TASK_LAUNCHES_PER_MINUTE_PER_SERVICE(0, 500, "tasks a service launches per minute", true),
  SERVICE_EVENTS_RETURNED(0, 100, "service events DescribeServices returns", false),
  SUBNETS_PER_AWSVPC_CONFIGURATION(1, 16, "subnets per awsvpc configuration", false),
  SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION(0, 5, "security groups per awsvpc configuration", false),
  TARGET_GROUPS_PER_SERVICE(0, 5, "target groups per service", false),
  CLASSIC_LOAD_BALANCERS_PER_SERVICE(0, 1, "Classic Load Balancers per service", false),
  RESERVED_PORTS_PER_CONTAINER_INSTANCE(0, 100, "reserved host ports per container instance", false),

  // Tags (§2.3)
  TAGS_PER_RESOURCE(0, 50, "tags per resource", false),
  TAG_KEY_LENGTH(1, 128, "characters in a tag key", false),
  TAG_VALUE_LENGTH(0, 256, "characters in a tag value", false);

  private final Range range;

  EcsLimit(long min, long max, String counts, boolean adjustable) {
    this.range = new Range(min, max, counts, adjustable);
  }

  @Override
  public Range range() {
    return range;
  }
}
