package io.ecsl.runtime.api.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.AwsService;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.ResourceTags;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.store.Tag;
import io.ecsl.facts.schedule.InvalidScheduleException;
import io.ecsl.facts.schedule.Schedule;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The Application Auto Scaling subset for ECS services ({@code AnyScaleFrontendService}, §9):
 * scalable targets, scaling policies, scheduled actions and scaling activities. The runtime's
 * autoscaler ({@code io.ecsl.runtime.autoscaling.ServiceAutoScaling}) acts on them.
 */
public final class AutoScalingApi implements AwsService {
  private static final String ECS_DIMENSION = "ecs:service:DesiredCount";
  private static final String ECS_ROLE = "arn:aws:iam::" + Arns.ACCOUNT + ":role/aws-service-role/"
      + "ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService";

  private final ControlPlane plane;
  private final RuntimeState state;

  private final ResourceTags tags;

  public AutoScalingApi(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
    this.tags = new ResourceTags(state, ResourceTags.Form.MAP, "ValidationException", this::requireTargetArn);
  }

  @Override
  public String targetPrefix() {
    return "AnyScaleFrontendService";
  }

  @Override
  public String signingName() {
    return "application-autoscaling";
  }

  @Override
  public String errorNamespace() {
    return "com.amazonaws.applicationautoscaling";
  }

  @Override
  public JsonNode call(String operation, JsonNode request, RequestContext context) {
    return switch (operation) {
      case "RegisterScalableTarget" -> register(request, context);
      case "DeregisterScalableTarget" -> deregister(request, context);
      case "DescribeScalableTargets" -> describeTargets(request, context);
      case "PutScalingPolicy" -> putPolicy(request, context);
      case "DeleteScalingPolicy" -> deletePolicy(request, context);
      case "DescribeScalingPolicies" -> describePolicies(request, context);
      case "PutScheduledAction" -> putScheduledAction(request, context);
      case "DescribeScheduledActions" -> describeScheduledActions(request, context);
      case "DeleteScheduledAction" -> deleteScheduledAction(request, context);
      case "DescribeScalingActivities" -> describeActivities(request, context);
      case "TagResource" -> tags.tag(request);
      case "UntagResource" -> tags.untag(request);
      case "ListTagsForResource" -> tags.list(request);
      default -> throw new ApiException("UnknownOperationException", "The ecsl runtime does not implement"
          + " Application Auto Scaling " + operation + "; it supports scalable targets, scaling policies, scheduled"
          + " actions, scaling activities and tags.");
    };
  }

  /** The identity of a scalable target; validated for the ECS namespace. */
  private record TargetKey(String region, String namespace, String resourceId, String dimension) {
    String id() {
      return region + "|" + namespace + "|" + resourceId + "|" + dimension;
    }

    static TargetKey of(JsonNode request, RequestContext context) {
      String namespace = Requests.required(request, "ServiceNamespace", "ValidationException");
      String resourceId = Requests.required(request, "ResourceId", "ValidationException");
      String dimension = Requests.required(request, "ScalableDimension", "ValidationException");
      if ("ecs".equals(namespace)) {
        if (!resourceId.matches("^service/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+$")) {
          throw ApiException.validation("Unsupported resource ID " + resourceId + " for service namespace ecs: use"
              + " service/CLUSTER/SERVICE.");
        }
        if (!ECS_DIMENSION.equals(dimension)) {
          throw ApiException.validation("Unsupported scalable dimension " + dimension + " for service namespace ecs:"
              + " use " + ECS_DIMENSION + ".");
        }
      }
      return new TargetKey(context.region(), namespace, resourceId, dimension);
    }
  }

