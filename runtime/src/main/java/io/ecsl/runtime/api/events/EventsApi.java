package io.ecsl.runtime.api.events;

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
import io.ecsl.facts.schedule.InvalidScheduleException;
import io.ecsl.facts.schedule.Schedule;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The EventBridge subset ecsl uses for scheduled tasks ({@code AWSEvents}): rules and their
 * targets, stored and described faithfully, enabled and disabled. Scheduled rules fire on the
 * runtime's clock ({@code io.ecsl.runtime.schedules.ScheduledRules}), calling RunTask with each ECS
 * target's {@code EcsParameters}.
 */
public final class EventsApi implements AwsService {
  private static final Pattern NAME = Pattern.compile("^[\\.\\-_A-Za-z0-9]{1,64}$");
  private static final String DEFAULT_BUS = "default";

  private final ControlPlane plane;
  private final RuntimeState state;

  private final ResourceTags tags;

  public EventsApi(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
    this.tags = new ResourceTags(state, ResourceTags.Form.KEY_VALUE_LIST, "ValidationException", this::requireRule);
  }

  @Override
  public String targetPrefix() {
    return "AWSEvents";
  }

  @Override
  public String signingName() {
    return "events";
  }

  @Override
  public String errorNamespace() {
    return "com.amazonaws.events";
  }

  @Override
  public JsonNode call(String operation, JsonNode request, RequestContext context) {
    return switch (operation) {
      case "PutRule" -> putRule(request, context);
      case "DescribeRule" -> describeRule(request, context);
      case "ListRules" -> listRules(request, context);
      case "DeleteRule" -> deleteRule(request, context);
      case "EnableRule" -> setState(request, context, "ENABLED");
      case "DisableRule" -> setState(request, context, "DISABLED");
      case "PutTargets" -> putTargets(request, context);
      case "ListTargetsByRule" -> listTargets(request, context);
      case "RemoveTargets" -> removeTargets(request, context);
      case "TagResource" -> tags.tag(request);
      case "UntagResource" -> tags.untag(request);
      case "ListTagsForResource" -> tags.list(request);
      default -> throw new ApiException("UnknownOperationException", "The ecsl runtime does not implement"
          + " EventBridge " + operation + "; it supports rules (put, describe, list, enable, disable, delete), targets"
          + " and tags.");
    };
  }

  private static String ruleArn(RequestContext context, String bus, String name) {
    String path = DEFAULT_BUS.equals(bus) ? "rule/" + name : "rule/" + bus + "/" + name;
    return "arn:aws:events:" + context.region() + ":" + Arns.ACCOUNT + ":" + path;
  }

  private static String bus(JsonNode request) {
    String bus = Json.text(request, "EventBusName", DEFAULT_BUS);
    return Arns.isArn(bus) ? Arns.lastSegment(bus) : bus;
  }

  private ObjectNode rule(RequestContext context, String bus, String name) {
    ObjectNode rule = state.rules.get(ruleArn(context, bus, name));
    if (rule == null) {
      throw ApiException.resourceNotFound("Rule " + name + " does not exist on EventBus " + bus + ".");
    }
    return rule;
  }

