package io.ecsl.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.ContainerSpecFactory;
import io.ecsl.runtime.lifecycle.DockerNames;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.NetworkBinding;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.model.TaskStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;

/**
 * The task metadata endpoint's documents, with the agent's field names
 * ({@code ecs-runtime-integrations.md} §4.3): a container ({@code ${ECS_CONTAINER_METADATA_URI_V4}})
 * and its task ({@code .../task}). Pure: the stored task, its definition and the containers Docker
 * reports.
 */
public final class MetadataDocuments {
  private MetadataDocuments() {}

  /** One task as the endpoint sees it: what the runtime stores and what Docker reports now. */
  public record TaskView(TaskEntity task, TaskSpec spec, List<ObservedContainer> observed) {
    ObservedContainer observed(String containerName) {
      for (ObservedContainer container : observed) {
        if (containerName.equals(container.label(Labels.CONTAINER))
            && Labels.ROLE_APP.equals(container.label(Labels.ROLE))) {
          return container;
        }
      }
      return null;
    }

    ObservedContainer pause() {
      for (ObservedContainer container : observed) {
        if (Labels.ROLE_PAUSE.equals(container.label(Labels.ROLE))) {
          return container;
        }
      }
      return null;
    }
  }

  public static ObjectNode task(TaskView view, String instanceId) {
    TaskEntity task = view.task();
    TaskSpec spec = view.spec();
    ObjectNode out = Json.object();
    out.put("Cluster", task.clusterArn);
    out.put("TaskARN", task.taskArn);
    out.put("Family", spec.family());
    out.put("Revision", Integer.toString(spec.revision()));
    out.put("DesiredStatus", agentTaskStatus(task.desiredStatus));
    out.put("KnownStatus", agentTaskStatus(task.lastStatus));
    ArrayNode containers = out.putArray("Containers");
    for (ContainerEntity container : task.containers) {
      containers.add(container(view, container.name, instanceId));
    }
    OptionalLong cpu = task.cpu == null ? OptionalLong.empty() : TaskSize.cpuUnits(task.cpu);
    OptionalLong memory = task.memory == null ? OptionalLong.empty() : TaskSize.memoryMiB(task.memory);
    if (cpu.isPresent() || memory.isPresent()) {
      ObjectNode limits = out.putObject("Limits");
      if (cpu.isPresent()) {
        limits.put("CPU", cpu.getAsLong() / (double) TaskSize.UNITS_PER_VCPU);
      }
      if (memory.isPresent()) {
        limits.put("Memory", memory.getAsLong());
      }
    }
    putTime(out, "PullStartedAt", task.pullStartedAt);
    putTime(out, "PullStoppedAt", task.pullStoppedAt);
    putTime(out, "ExecutionStoppedAt", task.executionStoppedAt);
    out.put("AvailabilityZone", task.region + "a");
    out.put("LaunchType", task.launchType == null ? "EC2" : task.launchType);
    if (task.serviceName != null) {
      out.put("ServiceName", task.serviceName);
    }
    if (task.group != null) {
      out.put("Group", task.group);
    }
    if ("FARGATE".equals(task.launchType)) {
      // EMU: the local clock is the host's; there is no task ephemeral storage to measure.
      ObjectNode drift = out.putObject("ClockDrift");
      drift.put("ClockErrorBound", 0.0);
      drift.put("ReferenceTimestamp", time(task.startedAt != null ? task.startedAt : task.createdAt));
      drift.put("ClockSynchronizationStatus", "SYNCHRONIZED");
    }
    out.put("FaultInjectionEnabled", false);
    return out;
  }

