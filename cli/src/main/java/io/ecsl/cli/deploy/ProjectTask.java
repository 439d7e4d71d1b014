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
 */
record ProjectTask(String cluster, ObjectNode awsvpc) {
  static ProjectTask of(EcsModel model, Resource task) {
    String family = task.name();
    for (Resource service : model.ofKind(ResourceKind.SERVICE)) {
      JsonNode body = service.primary().body();
      if (family.equals(familyOf(body.path("taskDefinition").asText("")))) {
        JsonNode awsvpc = body.path("networkConfiguration").path("awsvpcConfiguration");
        return new ProjectTask(service.cluster() != null ? service.cluster() : body.path("cluster").asText("default"),
            awsvpc.isObject() ? (ObjectNode) awsvpc.deepCopy() : null);
      }
    }
    for (Resource schedule : model.ofKind(ResourceKind.SCHEDULE)) {
      for (ApiRequest request : schedule.requests()) {
        for (JsonNode target : request.body().path("Targets")) {
          JsonNode ecs = target.path("EcsParameters");
          if (ecs.isObject() && family.equals(familyOf(ecs.path("TaskDefinitionArn").asText("")))) {
            return new ProjectTask(nameOf(target.path("Arn").asText("default")),
                awsvpc(ecs.path("NetworkConfiguration").path("awsvpcConfiguration")));
          }
        }
      }
    }
    var clusters = model.ofKind(ResourceKind.CLUSTER);
    return new ProjectTask(clusters.size() == 1 ? clusters.get(0).name() : "default", null);
  }

  /** {@code arn:…:task-definition/web:3}, {@code web:3} or {@code web} → {@code web}. */
  static String familyOf(String reference) {
    String name = reference.substring(reference.lastIndexOf('/') + 1);
    int colon = name.indexOf(':');
    return reference.startsWith("arn:") && !reference.contains("/") ? null : colon < 0 ? name : name.substring(0, colon);
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
    ObjectNode out = Json.MAPPER.createObjectNode();
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
