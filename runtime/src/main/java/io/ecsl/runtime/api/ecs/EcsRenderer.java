package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.capacity.CapacityStrategy;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.NetworkBinding;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.ServiceEvent;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.store.Tag;
import java.util.List;

/** Renders stored entities in the ECS API's shapes, with the model's exact member names. */
final class EcsRenderer {
  private final RuntimeState state;

  EcsRenderer(RuntimeState state) {
    this.state = state;
  }

  static ArrayNode tags(List<Tag> tags) {
    ArrayNode out = Json.array();
    for (Tag tag : tags) {
      out.addObject().put("key", tag.key()).put("value", tag.value());
    }
    return out;
  }

  ArrayNode tagsOf(String arn) {
    return tags(state.tags(arn));
  }

  // ---- clusters -------------------------------------------------------------------------------

  ObjectNode cluster(ObjectNode stored, List<String> include) {
    String arn = Json.text(stored, "clusterArn");
    int[] running = new int[2];
    int[] pending = new int[2];
    for (TaskEntity task : state.tasks.values()) {
      if (task.clusterArn.equals(arn) && task.isActive()) {
        int kind = "FARGATE".equals(task.launchType) ? 1 : 0;
        if (TaskStatus.RUNNING.equals(task.lastStatus)) {
          running[kind]++;
        } else if (TaskStatus.isPending(task.lastStatus)) {
          pending[kind]++;
        }
      }
    }
    int[] activeServices = new int[2];
    int[] drainingServices = new int[2];
    for (ServiceEntity service : state.services.values()) {
      if (!service.clusterArn.equals(arn)) {
        continue;
      }
      int kind = fargate(service) ? 1 : 0;
      if (ServiceEntity.ACTIVE.equals(service.status)) {
        activeServices[kind]++;
      } else if (ServiceEntity.DRAINING.equals(service.status)) {
        drainingServices[kind]++;
      }
    }
    int instances = 0;
    for (ContainerInstanceEntity instance : state.containerInstances.values()) {
      if (instance.clusterArn.equals(arn) && instance.isRegistered()) {
        instances++;
      }
    }
    ObjectNode out = Json.object();
    out.put("clusterArn", arn);
    out.put("clusterName", Json.text(stored, "clusterName"));
    if (include.contains("CONFIGURATIONS") && stored.has("configuration")) {
      out.set("configuration", stored.get("configuration"));
    }
    out.put("status", Json.text(stored, "status"));
    out.put("registeredContainerInstancesCount", instances);
    out.put("runningTasksCount", running[0] + running[1]);
    out.put("pendingTasksCount", pending[0] + pending[1]);
    out.put("activeServicesCount", activeServices[0] + activeServices[1]);
    if (include.contains("STATISTICS")) {
      ArrayNode statistics = out.putArray("statistics");
      statistic(statistics, "runningEC2TasksCount", running[0]);
      statistic(statistics, "runningFargateTasksCount", running[1]);
      statistic(statistics, "pendingEC2TasksCount", pending[0]);
      statistic(statistics, "pendingFargateTasksCount", pending[1]);
      statistic(statistics, "activeEC2ServiceCount", activeServices[0]);
      statistic(statistics, "activeFargateServiceCount", activeServices[1]);
      statistic(statistics, "drainingEC2ServiceCount", drainingServices[0]);
      statistic(statistics, "drainingFargateServiceCount", drainingServices[1]);
    }
    if (include.contains("TAGS")) {
      out.set("tags", tagsOf(arn));
    }
    if (include.contains("SETTINGS")) {
      out.set("settings", stored.path("settings").deepCopy());
    }
    out.set("capacityProviders", stored.path("capacityProviders").deepCopy());
    out.set("defaultCapacityProviderStrategy", stored.path("defaultCapacityProviderStrategy").deepCopy());
    if (include.contains("ATTACHMENTS")) {
      out.putArray("attachments");
    }
    if (stored.has("serviceConnectDefaults")) {
      out.set("serviceConnectDefaults", stored.get("serviceConnectDefaults"));
    }
    return out;
  }

