package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** Creates and stores the task where {@code placement} puts it. */
  static TaskEntity launch(RuntimeState state, ServiceEntity service, DeploymentEntity deployment,
      ObjectNode definition, TaskPlacements.TaskPlacement placement, Instant now) {
    TaskEntity task = TaskLauncher.create(new TaskLauncher.Launch(service.region, service.clusterArn,
        service.clusterName, service.serviceName, deployment.id, "service:" + service.serviceName, deployment.id,
        placement.launchType(), placement.capacityProviderName(), null, deployment.networkConfiguration,
        service.enableExecuteCommand, List.of()), definition, now);
    placement.applyTo(task);
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