  private JsonNode register(JsonNode request, RequestContext context) {
    TargetKey key = TargetKey.of(request, context);
    Integer min = Json.integer(request, "MinCapacity");
    Integer max = Json.integer(request, "MaxCapacity");
    List<Tag> newTags = tags.parse(request.get("Tags"));
    return state.atomically(() -> {
      ObjectNode existing = state.scalableTargets.get(key.id());
      ObjectNode target = existing == null ? Json.object() : existing.deepCopy();
      if (existing == null) {
        if (min == null || max == null) {
          throw ApiException.validation("MinCapacity and MaxCapacity are required when registering a new scalable"
              + " target (" + key.resourceId() + ").");
        }
        target.put("ServiceNamespace", key.namespace());
        target.put("ResourceId", key.resourceId());
        target.put("ScalableDimension", key.dimension());
        target.put("RoleARN", Json.text(request, "RoleARN", ECS_ROLE));
        target.set("CreationTime", Json.timestamp(plane.clock().instant()));
        target.putObject("SuspendedState").put("DynamicScalingInSuspended", false)
            .put("DynamicScalingOutSuspended", false).put("ScheduledScalingSuspended", false);
        target.put("ScalableTargetARN", "arn:aws:application-autoscaling:" + key.region() + ":" + Arns.ACCOUNT
            + ":scalable-target/" + Ids.alnum("", 36));
      }
      if (min != null) {
        target.put("MinCapacity", min);
      }
      if (max != null) {
        target.put("MaxCapacity", max);
      }
      if (target.get("MinCapacity").asInt() < 0 || target.get("MaxCapacity").asInt() < target.get("MinCapacity").asInt()) {
        throw ApiException.validation("MaxCapacity (" + target.get("MaxCapacity").asInt() + ") must be greater than"
            + " or equal to MinCapacity (" + target.get("MinCapacity").asInt() + "), and MinCapacity at least 0.");
      }
      if (request.has("SuspendedState")) {
        ((ObjectNode) target.get("SuspendedState")).setAll((ObjectNode) request.get("SuspendedState"));
      }
      state.scalableTargets.put(key.id(), target);
      String arn = Json.text(target, "ScalableTargetARN");
      if (!newTags.isEmpty()) {
        state.putTags(arn, newTags);
      }
      ObjectNode response = Json.object();
      response.put("ScalableTargetARN", arn);
      return response;
    });
  }

  private JsonNode deregister(JsonNode request, RequestContext context) {
    TargetKey key = TargetKey.of(request, context);
    return state.atomically(() -> {
      ObjectNode target = requireTarget(key);
      for (String policyId : state.scalingPolicies.ids()) {
        ObjectNode policy = state.scalingPolicies.get(policyId);
        if (sameTarget(policy, key)) {
          state.scalingPolicies.remove(policyId);
        }
      }
      for (String actionKey : state.scheduledActions.ids()) {
        if (actionKey.startsWith(key.id() + "|")) {
          state.scheduledActions.remove(actionKey);
        }
      }
      state.scalableTargets.remove(key.id());
      state.deleteTags(Json.text(target, "ScalableTargetARN"));
      return Json.object();
    });
  }

  private ObjectNode requireTarget(TargetKey key) {
    ObjectNode target = state.scalableTargets.get(key.id());
    if (target == null) {
      throw new ApiException("ObjectNotFoundException", "No scalable target registered for service namespace: "
          + key.namespace() + ", resource ID: " + key.resourceId() + ", scalable dimension: " + key.dimension());
    }
    return target;
  }

  private static boolean sameTarget(ObjectNode policy, TargetKey key) {
    return key.namespace().equals(Json.text(policy, "ServiceNamespace"))
        && key.resourceId().equals(Json.text(policy, "ResourceId"))
        && key.dimension().equals(Json.text(policy, "ScalableDimension"))
        && key.region().equals(Arns.regionOf(Json.text(policy, "PolicyARN")));
  }

