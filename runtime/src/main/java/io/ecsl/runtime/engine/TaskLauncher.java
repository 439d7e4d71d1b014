package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates task records in PROVISIONING, for RunTask and for the service scheduler. A task is
 * written to the store before any container exists, so whatever Docker later holds for it can
 * always be traced back to a task (restart safety: no orphans, no duplicates).
 */
public final class TaskLauncher {
  private TaskLauncher() {}

  /** Who asked for the task and how (RunTask parameters or a service deployment). */
  public record Launch(
      String region,
      String clusterArn,
      String clusterName,
      String serviceName,
      String deploymentId,
      String group,
      String startedBy,
      String launchType,
      String capacityProviderName,
      JsonNode overrides,
      JsonNode networkConfiguration,
      boolean enableExecuteCommand,
      List<Tag> tags) {}

  public static TaskEntity create(Launch launch, ObjectNode taskDefinition, Instant now) {
    TaskSpec spec = TaskSpec.of(taskDefinition, launch.overrides());
    TaskEntity task = new TaskEntity();
    task.taskId = Ids.taskId();
    task.region = launch.region();
    task.clusterArn = launch.clusterArn();
    task.clusterName = launch.clusterName();
    task.taskArn = Arns.task(launch.region(), launch.clusterName(), task.taskId);
    task.taskDefinitionArn = Json.text(taskDefinition, "taskDefinitionArn");
    task.serviceName = launch.serviceName();
    task.deploymentId = launch.deploymentId();
    task.group = launch.group() != null ? launch.group()
        : launch.serviceName() != null ? "service:" + launch.serviceName() : "family:" + spec.family();
    task.startedBy = launch.startedBy();
    task.launchType = launch.launchType();
    task.capacityProviderName = launch.capacityProviderName();
    task.createdAt = now;
    task.cpu = spec.cpu();
    task.memory = spec.memory();
    task.overrides = launch.overrides();
    task.networkConfiguration = launch.networkConfiguration();
    task.enableExecuteCommand = launch.enableExecuteCommand();
    List<ContainerEntity> containers = new ArrayList<>();
    for (TaskSpec.ContainerDefinition definition : spec.containers()) {
      ContainerEntity container = new ContainerEntity();
      container.name = definition.name();
      container.image = definition.image();
      container.essential = definition.essential();
      container.hasHealthCheck = definition.hasHealthCheck();
      container.containerArn = Arns.container(launch.region(), launch.clusterName(), task.taskId, Ids.uuid());
      Integer cpu = Json.integer(definition.json(), "cpu");
      container.cpu = Integer.toString(cpu == null ? 0 : cpu);
      Integer memory = Json.integer(definition.json(), "memory");
      container.memory = memory == null ? null : memory.toString();
      Integer reservation = Json.integer(definition.json(), "memoryReservation");
      container.memoryReservation = reservation == null ? null : reservation.toString();
      containers.add(container);
    }
    task.containers = containers;
    if (spec.isAwsvpc()) {
      task.attachmentId = Ids.uuid();
    }
    return task;
  }
}
