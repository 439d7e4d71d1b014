package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Launches a task for a service deployment: placement fields, tags and group as ECS sets them. */
public final class ServiceTasks {
  private ServiceTasks() {}

  /** Creates and stores the task; null if the deployment's task definition is gone. */
  static TaskEntity launch(RuntimeState state, ServiceEntity service, DeploymentEntity deployment, Instant now) {
    ObjectNode definition = state.taskDefinitions.get(deployment.taskDefinition);
    if (definition == null) {
      return null;
    }
    Placement placement = placement(deployment.launchType, deployment.capacityProviderStrategy);
    TaskEntity task = TaskLauncher.create(new TaskLauncher.Launch(service.region, service.clusterArn,
        service.clusterName, service.serviceName, deployment.id, "service:" + service.serviceName, deployment.id,
        placement.launchType(), placement.capacityProviderName(), null, deployment.networkConfiguration,
        service.enableExecuteCommand, List.of()), definition, now);
    task.platformFamily = deployment.platformFamily;
    // Registered in the service's target groups when it runs, drained before it stops (§2.4).
    task.loadBalanced = service.loadBalancers != null && service.loadBalancers.isArray()
        && !service.loadBalancers.isEmpty();
    state.tasks.put(task.taskArn, task);
    List<Tag> tags = propagatedTags(state, service, deployment);
    if (!tags.isEmpty()) {
      state.putTags(task.taskArn, tags);
    }
    return task;
  }

  /** A launch type, or the capacity provider a strategy chooses first (its base, else its heaviest weight). */
  public record Placement(String launchType, String capacityProviderName) {}

  public static Placement placement(String launchType, JsonNode strategy) {
    if (launchType != null || strategy == null || !strategy.isArray() || strategy.isEmpty()) {
      return new Placement(launchType == null ? "EC2" : launchType, null);
    }
    JsonNode chosen = strategy.get(0);
    for (JsonNode item : strategy) {
      if (Json.integer(item, "base", 0) > 0) {
        chosen = item;
        break;
      }
      if (Json.integer(item, "weight", 0) > Json.integer(chosen, "weight", 0)) {
        chosen = item;
      }
    }
    String provider = Json.text(chosen, "capacityProvider");
    boolean fargate = "FARGATE".equals(provider) || "FARGATE_SPOT".equals(provider);
    return new Placement(fargate ? "FARGATE" : null, provider);
  }

  private static List<Tag> propagatedTags(RuntimeState state, ServiceEntity service, DeploymentEntity deployment) {
    List<Tag> tags = new ArrayList<>();
    if ("SERVICE".equals(service.propagateTags)) {
      tags.addAll(state.tags(service.serviceArn));
    } else if ("TASK_DEFINITION".equals(service.propagateTags)) {
      tags.addAll(state.tags(deployment.taskDefinition));
    }
    if (service.enableECSManagedTags) {
      tags.add(new Tag("aws:ecs:clusterName", service.clusterName));
      tags.add(new Tag("aws:ecs:serviceName", service.serviceName));
    }
    return tags;
  }
}