  private JsonNode describeTargets(JsonNode request, RequestContext context) {
    String namespace = Requests.required(request, "ServiceNamespace", "ValidationException");
    List<String> resourceIds = Json.strings(request, "ResourceIds");
    String dimension = Json.text(request, "ScalableDimension");
    return state.atomically(() -> {
      List<ObjectNode> matches = new ArrayList<>();
      for (String id : state.scalableTargets.ids()) {
        ObjectNode target = state.scalableTargets.get(id);
        boolean match = id.startsWith(context.region() + "|") && namespace.equals(Json.text(target, "ServiceNamespace"))
            && (resourceIds.isEmpty() || resourceIds.contains(Json.text(target, "ResourceId")))
            && (dimension == null || dimension.equals(Json.text(target, "ScalableDimension")));
        if (match) {
          matches.add(target);
        }
      }
      return Pages.response(Paging.APPLICATION_AUTO_SCALING, request, matches, "ScalableTargets", 50, 50);
    });
  }

  private JsonNode putPolicy(JsonNode request, RequestContext context) {
    TargetKey key = TargetKey.of(request, context);
    String name = Requests.required(request, "PolicyName", "ValidationException");
    String type = Json.text(request, "PolicyType", "StepScaling");
    if (!List.of("StepScaling", "TargetTrackingScaling", "PredictiveScaling").contains(type)) {
      throw ApiException.validation("Invalid PolicyType '" + type
          + "': use StepScaling, TargetTrackingScaling or PredictiveScaling.");
    }
    if (type.equals("TargetTrackingScaling")
        && !request.path("TargetTrackingScalingPolicyConfiguration").has("TargetValue")) {
      throw ApiException.validation("TargetTrackingScalingPolicyConfiguration.TargetValue is required for policy "
          + name + ".");
    }
    return state.atomically(() -> {
      requireTarget(key);
      String resource = "resource/" + key.namespace() + "/" + key.resourceId();
      String existingId = policyId(key, name);
      ObjectNode existing = existingId == null ? null : state.scalingPolicies.get(existingId);
      String arn = existing != null ? Json.text(existing, "PolicyARN")
          : "arn:aws:autoscaling:" + key.region() + ":" + Arns.ACCOUNT + ":scalingPolicy:" + Ids.uuid() + ":"
              + resource + ":policyName/" + name;
      ObjectNode policy = Json.object();
      policy.put("PolicyARN", arn);
      policy.put("PolicyName", name);
      policy.put("ServiceNamespace", key.namespace());
      policy.put("ResourceId", key.resourceId());
      policy.put("ScalableDimension", key.dimension());
      policy.put("PolicyType", type);
      for (String config : List.of("StepScalingPolicyConfiguration", "TargetTrackingScalingPolicyConfiguration",
          "PredictiveScalingPolicyConfiguration")) {
        if (request.has(config)) {
          policy.set(config, request.get(config));
        }
      }
      ArrayNode alarms = policy.putArray("Alarms");
      if (type.equals("TargetTrackingScaling")) {
        String policyUuid = arn.split(":")[6];
        for (String which : List.of("AlarmHigh", "AlarmLow")) {
          String alarmName = "TargetTracking-" + key.resourceId() + "-" + which + "-" + policyUuid;
          alarms.addObject().put("AlarmName", alarmName).put("AlarmARN", "arn:aws:cloudwatch:" + key.region() + ":"
              + Arns.ACCOUNT + ":alarm:" + alarmName);
        }
      }
      policy.set("CreationTime", existing != null ? existing.get("CreationTime")
          : Json.timestamp(plane.clock().instant()));
      state.scalingPolicies.put(arn, policy);
      ObjectNode response = Json.object();
      response.put("PolicyARN", arn);
      response.set("Alarms", alarms);
      return response;
    });
  }

  private String policyId(TargetKey key, String name) {
    for (String id : state.scalingPolicies.ids()) {
      ObjectNode policy = state.scalingPolicies.get(id);
      if (sameTarget(policy, key) && name.equals(Json.text(policy, "PolicyName"))) {
        return id;
      }
    }
    return null;
  }

