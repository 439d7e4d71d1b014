package io.ecsl.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.NetworkBinding;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which Cloud Map instances the ECS services' tasks should have, from a snapshot of the state
 * (integrations §3.1). Pure: the {@link ServiceDiscovery} stage applies the difference.
 *
 * <p>As ECS does, a task of a service deployment with {@code serviceRegistries} is an instance of
 * the registry's Cloud Map service while it runs (ACTIVATING or RUNNING, desired RUNNING), under its
 * task id, with the attributes ECS sets. Its health is the task's: healthy when every container
 * health check passes (or it has none). With {@code HealthCheckCustomConfig} an unhealthy task
 * stays registered as UNHEALTHY (ECS pushes the status); without it Cloud Map cannot carry health,
 * so the task is deregistered until healthy again (ECS replaces such a task anyway). A stopping
 * task is deregistered. The registries are those of the deployment (service revision) that started
 * the task, not the service's current ones: after an UpdateService that changes them, the old
 * deployment's tasks stay in the old Cloud Map service until they stop.
 */
public final class InstanceRegistrations {
  /** EMU: the address bridge and host tasks are registered at (the one container instance is this machine). */
  public static final String LOCAL_INSTANCE_ADDRESS = "127.0.0.1";

  private InstanceRegistrations() {}

  /** An instance the runtime keeps for a task. */
  public record Registration(String serviceId, String instanceId, String taskArn, Map<String, String> attributes,
      boolean healthy) {
    public String key() {
      return serviceId + "|" + instanceId;
    }
  }

  /**
   * @param cloudMapServices Cloud Map services by id (only registries the runtime holds are registered in)
   * @param networkMode the network mode of a task's definition
   */
  public static Map<String, Registration> desired(Collection<ServiceEntity> services, Collection<TaskEntity> tasks,
      Map<String, ObjectNode> cloudMapServices, Function<TaskEntity, String> networkMode) {
    Map<String, ServiceEntity> byName = new LinkedHashMap<>();
    for (ServiceEntity service : services) {
      byName.put(service.region + "|" + service.clusterArn + "|" + service.serviceName, service);
    }
    Map<String, Registration> out = new LinkedHashMap<>();
    for (TaskEntity task : tasks) {
      ServiceEntity service = task.serviceName == null ? null
          : byName.get(task.region + "|" + task.clusterArn + "|" + task.serviceName);
      if (service == null || !running(task)) {
        continue;
      }
      for (JsonNode registry : registries(task, service)) {
        String arn = Json.text(registry, "registryArn");
        ObjectNode cloudMapService = arn == null ? null : cloudMapServices.get(arn.substring(arn.lastIndexOf('/') + 1));
        if (cloudMapService == null) {
          continue;
        }
        Map<String, String> attributes = attributes(task, service, registry, networkMode.apply(task));
        if (attributes == null) {
          continue; // its address or port is not known yet: next pass
        }
        boolean healthy = healthy(task);
        if (!healthy && !cloudMapService.hasNonNull("HealthCheckCustomConfig")) {
          continue;
        }
        Registration registration = new Registration(Json.text(cloudMapService, "Id"), task.taskId, task.taskArn,
            attributes, healthy);
        out.put(registration.key(), registration);
      }
    }
    return out;
  }

  /**
   * The registries of the deployment (service revision) that started the task: an UpdateService
   * that changes {@code serviceRegistries} starts a new deployment whose tasks register in the new
   * registries, while the old deployment's tasks stay in the old ones until they stop (integrations
   * §3.1, §1). The service's current registries only for a task whose deployment recorded none
   * (state stored before deployments recorded them).
   */
  static JsonNode registries(TaskEntity task, ServiceEntity service) {
    DeploymentEntity deployment = task.deploymentId == null ? null : service.anyDeployment(task.deploymentId);
    JsonNode registries = deployment != null && deployment.serviceRegistries != null ? deployment.serviceRegistries
        : service.serviceRegistries;
    return registries == null ? Json.array() : registries;
  }

  private static boolean running(TaskEntity task) {
    return task.isActive() && !task.isStopping()
        && (TaskStatus.RUNNING.equals(task.lastStatus) || TaskStatus.ACTIVATING.equals(task.lastStatus));
  }

  /** Healthy once every container's health check passes; a task without checks is healthy when running. */
  static boolean healthy(TaskEntity task) {
    for (ContainerEntity container : task.containers) {
      if (container.hasHealthCheck && !TaskStatus.HEALTHY.equals(container.healthStatus)) {
        return false;
      }
    }
    return !TaskStatus.UNHEALTHY.equals(task.healthStatus);
  }

  /** ECS's instance attributes, or null while the task's address or port is unknown. */
  static Map<String, String> attributes(TaskEntity task, ServiceEntity service, JsonNode registry, String networkMode) {
    boolean awsvpc = "awsvpc".equals(networkMode);
    String address = awsvpc ? task.privateIpv4Address : LOCAL_INSTANCE_ADDRESS;
    if (address == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("AWS_INSTANCE_IPV4", address);
    Integer port = registry.hasNonNull("port") ? Integer.valueOf(registry.get("port").asInt()) : null;
    String containerName = Json.text(registry, "containerName");
    if (port == null && containerName != null && registry.hasNonNull("containerPort")) {
      int containerPort = registry.get("containerPort").asInt();
      port = awsvpc || "host".equals(networkMode) ? Integer.valueOf(containerPort) : hostPort(task, containerName,
          containerPort);
      if (port == null) {
        return null;
      }
    }
    if (port != null) {
      out.put("AWS_INSTANCE_PORT", Integer.toString(port));
    }
    if (task.availabilityZone != null) {
      out.put("AVAILABILITY_ZONE", task.availabilityZone);
    }
    out.put("REGION", task.region);
    out.put("ECS_CLUSTER_NAME", task.clusterName);
    out.put("ECS_SERVICE_NAME", service.serviceName);
    out.put("ECS_TASK_DEFINITION_FAMILY", family(task.taskDefinitionArn));
    return out;
  }

  private static Integer hostPort(TaskEntity task, String containerName, int containerPort) {
    ContainerEntity container = task.container(containerName);
    if (container != null) {
      for (NetworkBinding binding : container.networkBindings) {
        if (binding.containerPort() == containerPort && binding.hostPort() > 0) {
          return binding.hostPort();
        }
      }
    }
    return null;
  }

  static String family(String taskDefinitionArn) {
    String last = taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
    int colon = last.lastIndexOf(':');
    return colon < 0 ? last : last.substring(0, colon);
  }
}
