package io.ecsl.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one task: the fields DescribeTasks returns plus the lifecycle's bookkeeping
 * (whether the task's resources are provisioned, images pulled, cleanup done).
 *
 * <p>A plain mutable state holder serialized to the store as one JSON document. The pure lifecycle
 * step never edits its input: it edits a {@link #copy()} and returns it.
 */
public final class TaskEntity {
  public String taskArn;
  public String taskId;
  public String region;
  public String clusterArn;
  public String clusterName;
  public String taskDefinitionArn;
  /** The service that owns the task, or null for a standalone (RunTask) task. */
  public String serviceName;
  /** The service deployment the task belongs to (also its {@code startedBy}). */
  public String deploymentId;
  public String group;
  public String startedBy;
  /** The Managed Daemon whose task this is on its instance, or null (integrations §7.4). */
  public String daemonArn;
  /** The daemon revision the task runs (a daemon deployment replaces instances until all run its target). */
  public String daemonRevisionArn;
  /** RunTask's {@code referenceId}: kept, never shown (ECS uses it internally). */
  public String referenceId;
  public String launchType;
  public String capacityProviderName;
  public String platformFamily;
  /** The container instance the task was placed on (EC2 and Auto Scaling group capacity), or null. */
  public String containerInstanceArn;
  /** The Availability Zone it runs in: its instance's, or for Fargate the EMU default. */
  public String availabilityZone;

  public String lastStatus = TaskStatus.PROVISIONING;
  public String desiredStatus = TaskStatus.RUNNING;
  public String healthStatus = TaskStatus.UNKNOWN;
  public String stopCode;
  public String stoppedReason;
  public String connectivity;

  public Instant createdAt;
  public Instant pullStartedAt;
  public Instant pullStoppedAt;
  public Instant startedAt;
  public Instant connectivityAt;
  public Instant stoppingAt;
  public Instant executionStoppedAt;
  public Instant stoppedAt;
  /** When the task was first counted healthy (resets the circuit breaker, §3.4). */
  public Instant firstHealthyAt;
  public long version = 1;

  public String cpu;
  public String memory;
  public JsonNode overrides;
  public JsonNode networkConfiguration;
  public boolean enableExecuteCommand;
  public List<ContainerEntity> containers = new ArrayList<>();

  // Lifecycle bookkeeping (not part of the API shape).
  public boolean provisioned;
  public boolean imagesReady;
  public boolean deprovisioned;
  public String pauseContainerId;
  public String privateIpv4Address;
  public String attachmentId;
  /** Set when the task was stopped by the service scheduler because it failed health checks. */
  public boolean replacedAsUnhealthy;
  /** Set once the service scheduler has accounted for this task's stop (failures, events). */
  public boolean accountedByService;
  /** What the task takes from its container instance until it stops (ECS's accounting). */
  public int reservedCpu;
  public int reservedMemory;
  public List<Integer> reservedTcpPorts = new ArrayList<>();
  public List<Integer> reservedUdpPorts = new ArrayList<>();
  /** Where its published ports listen: its instance's loopback address (null: 127.0.0.1). */
  public String hostIp;
  /**
   * Waiting in PROVISIONING for an instance of its capacity provider (managed scaling is
   * launching one); nothing of it exists on Docker yet.
   */
  public boolean awaitingCapacity;
  /** RunTask's placement constraints and strategies (a task waiting for capacity is placed with them later). */
  public JsonNode placementConstraints;
  public JsonNode placementStrategy;
  /** When a FARGATE_SPOT interruption notice reached the task; it is killed once the notice ends. */
  public Instant spotInterruptionDeadline;

  // Load balancing (ecs-runtime-integrations §2.4), kept by io.ecsl.runtime.loadbalancing.
  /** The task's service puts it in target groups: it is ACTIVATING until registered, DEACTIVATING until drained. */
  public boolean loadBalanced;
  /** Registered in every target group of its service. */
  public boolean elbRegistered;
  /** Its targets ({@code targetGroupArn|id|port}) while registered or draining. */
  public List<String> elbTargets = new ArrayList<>();
  /** Deregistered, and its targets have finished draining: the stop may proceed to SIGTERM. */
  public boolean elbDrained;
  /** Its health across its target groups: HEALTHY when healthy in all, UNHEALTHY when unhealthy in one, else UNKNOWN. */
  public String elbHealth;
  /** The target group the task is unhealthy in, for the scheduler's stop reason. */
  public String elbUnhealthyIn;

  public TaskEntity copy() {
    return Json.copy(this, TaskEntity.class);
  }

  public ContainerEntity container(String name) {
    for (ContainerEntity container : containers) {
      if (container.name.equals(name)) {
        return container;
      }
    }
    return null;
  }

  public boolean isStopped() {
    return TaskStatus.STOPPED.equals(lastStatus);
  }

  /** True while the task should run: not asked to stop and not stopped. */
  public boolean isActive() {
    return TaskStatus.RUNNING.equals(desiredStatus) && !isStopped();
  }

  /** True when asked to stop but not yet stopped. */
  public boolean isStopping() {
    return TaskStatus.STOPPED.equals(desiredStatus) && !isStopped();
  }
}
