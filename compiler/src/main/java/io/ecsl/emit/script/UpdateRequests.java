package io.ecsl.emit.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.Map;

/**
 * The requests that bring an existing resource in line with its declaration, derived from the
 * create request: every member the update operation also takes, under the update's name for it.
 * What only the create call takes (a service's launch type, tags) is left as it is on AWS, and
 * fields owned elsewhere (a desired count under autoscaling) are never sent, so a re-run does not
 * fight the system that manages them.
 */
final class UpdateRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private UpdateRequests() {}

  /** {@code UpdateService} from {@code CreateService}. */
  static ObjectNode service(Resource service) {
    ObjectNode create = withoutOwnedElsewhere(service, service.primary());
    return project(create, shape("UpdateServiceRequest"), Map.of("serviceName", "service"));
  }

  /**
   * {@code UpdateExpressGatewayService} from its create request: the name, cluster, infrastructure
   * role and tags are fixed at creation; the service ARN is added by deploy.sh, which looks it up.
   */
  static ObjectNode expressService(Resource service) {
    return project(service.primary().body(), shape("UpdateExpressGatewayServiceRequest"), Map.of());
  }

  /** {@code UpdateDaemon} from {@code CreateDaemon}: what may change in place (the daemon's ARN is passed apart). */
  static ObjectNode daemon(Resource daemon) {
    return project(daemon.primary().body(), shape("UpdateDaemonRequest"), Map.of());
  }

  /**
   * {@code UpdateCluster} from {@code CreateCluster} (settings, configuration, Service Connect
   * defaults), or null when the cluster declares none of them.
   */
  static ObjectNode cluster(Resource cluster) {
    ObjectNode update = project(cluster.primary().body(), shape("UpdateClusterRequest"), Map.of("clusterName", "cluster"));
    if (!update.has("cluster")) {
      update.put("cluster", cluster.name());
    }
    return update.size() > 1 ? update : null;
  }

  /**
   * {@code PutClusterCapacityProviders} from {@code CreateCluster}, or null when the cluster
   * declares no capacity providers (then providers attached by other means are left alone).
   */
  static ObjectNode clusterCapacityProviders(Resource cluster) {
    JsonNode body = cluster.primary().body();
    if (!body.has("capacityProviders") && !body.has("defaultCapacityProviderStrategy")) {
      return null;
    }
    ObjectNode out = JSON.objectNode();
    out.put("cluster", body.path("clusterName").asText(cluster.name()));
    out.set("capacityProviders", body.has("capacityProviders") ? body.get("capacityProviders").deepCopy() : JSON.arrayNode());
    out.set("defaultCapacityProviderStrategy", body.has("defaultCapacityProviderStrategy")
        ? body.get("defaultCapacityProviderStrategy").deepCopy() : JSON.arrayNode());
    return out;
  }

  /**
   * {@code UpdateCapacityProvider} from {@code CreateCapacityProvider}, or null when nothing the
   * update takes was declared (the Auto Scaling group itself cannot change).
   */
  static ObjectNode capacityProvider(Resource provider) {
    ObjectNode update = project(provider.primary().body(), shape("UpdateCapacityProviderRequest"), Map.of());
    boolean anything = false;
    for (String member : (Iterable<String>) update::fieldNames) {
      anything |= !member.equals("name") && !member.equals("cluster");
    }
    return anything ? update : null;
  }

  private static Shape shape(String name) {
    return ServiceModel.get(ServiceModel.ECS).shape(name);
  }

  private static ObjectNode withoutOwnedElsewhere(Resource r, ApiRequest request) {
    if (r.ownedElsewhere().isEmpty()) {
      return request.body(); // only read from here on (project() builds a new tree)
    }
    ObjectNode copy = request.body().deepCopy();
    for (String pointer : r.ownedElsewhere().keySet()) {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = slash <= 0 ? copy : copy.at(pointer.substring(0, slash));
      if (parent instanceof ObjectNode obj) {
        obj.remove(pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~"));
      }
    }
    return copy;
  }

  /**
   * The part of {@code node} that {@code target} has members for, recursively; empty structures
   * that result are dropped (an update member present but empty would mean "clear it").
   */
  static ObjectNode project(JsonNode node, Shape target, Map<String, String> renames) {
    ObjectNode out = JSON.objectNode();
    node.properties().forEach(e -> {
      String member = renames.getOrDefault(e.getKey(), e.getKey());
      Shape memberShape = target.member(member);
      if (memberShape == null) {
        return;
      }
      JsonNode value = projectValue(e.getValue(), memberShape);
      if (!(value instanceof ObjectNode o && o.isEmpty() && memberShape.isStructure())) {
        out.set(member, value);
      }
    });
    return out;
  }

  private static JsonNode projectValue(JsonNode value, Shape shape) {
    if (shape.isStructure() && value instanceof ObjectNode obj) {
      return project(obj, shape, Map.of());
    }
    if (shape.isList() && value instanceof ArrayNode list && shape.element().isStructure()) {
      ArrayNode out = JSON.arrayNode();
      list.forEach(v -> out.add(projectValue(v, shape.element())));
      return out;
    }
    return value.deepCopy();
  }
}