  private static void statistic(ArrayNode statistics, String name, int value) {
    statistics.addObject().put("name", name).put("value", Integer.toString(value));
  }

  /** A service on Fargate: its launch type, or a strategy of FARGATE and FARGATE_SPOT. */
  private static boolean fargate(ServiceEntity service) {
    if (service.launchType != null) {
      return "FARGATE".equals(service.launchType);
    }
    JsonNode strategy = service.capacityProviderStrategy;
    return strategy != null && strategy.isArray() && !strategy.isEmpty()
        && CapacityStrategy.of(strategy).fargate();
  }

  /** CreateCluster/UpdateCluster/DeleteCluster return the full cluster, settings and configuration included. */
  ObjectNode clusterFull(ObjectNode stored) {
    return cluster(stored, List.of("CONFIGURATIONS", "SETTINGS", "TAGS"));
  }

  // ---- services -------------------------------------------------------------------------------

  ObjectNode service(ServiceEntity service, boolean includeTags) {
    List<TaskEntity> tasks = state.tasks.values().stream()
        .filter(t -> service.serviceName.equals(t.serviceName) && service.clusterArn.equals(t.clusterArn))
        .toList();
    ObjectNode out = Json.object();
    out.put("serviceArn", service.serviceArn);
    out.put("serviceName", service.serviceName);
    out.put("clusterArn", service.clusterArn);
    Json.putIfPresent(out, "loadBalancers", orEmptyArray(service.loadBalancers));
    Json.putIfPresent(out, "serviceRegistries", orEmptyArray(service.serviceRegistries));
    out.put("status", service.status);
    out.put("desiredCount", service.desiredCount);
    out.put("runningCount", count(tasks, null, true));
    out.put("pendingCount", count(tasks, null, false));
    Json.putIfPresent(out, "launchType", service.launchType);
    Json.putIfPresent(out, "capacityProviderStrategy", service.capacityProviderStrategy);
    Json.putIfPresent(out, "platformVersion", service.platformVersion);
    Json.putIfPresent(out, "platformFamily", service.platformFamily);
    out.put("taskDefinition", service.taskDefinition);
    out.set("deploymentConfiguration", service.deploymentConfiguration);
    ArrayNode deployments = out.putArray("deployments");
    for (DeploymentEntity deployment : service.deployments) {
      deployments.add(deployment(deployment, tasks, service));
    }
    Json.putIfPresent(out, "roleArn", service.roleArn);
    ArrayNode events = out.putArray("events");
    for (ServiceEvent event : service.events) {
      ObjectNode rendered = events.addObject();
      rendered.put("id", event.id());
      rendered.set("createdAt", Json.timestamp(event.createdAt()));
      rendered.put("message", event.message());
    }
    Json.putIfPresent(out, "createdAt", service.createdAt);
    Json.putIfPresent(out, "placementConstraints", orEmptyArray(service.placementConstraints));
    Json.putIfPresent(out, "placementStrategy", orEmptyArray(service.placementStrategy));
    Json.putIfPresent(out, "networkConfiguration", service.networkConfiguration);
    Json.putIfPresent(out, "healthCheckGracePeriodSeconds", service.healthCheckGracePeriodSeconds);
    out.put("schedulingStrategy", service.schedulingStrategy);
    Json.putIfPresent(out, "deploymentController", service.deploymentController);
    if (includeTags) {
      out.set("tags", tagsOf(service.serviceArn));
    }
    Json.putIfPresent(out, "createdBy", service.createdBy);
    out.put("enableECSManagedTags", service.enableECSManagedTags);
    Json.putIfPresent(out, "propagateTags", service.propagateTags);
    out.put("enableExecuteCommand", service.enableExecuteCommand);
    Json.putIfPresent(out, "availabilityZoneRebalancing", service.availabilityZoneRebalancing);
    return out;
  }

