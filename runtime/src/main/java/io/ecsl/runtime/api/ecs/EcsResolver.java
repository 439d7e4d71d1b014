package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.hostaccess.HostAccess;
import io.ecsl.runtime.hostaccess.HostAccessCheck;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import java.util.List;

/**
 * Turns the names and ARNs callers pass into stored resources, with ECS's errors when they do not
 * exist. Callers hold the state lock.
 */
final class EcsResolver {
  static final String DEFAULT_CLUSTER = "default";

  private final RuntimeState state;
  private final HostAccess hostAccess;

  EcsResolver(RuntimeState state, HostAccess hostAccess) {
    this.hostAccess = hostAccess;
    this.state = state;
  }

  /** A cluster name or ARN (null means {@code default}) as an ARN in the request's region. */
  String clusterArn(RequestContext context, String clusterOrNull) {
    String cluster = clusterOrNull == null || clusterOrNull.isEmpty() ? DEFAULT_CLUSTER : clusterOrNull;
    return Arns.isArn(cluster) ? cluster : Arns.cluster(context.region(), cluster);
  }

  /** The ARN of a cluster the runtime holds (in any status), or ClusterNotFoundException. */
  String existingClusterArn(RequestContext context, String clusterOrNull) {
    String arn = clusterArn(context, clusterOrNull);
    if (!state.clusters.contains(arn)) {
      throw new ApiException("ClusterNotFoundException", "Cluster not found: " + arn + ".");
    }
    return arn;
  }

  /** The ACTIVE cluster, or ClusterNotFoundException. */
  ObjectNode activeCluster(RequestContext context, String clusterOrNull) {
    ObjectNode cluster = state.clusters.get(clusterArn(context, clusterOrNull));
    if (cluster == null || !"ACTIVE".equals(Json.text(cluster, "status"))) {
      throw new ApiException("ClusterNotFoundException", "Cluster not found: " + describe(clusterOrNull)
          + " does not exist in " + context.region() + " (or was deleted); create it with CreateCluster.");
    }
    return cluster;
  }

  private static String describe(String clusterOrNull) {
    return clusterOrNull == null || clusterOrNull.isEmpty() ? "the default cluster (no cluster given)"
        : "cluster " + clusterOrNull;
  }

  /**
   * A task definition by {@code family} (latest ACTIVE revision), {@code family:revision} or ARN;
   * null if none matches.
   */
  ObjectNode taskDefinition(RequestContext context, String reference) {
    if (reference == null) {
      return null;
    }
    if (Arns.isArn(reference)) {
      return state.taskDefinitions.get(reference);
    }
    int colon = reference.lastIndexOf(':');
    if (colon > 0) {
      String family = reference.substring(0, colon);
      try {
        int revision = Integer.parseInt(reference.substring(colon + 1));
        return state.taskDefinitions.get(Arns.taskDefinition(context.region(), family, revision));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    ObjectNode latest = null;
    for (ObjectNode definition : state.taskDefinitions.values()) {
      boolean sameFamily = reference.equals(Json.text(definition, "family"))
          && context.region().equals(Arns.regionOf(Json.text(definition, "taskDefinitionArn")));
      if (sameFamily && "ACTIVE".equals(Json.text(definition, "status"))
          && (latest == null || Json.integer(definition, "revision", 0) > Json.integer(latest, "revision", 0))) {
        latest = definition;
      }
    }
    return latest;
  }

  /** A task definition usable for new tasks: it must exist and be ACTIVE. */
  /**
   * A task definition tasks may be launched from: registered, ACTIVE, and allowed by the
   * host-access policy as it is now (it may have been registered under wider start-up grants).
   */
  ObjectNode activeTaskDefinition(RequestContext context, String reference) {
    ObjectNode definition = taskDefinition(context, reference);
    if (definition == null) {
      throw ApiException.invalidParameter("TaskDefinition not found: " + reference
          + " (give family, family:revision or the ARN of a registered task definition).");
    }
    if (!"ACTIVE".equals(Json.text(definition, "status"))) {
      throw new ApiException("ClientException", "TaskDefinition is inactive: "
          + Json.text(definition, "taskDefinitionArn") + "; register a new revision and use it.");
    }
    requireHostAccess(hostAccess, definition);
    return definition;
  }

  /** @throws ApiException {@code AccessDeniedException} naming each refused setting and the flag that allows it */
  static void requireHostAccess(HostAccess hostAccess, JsonNode definition) {
    List<HostAccessCheck.Refusal> refusals = hostAccess.check(definition);
    if (!refusals.isEmpty()) {
      throw new ApiException("AccessDeniedException", HostAccess.describe(refusals));
    }
  }

  String serviceArn(RequestContext context, String clusterArn, String serviceOrArn) {
    if (Arns.isArn(serviceOrArn)) {
      return serviceOrArn;
    }
    return Arns.service(context.region(), Arns.lastSegment(clusterArn), serviceOrArn);
  }

  ServiceEntity service(RequestContext context, String clusterArn, String serviceOrArn) {
    ServiceEntity service = state.services.get(serviceArn(context, clusterArn, serviceOrArn));
    if (service == null || !service.clusterArn.equals(clusterArn)) {
      throw new ApiException("ServiceNotFoundException", "Service not found: " + serviceOrArn + " in cluster "
          + Arns.lastSegment(clusterArn) + ".");
    }
    return service;
  }

  /** A task by id or ARN within a cluster, or null. */
  TaskEntity task(RequestContext context, String clusterArn, String taskOrArn) {
    String arn = Arns.isArn(taskOrArn) ? taskOrArn
        : Arns.task(context.region(), Arns.lastSegment(clusterArn), taskOrArn);
    TaskEntity task = state.tasks.get(arn);
    return task != null && task.clusterArn.equals(clusterArn) ? task : null;
  }
}