  private JsonNode deletePolicy(JsonNode request, RequestContext context) {
    TargetKey key = TargetKey.of(request, context);
    String name = Requests.required(request, "PolicyName", "ValidationException");
    return state.atomically(() -> {
      String id = policyId(key, name);
      if (id == null) {
        throw new ApiException("ObjectNotFoundException", "No scaling policy found for service namespace: "
            + key.namespace() + ", resource ID: " + key.resourceId() + ", scalable dimension: " + key.dimension()
            + ", policy name: " + name);
      }
      state.scalingPolicies.remove(id);
      return Json.object();
    });
  }

  private JsonNode describePolicies(JsonNode request, RequestContext context) {
    String namespace = Requests.required(request, "ServiceNamespace", "ValidationException");
    List<String> names = Json.strings(request, "PolicyNames");
    String resourceId = Json.text(request, "ResourceId");
    String dimension = Json.text(request, "ScalableDimension");
    return state.atomically(() -> {
      List<ObjectNode> matches = new ArrayList<>();
      for (ObjectNode policy : state.scalingPolicies.values()) {
        boolean match = context.region().equals(Arns.regionOf(Json.text(policy, "PolicyARN")))
            && namespace.equals(Json.text(policy, "ServiceNamespace"))
            && (names.isEmpty() || names.contains(Json.text(policy, "PolicyName")))
            && (resourceId == null || resourceId.equals(Json.text(policy, "ResourceId")))
            && (dimension == null || dimension.equals(Json.text(policy, "ScalableDimension")));
        if (match) {
          matches.add(policy);
        }
      }
      return Pages.response(Paging.APPLICATION_AUTO_SCALING, request, matches, "ScalingPolicies", 50, 50);
    });
  }

