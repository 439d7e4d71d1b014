package io.ecsl.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import java.util.List;

/**
 * The DNS names a task is given when it starts: its service's Service Connect server names, taken
 * from the task's own deployment (a deployment keeps the configuration it was made with, so the
 * tasks of an old deployment keep their names while a new one rolls out), in the namespace the
 * service names or, failing that, the cluster's default.
 */
public final class TaskDiscoveryNames {
  private TaskDiscoveryNames() {}

  public static List<String> of(RuntimeState state, TaskEntity task) {
    if (task.serviceName == null) {
      return List.of();
    }
    synchronized (state) {
      ServiceEntity service = null;
      for (ServiceEntity candidate : state.services.values()) {
        if (candidate.serviceName.equals(task.serviceName) && candidate.clusterArn.equals(task.clusterArn)) {
          service = candidate;
        }
      }
      if (service == null) {
        return List.of();
      }
      JsonNode config = service.serviceConnectConfiguration;
      for (DeploymentEntity deployment : service.deployments) {
        if (deployment.id.equals(task.deploymentId)) {
          config = deployment.serviceConnectConfiguration;
        }
      }
      String namespace = Json.text(config, "namespace");
      if (namespace == null) {
        ObjectNode cluster = state.clusters.get(task.clusterArn);
        namespace = cluster == null ? null : Json.text(cluster.path("serviceConnectDefaults"), "namespace");
      }
      return ServiceConnectNames.of(config, namespaceName(state, task.region, namespace));
    }
  }

  /** A namespace named by ARN, id or name, as ECS accepts it; its name, or the reference itself when unknown. */
  static String namespaceName(RuntimeState state, String region, String reference) {
    if (reference == null) {
      return null;
    }
    for (ObjectNode namespace : state.namespaces.values()) {
      String arn = Json.text(namespace, "Arn", "");
      if (!arn.contains(":" + region + ":")) {
        continue; // namespaces are per region, as on AWS
      }
      if (reference.equals(Json.text(namespace, "Arn")) || reference.equals(Json.text(namespace, "Id"))
          || reference.equals(Json.text(namespace, "Name"))) {
        return Json.text(namespace, "Name");
      }
    }
    return reference.startsWith("arn:") ? null : reference;
  }
}