  private ObjectNode deployment(DeploymentEntity deployment, List<TaskEntity> tasks, ServiceEntity service) {
    ObjectNode out = Json.object();
    out.put("id", deployment.id);
    out.put("status", deployment.status);
    out.put("taskDefinition", deployment.taskDefinition);
    int running = count(tasks, deployment.id, true);
    int pending = count(tasks, deployment.id, false);
    out.put("desiredCount", deployment.isPrimary() ? service.desiredCount : running + pending);
    out.put("pendingCount", pending);
    out.put("runningCount", running);
    out.put("failedTasks", deployment.failedTasks);
    Json.putIfPresent(out, "createdAt", deployment.createdAt);
    Json.putIfPresent(out, "updatedAt", deployment.updatedAt);
    Json.putIfPresent(out, "capacityProviderStrategy", deployment.capacityProviderStrategy);
    Json.putIfPresent(out, "launchType", deployment.launchType);
    Json.putIfPresent(out, "platformVersion", deployment.platformVersion);
    Json.putIfPresent(out, "platformFamily", deployment.platformFamily);
    Json.putIfPresent(out, "networkConfiguration", deployment.networkConfiguration);
    out.put("rolloutState", deployment.rolloutState);
    Json.putIfPresent(out, "rolloutStateReason", deployment.rolloutStateReason);
    Json.putIfPresent(out, "serviceConnectConfiguration", deployment.serviceConnectConfiguration);
    Json.putIfPresent(out, "volumeConfigurations", deployment.volumeConfigurations);
    Json.putIfPresent(out, "vpcLatticeConfigurations", deployment.vpcLatticeConfigurations);
    return out;
  }

  /** RUNNING tasks ({@code running}) or pending ones, of one deployment or all (deploymentId null). */
  private static int count(List<TaskEntity> tasks, String deploymentId, boolean running) {
    int count = 0;
    for (TaskEntity task : tasks) {
      if (!task.isActive() || (deploymentId != null && !deploymentId.equals(task.deploymentId))) {
        continue;
      }
      if (running ? TaskStatus.RUNNING.equals(task.lastStatus) : TaskStatus.isPending(task.lastStatus)) {
        count++;
      }
    }
    return count;
  }

  private static com.fasterxml.jackson.databind.JsonNode orEmptyArray(com.fasterxml.jackson.databind.JsonNode node) {
    return node == null || node.isNull() ? Json.array() : node;
  }

  // ---- tasks ----------------------------------------------------------------------------------

