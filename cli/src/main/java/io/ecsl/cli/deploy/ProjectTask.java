package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;

/**
 * What the project says about where a task definition runs, for {@code ecsl run} defaults: the
 * cluster and awsvpc configuration of a service or schedule that runs it, else the project's only
 * cluster. Pure: the compiled model in, the defaults out.
 *
 * @param cluster the cluster to run on when none is given ({@code default} as ECS when nothing says)
 * @param awsvpc an awsvpcConfiguration in ECS's shape, or null
 * @param launchType the launch type that service or schedule uses, or null
 * @param strategy its capacity-provider strategy in ECS's shape, or null
 */
record ProjectTask(String cluster, ObjectNode awsvpc, String launchType, com.fasterxml.jackson.databind.node.ArrayNode strategy) {
  static ProjectTask of(EcsModel model, Resource task) {
    String family = task.name();
    for (Resource service : model.ofKind(ResourceKind.SERVICE)) {
      JsonNode body = service.primary().body();
      if (family.equals(familyOf(body.path("taskDefinition").asText("")))) {
        JsonNode awsvpc = body.path("networkConfiguration").path("awsvpcConfiguration");
        return new ProjectTask(service.cluster() != null ? service.cluster() : body.path("cluster").asText("default"),
            awsvpc.isObject() ? (ObjectNode) awsvpc.deepCopy() : null, body.path("launchType").asText(null),
            strategy(body.path("capacityProviderStrategy"), "capacityProvider", "weight", "base"));
      }
    }
    for (Resource schedule : model.ofKind(ResourceKind.SCHEDULE)) {
      for (ApiRequest request : schedule.requests()) {
        for (JsonNode target : request.body().path("Targets")) {
          JsonNode ecs = target.path("EcsParameters");
          if (ecs.isObject() && family.equals(familyOf(ecs.path("TaskDefinitionArn").asText("")))) {
            return new ProjectTask(nameOf(target.path("Arn").asText("default")),
                awsvpc(ecs.path("NetworkConfiguration").path("awsvpcConfiguration")), ecs.path("LaunchType").asText(null),
                strategy(ecs.path("CapacityProviderStrategy"), "capacityProvider", "weight", "base"));
          }
        }
      }
    }
    var clusters = model.ofKind(ResourceKind.CLUSTER);
    return new ProjectTask(clusters.size() == 1 ? clusters.get(0).name() : "default", null, null, null);
  }

  /** {@code arn:…:task-definition/web:3}, {@code web:3} or {@code web} → {@code web}. */
  static String familyOf(String reference) {
    String name = reference.substring(reference.lastIndexOf('/') + 1);
    int colon = name.indexOf(':');
    return reference.startsWith("arn:") && !reference.contains("/") ? null : colon < 0 ? name : name.substring(0, colon);
  }

  /** A strategy in ECS's member names (EventBridge spells them the same), or null when there is none. */
  private static com.fasterxml.jackson.databind.node.ArrayNode strategy(JsonNode items, String... members) {
    if (!items.isArray() || items.isEmpty()) {
      return null;
    }
    var out = Json.mapper().createArrayNode();
    for (JsonNode item : items) {
      ObjectNode copy = out.addObject();
      for (String member : members) {
        if (item.has(member)) {
          copy.set(member, item.get(member).deepCopy());
        }
      }
    }
    return out;
  }

  /** {@code arn:…:cluster/jobs} → {@code jobs}. */
  private static String nameOf(String clusterArn) {
    return clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
  }

  /** EventBridge's {@code Subnets, SecurityGroups, AssignPublicIp} in ECS's spelling. */
  private static ObjectNode awsvpc(JsonNode events) {
    if (!events.isObject()) {
      return null;
    }
    ObjectNode out = Json.mapper().createObjectNode();
    if (events.has("Subnets")) {
      out.set("subnets", events.get("Subnets").deepCopy());
    }
    if (events.has("SecurityGroups")) {
      out.set("securityGroups", events.get("SecurityGroups").deepCopy());
    }
    if (events.has("AssignPublicIp")) {
      out.put("assignPublicIp", events.get("AssignPublicIp").asText());
    }
    return out;
  }
}
