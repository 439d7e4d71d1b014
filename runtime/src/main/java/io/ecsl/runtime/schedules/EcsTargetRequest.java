package io.ecsl.runtime.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.json.JsonSyntaxException;

/**
 * The RunTask request EventBridge makes for an ECS target (ecs-runtime-integrations §6.1): the
 * target's {@code EcsParameters} in ECS's member names, the target's {@code Input} as the task
 * overrides, and the {@code startedBy} rule-launched tasks carry ({@code events-rule/<rule>}, §6.3).
 * Pure: a target document and a rule name in, a request out.
 */
public final class EcsTargetRequest {
  /** What ECS shows as {@code startedBy} on tasks an EventBridge rule launched. */
  public static final String STARTED_BY_PREFIX = "events-rule/";
  /** What ECS shows as {@code startedBy} on tasks an EventBridge Scheduler schedule launched (§6.3). */
  public static final String SCHEDULER_STARTED_BY_PREFIX = "chronos-schedule/";

  private EcsTargetRequest() {}

  /** True when the target runs ECS tasks (an {@code EcsParameters} block aimed at a cluster). */
  public static boolean isEcsTarget(JsonNode target) {
    return target.hasNonNull("EcsParameters") && Json.text(target, "Arn", "").contains(":cluster/");
  }

  /**
   * The RunTask request for one firing of a rule's or schedule's {@code target}, its tasks started by
   * {@code startedBy} ({@code events-rule/NAME} or {@code chronos-schedule/NAME}).
   *
   * @throws IllegalArgumentException when the target's {@code Input} is not a JSON object (EventBridge
   *     would hand ECS a document it rejects, so the invocation fails the same way)
   */
  public static ObjectNode of(JsonNode target, String startedBy) {
    JsonNode ecs = target.get("EcsParameters");
    ObjectNode request = Json.object();
    request.put("cluster", Json.text(target, "Arn"));
    request.put("taskDefinition", taskDefinition(Json.text(ecs, "TaskDefinitionArn")));
    request.put("count", Json.integer(ecs, "TaskCount", 1));
    Json.putIfPresent(request, "launchType", Json.text(ecs, "LaunchType"));
    copyList(ecs, "CapacityProviderStrategy", request, "capacityProviderStrategy");
    JsonNode vpc = ecs.path("NetworkConfiguration").get("awsvpcConfiguration");
    if (vpc != null && vpc.isObject()) {
      ObjectNode awsvpc = request.putObject("networkConfiguration").putObject("awsvpcConfiguration");
      if (vpc.has("Subnets")) {
        awsvpc.set("subnets", vpc.get("Subnets").deepCopy());
      }
      if (vpc.has("SecurityGroups")) {
        awsvpc.set("securityGroups", vpc.get("SecurityGroups").deepCopy());
      }
      Json.putIfPresent(awsvpc, "assignPublicIp", Json.text(vpc, "AssignPublicIp"));
    }
    Json.putIfPresent(request, "platformVersion", Json.text(ecs, "PlatformVersion"));
    Json.putIfPresent(request, "group", Json.text(ecs, "Group"));
    copyList(ecs, "PlacementConstraints", request, "placementConstraints");
    copyList(ecs, "PlacementStrategy", request, "placementStrategy");
    Json.putIfPresent(request, "propagateTags", Json.text(ecs, "PropagateTags"));
    if (ecs.has("EnableECSManagedTags")) {
      request.put("enableECSManagedTags", Json.bool(ecs, "EnableECSManagedTags", false));
    }
    if (ecs.has("EnableExecuteCommand")) {
      request.put("enableExecuteCommand", Json.bool(ecs, "EnableExecuteCommand", false));
    }
    Json.putIfPresent(request, "referenceId", Json.text(ecs, "ReferenceId"));
    if (ecs.has("Tags")) {
      ArrayNode tags = request.putArray("tags");
      for (JsonNode tag : Json.list(ecs, "Tags")) {
        if (tag.has("Key")) {
          tags.addObject().put("key", Json.text(tag, "Key")).put("value", Json.text(tag, "Value", ""));
        } else {
          // Scheduler writes tags as a list of one-entry maps: [{"team": "data"}].
          tag.fields().forEachRemaining(e -> tags.addObject().put("key", e.getKey()).put("value", e.getValue().asText()));
        }
      }
    }
    String input = Json.text(target, "Input");
    if (input != null) {
      JsonNode overrides;
      try {
        overrides = Json.parse(input);
      } catch (JsonSyntaxException e) {
        throw new IllegalArgumentException("the target's Input is not valid JSON: " + e.getMessage());
      }
      if (!overrides.isObject()) {
        throw new IllegalArgumentException("the target's Input must be a JSON object of task overrides"
            + " ({\"containerOverrides\": [...]})");
      }
      request.set("overrides", overrides);
    }
    request.put("startedBy", startedBy);
    return request;
  }

  /**
   * A task definition ARN without a revision (what the EventBridge console writes for "latest",
   * and what ecsl compiles) runs the family's latest ACTIVE revision: RunTask is given the family,
   * which means exactly that. An ARN with a revision is passed on as it is.
   */
  static String taskDefinition(String arn) {
    if (arn == null) {
      return null;
    }
    int slash = arn.indexOf(":task-definition/");
    if (slash < 0) {
      return arn;
    }
    String familyAndRevision = arn.substring(slash + ":task-definition/".length());
    return familyAndRevision.contains(":") ? arn : familyAndRevision;
  }

  private static void copyList(JsonNode from, String member, ObjectNode to, String ecsMember) {
    JsonNode list = from.get(member);
    if (list != null && list.isArray() && !list.isEmpty()) {
      to.set(ecsMember, list.deepCopy());
    }
  }
}