  private JsonNode putRule(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "Name", "ValidationException");
    if (!NAME.matcher(name).matches()) {
      throw ApiException.validation("Invalid rule name '" + name + "': use 1 to 64 letters, digits, '.', '-' and '_'.");
    }
    String schedule = Json.text(request, "ScheduleExpression");
    String pattern = Json.text(request, "EventPattern");
    if (schedule == null && pattern == null) {
      throw ApiException.validation("Parameter(s) ScheduleExpression or EventPattern must be specified.");
    }
    if (schedule != null) {
      try {
        Schedule.parse(schedule);
      } catch (InvalidScheduleException e) {
        throw ApiException.validation("Parameter ScheduleExpression is not valid: " + e.getMessage() + ".");
      }
    }
    if (pattern != null) {
      try {
        Json.parse(pattern);
      } catch (RuntimeException e) {
        throw new ApiException("InvalidEventPatternException", "Event pattern is not valid JSON: " + e.getMessage());
      }
    }
    String state1 = Json.text(request, "State", "ENABLED");
    if (!List.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS").contains(state1)) {
      throw ApiException.validation("Invalid State '" + state1 + "': use ENABLED or DISABLED.");
    }
    List<Tag> newTags = tags.parse(request.get("Tags"));
    String bus = bus(request);
    return state.atomically(() -> {
      String arn = ruleArn(context, bus, name);
      ObjectNode rule = Json.object();
      rule.put("Name", name);
      rule.put("Arn", arn);
      Json.putIfPresent(rule, "EventPattern", pattern);
      Json.putIfPresent(rule, "ScheduleExpression", schedule);
      rule.put("State", state1);
      Json.putIfPresent(rule, "Description", Json.text(request, "Description"));
      Json.putIfPresent(rule, "RoleArn", Json.text(request, "RoleArn"));
      rule.put("EventBusName", bus);
      rule.put("CreatedBy", Arns.ACCOUNT);
      state.rules.put(arn, rule);
      if (!newTags.isEmpty()) {
        state.putTags(arn, newTags);
      }
      ObjectNode response = Json.object();
      response.put("RuleArn", arn);
      return response;
    });
  }

  private JsonNode describeRule(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "Name", "ValidationException");
    return state.atomically(() -> rule(context, bus(request), name).deepCopy());
  }

  private JsonNode listRules(JsonNode request, RequestContext context) {
    String prefix = Json.text(request, "NamePrefix", "");
    String bus = bus(request);
    return state.atomically(() -> {
      List<ObjectNode> rules = new ArrayList<>();
      for (ObjectNode rule : state.rules.values()) {
        boolean matches = Json.text(rule, "Name").startsWith(prefix) && bus.equals(Json.text(rule, "EventBusName"))
            && context.region().equals(Arns.regionOf(Json.text(rule, "Arn")));
        if (matches) {
          ObjectNode summary = rule.deepCopy();
          summary.remove("CreatedBy");
          rules.add(summary);
        }
      }
      return Pages.response(Paging.EVENTS, request, rules, "Rules", 100, 100);
    });
  }

  private JsonNode deleteRule(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "Name", "ValidationException");
    return state.atomically(() -> {
      String arn = ruleArn(context, bus(request), name);
      if (!state.rules.contains(arn)) {
        return Json.object(); // DeleteRule of a missing rule succeeds
      }
      if (!targetsOf(arn).isEmpty()) {
        throw ApiException.validation("Rule can't be deleted since it has targets; remove them with RemoveTargets"
            + " first.");
      }
      state.rules.remove(arn);
      state.deleteTags(arn);
      return Json.object();
    });
  }

  private JsonNode setState(JsonNode request, RequestContext context, String ruleState) {
    String name = Requests.required(request, "Name", "ValidationException");
    JsonNode response = state.atomically(() -> {
      ObjectNode rule = rule(context, bus(request), name).deepCopy();
      rule.put("State", ruleState);
      state.rules.put(Json.text(rule, "Arn"), rule);
      return Json.object();
    });
    plane.requestTick();
    return response;
  }

  private List<ObjectNode> targetsOf(String ruleArn) {
    List<ObjectNode> out = new ArrayList<>();
    for (String key : state.ruleTargets.ids()) {
      if (key.startsWith(ruleArn + "|")) {
        out.add(state.ruleTargets.get(key));
      }
    }
    return out;
  }

  private JsonNode putTargets(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "Rule", "ValidationException");
    List<JsonNode> targets = Json.list(request, "Targets");
    if (targets.isEmpty() || targets.size() > 10) {
      throw ApiException.validation("Targets must hold 1 to 10 targets; got " + targets.size() + ".");
    }
    return state.atomically(() -> {
      String arn = Json.text(rule(context, bus(request), name), "Arn");
      ObjectNode response = Json.object();
      ArrayNode failed = Json.array();
      for (JsonNode target : targets) {
        String id = Json.text(target, "Id");
        String targetArn = Json.text(target, "Arn");
        if (id == null || !NAME.matcher(id).matches() || targetArn == null) {
          failed.addObject().put("TargetId", id).put("ErrorCode", "ValidationException")
              .put("ErrorMessage", "A target needs an Id (1-64 of letters, digits, '.', '-', '_') and an Arn.");
          continue;
        }
        state.ruleTargets.put(arn + "|" + id, (ObjectNode) target.deepCopy());
      }
      response.put("FailedEntryCount", failed.size());
      response.set("FailedEntries", failed);
      return response;
    });
  }

  private JsonNode listTargets(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "Rule", "ValidationException");
    return state.atomically(() -> {
      String arn = Json.text(rule(context, bus(request), name), "Arn");
      return Pages.response(Paging.EVENTS, request, targetsOf(arn), "Targets", 100, 100);
    });
  }

  private JsonNode removeTargets(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "Rule", "ValidationException");
    List<String> ids = Json.strings(request, "Ids");
    return state.atomically(() -> {
      String arn = Json.text(rule(context, bus(request), name), "Arn");
      ObjectNode response = Json.object();
      ArrayNode failed = Json.array();
      for (String id : ids) {
        if (state.ruleTargets.contains(arn + "|" + id)) {
          state.ruleTargets.remove(arn + "|" + id);
        } else {
          failed.addObject().put("TargetId", id).put("ErrorCode", "ResourceNotFoundException")
              .put("ErrorMessage", "Target " + id + " is not a target of rule " + name + ".");
        }
      }
      response.put("FailedEntryCount", failed.size());
      response.set("FailedEntries", failed);
      return response;
    });
  }

  private void requireRule(String arn) {
    if (!state.rules.contains(arn)) {
      throw ApiException.resourceNotFound("Rule " + Arns.lastSegment(arn) + " does not exist (" + arn + ").");
    }
  }
}
