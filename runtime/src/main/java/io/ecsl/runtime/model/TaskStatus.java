package io.ecsl.runtime.model;

/** Task {@code lastStatus} values and their order (ECS semantics §5.1). */
public final class TaskStatus {
  public static final String PROVISIONING = "PROVISIONING";
  public static final String PENDING = "PENDING";
  public static final String ACTIVATING = "ACTIVATING";
  public static final String RUNNING = "RUNNING";
  public static final String DEACTIVATING = "DEACTIVATING";
  public static final String STOPPING = "STOPPING";
  public static final String DEPROVISIONING = "DEPROVISIONING";
  public static final String STOPPED = "STOPPED";

  /** Task {@code stopCode} values. */
  public static final String TASK_FAILED_TO_START = "TaskFailedToStart";
  public static final String ESSENTIAL_CONTAINER_EXITED = "EssentialContainerExited";
  public static final String USER_INITIATED = "UserInitiated";
  public static final String SERVICE_SCHEDULER_INITIATED = "ServiceSchedulerInitiated";
  public static final String INFRASTRUCTURE_HEALTH = "InfrastructureHealth";
  public static final String SPOT_INTERRUPTION = "SpotInterruption";
  public static final String TERMINATION_NOTICE = "TerminationNotice";

  /** Health values for tasks and containers. */
  public static final String HEALTHY = "HEALTHY";
  public static final String UNHEALTHY = "UNHEALTHY";
  public static final String UNKNOWN = "UNKNOWN";

  private TaskStatus() {}

  /** True for the states before RUNNING (the task counts as pending). */
  public static boolean isPending(String lastStatus) {
    return PROVISIONING.equals(lastStatus) || PENDING.equals(lastStatus)
        || ACTIVATING.equals(lastStatus);
  }
}