  /** The container document, or null when the task has no container of that name. */
  public static ObjectNode container(TaskView view, String containerName, String instanceId) {
    TaskEntity task = view.task();
    TaskSpec spec = view.spec();
    ContainerEntity container = task.container(containerName);
    TaskSpec.ContainerDefinition definition = spec.container(containerName);
    if (container == null || definition == null) {
      return null;
    }
    ObservedContainer observed = view.observed(containerName);
    ObjectNode out = Json.object();
    out.put("DockerId", container.runtimeId != null ? container.runtimeId : observed != null ? observed.id() : "");
    out.put("Name", containerName);
    out.put("DockerName", DockerNames.container(spec, containerName, task));
    out.put("Image", container.image);
    if (container.imageDigest != null) {
      out.put("ImageID", container.imageDigest);
    }
    if (!container.networkBindings.isEmpty()) {
      ArrayNode ports = out.putArray("Ports");
      for (NetworkBinding binding : container.networkBindings) {
        ports.addObject()
            .put("ContainerPort", binding.containerPort())
            .put("Protocol", binding.protocol())
            .put("HostPort", binding.hostPort())
            .put("HostIp", binding.bindIP());
      }
    }
    ObjectNode labels = out.putObject("Labels");
    ContainerSpecFactory.taskLabels(task, spec, instanceId).forEach((key, value) -> {
      if (key.startsWith("com.amazonaws.ecs.")) {
        labels.put(key, value);
      }
    });
    labels.put("com.amazonaws.ecs.container-name", containerName);
    out.put("DesiredStatus", task.isActive() ? "RUNNING" : "STOPPED");
    out.put("KnownStatus", agentContainerStatus(container));
    if (container.exitCode != null) {
      out.put("ExitCode", container.exitCode);
    }
    ObjectNode limits = out.putObject("Limits");
    Integer cpu = Json.integer(definition.json(), "cpu");
    limits.put("CPU", cpu == null || cpu < 2 ? 2 : cpu);
    Integer memory = Json.integer(definition.json(), "memory");
    if (memory == null && task.memory != null) {
      OptionalLong taskMemory = TaskSize.memoryMiB(task.memory);
      memory = taskMemory.isPresent() ? (int) taskMemory.getAsLong() : null;
    }
    if (memory != null) {
      limits.put("Memory", memory);
    }
    putTime(out, "CreatedAt", task.pullStoppedAt);
    putTime(out, "StartedAt", container.startedAt);
    if (container.hasStopped()) {
      putTime(out, "FinishedAt", task.executionStoppedAt != null ? task.executionStoppedAt : task.stoppingAt);
    }
    out.put("Type", "NORMAL");
    out.set("Networks", networks(view, observed));
    if (container.hasHealthCheck) {
      ObjectNode health = out.putObject("Health");
      health.put("status", container.healthStatus);
    }
    JsonNode log = definition.json().path("logConfiguration");
    if (log.has("logDriver")) {
      out.put("LogDriver", Json.text(log, "logDriver"));
      ObjectNode options = out.putObject("LogOptions");
      Json.stringMap(log, "options").forEach(options::put);
    }
    if (container.containerArn != null) {
      out.put("ContainerARN", container.containerArn);
    }
    return out;
  }

  private static ArrayNode networks(TaskView view, ObservedContainer observed) {
    ArrayNode networks = Json.array();
    String mode = view.spec().networkMode();
    ObjectNode network = networks.addObject();
    network.put("NetworkMode", mode);
    ArrayNode addresses = network.putArray("IPv4Addresses");
    if ("awsvpc".equals(mode)) {
      if (view.task().privateIpv4Address != null) {
        addresses.add(view.task().privateIpv4Address);
      }
      network.put("AttachmentIndex", 0);
      ObservedContainer pause = view.pause();
      if (view.task().privateIpv4Address == null && pause != null) {
        pause.ipAddresses().values().forEach(addresses::add);
      }
      network.put("PrivateDNSName", "ip-" + String.valueOf(view.task().privateIpv4Address).replace('.', '-')
          + "." + view.task().region + ".compute.internal");
    } else if (observed != null && !"host".equals(mode) && !"none".equals(mode)) {
      observed.ipAddresses().values().forEach(addresses::add);
    }
    return networks;
  }

  /** ECS task statuses as the agent spells them (NONE, CREATED, RUNNING, STOPPED). */
  static String agentTaskStatus(String status) {
    return switch (status) {
      case TaskStatus.RUNNING, TaskStatus.STOPPING, TaskStatus.DEPROVISIONING -> "RUNNING";
      case TaskStatus.STOPPED -> "STOPPED";
      case TaskStatus.PENDING -> "CREATED";
      default -> "NONE";
    };
  }

  private static String agentContainerStatus(ContainerEntity container) {
    if (container.hasStopped()) {
      return "STOPPED";
    }
    if (TaskStatus.RUNNING.equals(container.lastStatus)) {
      return "RUNNING";
    }
    return container.runtimeId != null ? "CREATED" : "NONE";
  }

  private static void putTime(ObjectNode out, String field, Instant instant) {
    if (instant != null) {
      out.put(field, time(instant));
    }
  }

  /** RFC 3339 with nanoseconds, as Go's time marshalling writes it. */
  static String time(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