  ObjectNode task(TaskEntity task, boolean includeTags) {
    ObjectNode out = Json.object();
    if (task.attachmentId != null) {
      ArrayNode attachments = out.putArray("attachments");
      ObjectNode eni = attachments.addObject();
      eni.put("id", task.attachmentId);
      eni.put("type", "ElasticNetworkInterface");
      eni.put("status", task.isStopped() ? "DELETED" : task.provisioned ? "ATTACHED" : "PRECREATED");
      ArrayNode details = eni.putArray("details");
      if (task.privateIpv4Address != null) {
        details.addObject().put("name", "privateIPv4Address").put("value", task.privateIpv4Address);
      }
    }
    ArrayNode attributes = out.putArray("attributes");
    attributes.addObject().put("name", "ecs.cpu-architecture").put("value", architecture(task));
    out.put("availabilityZone", task.availabilityZone != null ? task.availabilityZone : task.region + "a");
    Json.putIfPresent(out, "capacityProviderName", task.capacityProviderName);
    out.put("clusterArn", task.clusterArn);
    Json.putIfPresent(out, "connectivity", task.connectivity);
    Json.putIfPresent(out, "containerInstanceArn", task.containerInstanceArn);
    Json.putIfPresent(out, "connectivityAt", task.connectivityAt);
    ArrayNode containers = out.putArray("containers");
    for (ContainerEntity container : task.containers) {
      containers.add(container(container, task));
    }
    Json.putIfPresent(out, "cpu", task.cpu);
    Json.putIfPresent(out, "createdAt", task.createdAt);
    out.put("desiredStatus", task.desiredStatus);
    out.put("enableExecuteCommand", task.enableExecuteCommand);
    Json.putIfPresent(out, "executionStoppedAt", task.executionStoppedAt);
    Json.putIfPresent(out, "group", task.group);
    out.put("healthStatus", task.healthStatus);
    out.put("lastStatus", task.lastStatus);
    Json.putIfPresent(out, "launchType", task.launchType);
    Json.putIfPresent(out, "memory", task.memory);
    ObjectNode overrides = task.overrides == null || !task.overrides.isObject() ? Json.object()
        : (ObjectNode) task.overrides.deepCopy();
    if (!overrides.has("containerOverrides")) {
      overrides.putArray("containerOverrides");
    }
    if (!overrides.has("inferenceAcceleratorOverrides")) {
      overrides.putArray("inferenceAcceleratorOverrides");
    }
    out.set("overrides", overrides);
    Json.putIfPresent(out, "platformFamily", task.platformFamily);
    Json.putIfPresent(out, "pullStartedAt", task.pullStartedAt);
    Json.putIfPresent(out, "pullStoppedAt", task.pullStoppedAt);
    Json.putIfPresent(out, "startedAt", task.startedAt);
    Json.putIfPresent(out, "startedBy", task.startedBy);
    Json.putIfPresent(out, "stopCode", task.stopCode);
    Json.putIfPresent(out, "stoppedAt", task.stoppedAt);
    Json.putIfPresent(out, "stoppedReason", task.stoppedReason);
    Json.putIfPresent(out, "stoppingAt", task.stoppingAt);
    if (includeTags) {
      out.set("tags", tagsOf(task.taskArn));
    }
    out.put("taskArn", task.taskArn);
    out.put("taskDefinitionArn", task.taskDefinitionArn);
    out.put("version", task.version);
    return out;
  }

  /** The architecture of the task's instance (x86_64 on Fargate and the Docker host). */
  private String architecture(TaskEntity task) {
    ContainerInstanceEntity instance = task.containerInstanceArn == null ? null
        : state.containerInstances.get(task.containerInstanceArn);
    return instance == null ? "x86_64" : instance.attributes.getOrDefault("ecs.cpu-architecture", "x86_64");
  }

  private static ObjectNode container(ContainerEntity container, TaskEntity task) {
    ObjectNode out = Json.object();
    out.put("containerArn", container.containerArn);
    out.put("taskArn", task.taskArn);
    out.put("name", container.name);
    out.put("image", container.image);
    Json.putIfPresent(out, "imageDigest", container.imageDigest);
    Json.putIfPresent(out, "runtimeId", container.runtimeId);
    out.put("lastStatus", container.lastStatus);
    Json.putIfPresent(out, "exitCode", container.exitCode);
    Json.putIfPresent(out, "reason", container.reason);
    ArrayNode bindings = out.putArray("networkBindings");
    for (NetworkBinding binding : container.networkBindings) {
      bindings.addObject().put("bindIP", binding.bindIP()).put("containerPort", binding.containerPort())
          .put("hostPort", binding.hostPort()).put("protocol", binding.protocol());
    }
    ArrayNode interfaces = out.putArray("networkInterfaces");
    if (task.attachmentId != null && task.privateIpv4Address != null) {
      interfaces.addObject().put("attachmentId", task.attachmentId)
          .put("privateIpv4Address", task.privateIpv4Address);
    }
    out.put("healthStatus", container.healthStatus);
    if (task.enableExecuteCommand) {
      // EMU: the engine's exec stands in for the SSM agent, so it is as ready as the container.
      ObjectNode agent = out.putArray("managedAgents").addObject();
      agent.put("name", "ExecuteCommandAgent");
      agent.put("lastStatus", container.lastStatus);
      Json.putIfPresent(agent, "lastStartedAt", container.startedAt);
    }
    Json.putIfPresent(out, "cpu", container.cpu);
    Json.putIfPresent(out, "memory", container.memory);
    Json.putIfPresent(out, "memoryReservation", container.memoryReservation);
    return out;
  }
}
