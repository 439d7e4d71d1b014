package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.placement.ClusterSnapshot;
import io.ecsl.runtime.placement.InstanceInfo;
import io.ecsl.runtime.placement.Placement;
import io.ecsl.runtime.placement.PlacementConstraint;
import io.ecsl.runtime.placement.PlacementRequests;
import io.ecsl.runtime.placement.PlacementStrategy;
import io.ecsl.runtime.placement.Placer;
import io.ecsl.runtime.placement.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tasks that wait in PROVISIONING for an instance of their capacity provider (managed scaling is
 * launching one, §7.2): each pass places the oldest first on instances that can now take them,
 * and stops those that waited too long. Callers hold the state lock.
 */
final class AwaitingCapacity {
  /** **EMU**: ECS lets provisioning tasks wait "between 10 and 30 minutes". */
  static final Duration TIMEOUT = Duration.ofMinutes(30);

  private AwaitingCapacity() {}

  /** Returns the tasks it placed or stopped. */
  static List<String> place(PlacementPass pass) {
    RuntimeState state = pass.state();
    List<TaskEntity> waiting = new ArrayList<>();
    for (TaskEntity task : state.tasks.values()) {
      if (task.awaitingCapacity && task.isActive()) {
        waiting.add(task);
      }
    }
    waiting.sort(Comparator.comparing((TaskEntity t) -> t.createdAt));
    List<String> touched = new ArrayList<>();
    for (TaskEntity task : waiting) {
      ObjectNode definition = state.taskDefinitions.get(task.taskDefinitionArn);
      if (definition == null) {
        continue;
      }
      ClusterSnapshot snapshot = pass.snapshot(task.clusterArn);
      TaskRequest request = new TaskRequest(PlacementPass.reservation(task), task.group, task.capacityProviderName,
          requiredAttributes(definition), constraints(state, task, definition), strategies(state, task));
      Placement placement = Placer.place(snapshot, request, pass.random());
      TaskEntity updated = task.copy();
      if (placement instanceof Placement.Placed p) {
        snapshot.add(p.instance(), task.group, request.reservation());
        InstanceInfo instance = snapshot.instance(p.instance());
        ContainerInstanceEntity entity = state.containerInstances.get(instance.arn());
        updated.awaitingCapacity = false;
        updated.containerInstanceArn = instance.arn();
        updated.availabilityZone = instance.attribute(InstanceInfo.AVAILABILITY_ZONE);
        updated.hostIp = entity.hostIp;
      } else if (!pass.now().isBefore(task.createdAt.plus(TIMEOUT))) {
        TaskLifecycle.requestStop(updated, TaskStatus.TASK_FAILED_TO_START, "Capacity is unavailable at this time: no"
            + " container instance of capacity provider " + task.capacityProviderName + " could take the task within "
            + TIMEOUT.toMinutes() + " minutes", pass.now());
        updated.awaitingCapacity = false;
      } else {
        continue;
      }
      updated.version++;
      state.tasks.put(updated.taskArn, updated);
      touched.add(updated.taskArn);
    }
    return touched;
  }

  private static ServiceEntity service(RuntimeState state, TaskEntity task) {
    return task.serviceName == null ? null
        : state.services.get(Arns.service(task.region, task.clusterName, task.serviceName));
  }

  private static List<PlacementConstraint> constraints(RuntimeState state, TaskEntity task, ObjectNode definition) {
    ServiceEntity service = service(state, task);
    List<PlacementConstraint> out = new ArrayList<>(PlacementRequests.constraints(service != null
        ? service.placementConstraints : task.placementConstraints));
    out.addAll(PlacementRequests.constraints(definition.get("placementConstraints")));
    return out;
  }

  private static List<PlacementStrategy> strategies(RuntimeState state, TaskEntity task) {
    ServiceEntity service = service(state, task);
    return PlacementStrategy.orDefault(PlacementRequests.strategies(service != null ? service.placementStrategy
        : task.placementStrategy));
  }

  private static Set<String> requiredAttributes(ObjectNode definition) {
    Set<String> out = new HashSet<>();
    for (JsonNode attribute : Json.list(definition, "requiresAttributes")) {
      out.add(Json.text(attribute, "name"));
    }
    return out;
  }
}