  private JsonNode putScheduledAction(JsonNode request, RequestContext context) {
    TargetKey key = TargetKey.of(request, context);
    String name = Requests.required(request, "ScheduledActionName", "ValidationException");
    if (name.length() > 256 || name.contains(":") || name.contains("/") || name.contains("|")) {
      throw ApiException.validation("Invalid ScheduledActionName '" + name + "': 1 to 256 characters, without ':',"
          + " '/' or '|'.");
    }
    String zone = Json.text(request, "Timezone", "UTC");
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw ApiException.validation("Invalid Timezone '" + zone + "': give an IANA time zone such as Europe/Paris.");
    }
    String schedule = Json.text(request, "Schedule");
    JsonNode action = request.get("ScalableTargetAction");
    return state.atomically(() -> {
      requireTarget(key);
      String id = key.id() + "|" + name;
      ObjectNode existing = state.scheduledActions.get(id);
      String effective = schedule != null ? schedule : existing != null ? Json.text(existing, "Schedule") : null;
      if (effective == null) {
        throw ApiException.validation("Schedule is required for a new scheduled action (" + name + ").");
      }
      try {
        Schedule.parse(effective, zoneId, true);
      } catch (InvalidScheduleException e) {
        throw ApiException.validation("Invalid Schedule: " + e.getMessage() + ".");
      }
      ObjectNode stored = existing == null ? Json.object() : existing.deepCopy();
      stored.put("ScheduledActionName", name);
      if (existing == null) {
        stored.put("ScheduledActionARN", "arn:aws:autoscaling:" + key.region() + ":" + Arns.ACCOUNT
            + ":scheduledAction:" + Ids.uuid() + ":resource/" + key.namespace() + "/" + key.resourceId()
            + ":scheduledActionName/" + name);
      }
      stored.put("ServiceNamespace", key.namespace());
      stored.put("Schedule", effective);
      stored.put("Timezone", zone);
      stored.put("ResourceId", key.resourceId());
      stored.put("ScalableDimension", key.dimension());
      for (String time : List.of("StartTime", "EndTime")) {
        if (request.has(time)) {
          stored.set(time, request.get(time));
        }
      }
      if (action != null) {
        Integer min = Json.integer(action, "MinCapacity");
        Integer max = Json.integer(action, "MaxCapacity");
        if (min != null && max != null && max < min) {
          throw ApiException.validation("ScalableTargetAction MaxCapacity (" + max + ") must be at least MinCapacity ("
              + min + ").");
        }
        stored.set("ScalableTargetAction", action.deepCopy());
      }
      if (existing == null) {
        stored.set("CreationTime", Json.timestamp(plane.clock().instant()));
      }
      state.scheduledActions.put(id, stored);
      return Json.object();
    });
  }

  private JsonNode describeScheduledActions(JsonNode request, RequestContext context) {
    String namespace = Requests.required(request, "ServiceNamespace", "ValidationException");
    List<String> names = Json.strings(request, "ScheduledActionNames");
    String resourceId = Json.text(request, "ResourceId");
    String dimension = Json.text(request, "ScalableDimension");
    return state.atomically(() -> {
      List<ObjectNode> matches = new ArrayList<>();
      for (String id : state.scheduledActions.ids()) {
        ObjectNode action = state.scheduledActions.get(id);
        boolean match = id.startsWith(context.region() + "|") && namespace.equals(Json.text(action, "ServiceNamespace"))
            && (names.isEmpty() || names.contains(Json.text(action, "ScheduledActionName")))
            && (resourceId == null || resourceId.equals(Json.text(action, "ResourceId")))
            && (dimension == null || dimension.equals(Json.text(action, "ScalableDimension")));
        if (match) {
          matches.add(action);
        }
      }
      return Pages.response(Paging.APPLICATION_AUTO_SCALING, request, matches, "ScheduledActions", 50, 50);
    });
  }

  private JsonNode deleteScheduledAction(JsonNode request, RequestContext context) {
    TargetKey key = TargetKey.of(request, context);
    String name = Requests.required(request, "ScheduledActionName", "ValidationException");
    return state.atomically(() -> {
      String id = key.id() + "|" + name;
      if (!state.scheduledActions.contains(id)) {
        throw new ApiException("ObjectNotFoundException", "No scheduled action found for service namespace: "
            + key.namespace() + ", resource ID: " + key.resourceId() + ", scalable dimension: " + key.dimension()
            + ", scheduled action name: " + name);
      }
      state.scheduledActions.remove(id);
      return Json.object();
    });
  }

  private JsonNode describeActivities(JsonNode request, RequestContext context) {
    String namespace = Requests.required(request, "ServiceNamespace", "ValidationException");
    String resourceId = Json.text(request, "ResourceId");
    String dimension = Json.text(request, "ScalableDimension");
    return state.atomically(() -> {
      List<String> keys = new ArrayList<>(state.scalingActivities.ids());
      keys.sort(java.util.Comparator.comparing((String k) -> k.substring(nthBar(k, 4) + 1)).reversed());
      List<ObjectNode> matches = new ArrayList<>();
      for (String id : keys) {
        ObjectNode activity = state.scalingActivities.get(id);
        boolean match = id.startsWith(context.region() + "|")
            && namespace.equals(Json.text(activity, "ServiceNamespace"))
            && (resourceId == null || resourceId.equals(Json.text(activity, "ResourceId")))
            && (dimension == null || dimension.equals(Json.text(activity, "ScalableDimension")));
        if (match) {
          matches.add(activity);
        }
      }
      return Pages.response(Paging.APPLICATION_AUTO_SCALING, request, matches, "ScalingActivities", 50, 50);
    });
  }

  /** The index of the {@code n}-th '|' of an activity key ({@code region|ns|resource|dimension|time|id}). */
  private static int nthBar(String key, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = key.indexOf('|', at + 1);
    }
    return at;
  }

  private void requireTargetArn(String arn) {
    boolean exists = state.scalableTargets.values().stream()
        .anyMatch(target -> arn.equals(Json.text(target, "ScalableTargetARN")));
    if (!exists) {
      throw ApiException.resourceNotFound("No scalable target with ARN " + arn + " exists.");
    }
  }
}
