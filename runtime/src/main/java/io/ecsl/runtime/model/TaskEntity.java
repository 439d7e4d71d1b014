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
  /** RunTask's {@code referenceId}: kept, never shown (ECS uses it internally). */
  public String referenceId;
  public String launchType;
  public String capacityProviderName;
  public String platformFamily;

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
