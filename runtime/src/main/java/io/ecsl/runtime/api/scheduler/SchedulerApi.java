package io.ecsl.runtime.api.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.schedule.InvalidScheduleException;
import io.ecsl.facts.schedule.Schedule;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.InternalEndpoints;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.RequestShapes;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.schedules.SchedulerTimetable;
import io.ecsl.schema.ServiceModel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler (REST-JSON, signing name {@code scheduler}) as ecsl uses it for scheduled
 * tasks: schedules (create, get, update, delete, list) and schedule groups, stored in the API's
 * shape. Schedules fire on the runtime's clock ({@code io.ecsl.runtime.schedules.SchedulerSchedules}),
 * calling RunTask with the target's {@code EcsParameters}; the requests are checked against the
 * shipped Scheduler model, and the semantic checks follow ecs-runtime-integrations §6.2.
 */
public final class SchedulerApi {
  /** Where the API lives on the runtime's endpoint: every Scheduler operation's path starts so. */
  private static final Pattern PATH = Pattern.compile("^/(schedules|schedule-groups|tags)(/.*)?$");
  private static final Pattern NAME = Pattern.compile("^[0-9a-zA-Z\\-_.]{1,64}$");
  public static final String DEFAULT_GROUP = "default";
  private static final String NAMESPACE = "com.amazonaws.scheduler";

  /** An answer: the HTTP status and the JSON body. */
  public record Response(int status, String body, String errorType) {}

  private final RuntimeState state;
  private final ControlPlane plane;
  private final RequestShapes shapes = new RequestShapes(ServiceModel.get(ServiceModel.SCHEDULER));

  public SchedulerApi(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
  }

  public static String signingName() {
    return "scheduler";
  }

  /** Whether a request without {@code X-Amz-Target} to {@code path} is a Scheduler call. */
  public static boolean owns(String path) {
    return path != null && PATH.matcher(path).matches();
  }

  public Response handle(String method, String rawPath, String rawQuery, byte[] body, RequestContext context) {
    try {
      Map<String, String> query = InternalEndpoints.query(rawQuery);
      String[] parts = rawPath.substring(1).split("/", 2);
      String name = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      JsonNode request = body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()
          ? Json.object() : Json.parseRequest(body);
      if (!request.isObject()) {
        throw new ApiException("ValidationException", "The request body must be a JSON object.");
      }
      ObjectNode in = (ObjectNode) request;
      JsonNode result = switch (parts[0] + " " + method + (name == null ? "" : " {Name}")) {
        case "schedules POST {Name}" -> createSchedule(withName(in, name), context);
        case "schedules PUT {Name}" -> updateSchedule(withName(in, name), context);
        case "schedules GET {Name}" -> getSchedule(name, query.getOrDefault("groupName", DEFAULT_GROUP), context);
        case "schedules DELETE {Name}" -> deleteSchedule(name, query.getOrDefault("groupName", DEFAULT_GROUP), context);
        case "schedules GET" -> listSchedules(query, context);
        case "schedule-groups POST {Name}" -> createGroup(name, context);
        case "schedule-groups GET {Name}" -> getGroup(name, context);
        case "schedule-groups DELETE {Name}" -> deleteGroup(name, context);
        case "schedule-groups GET" -> listGroups(query, context);
        default -> throw new ApiException("UnknownOperationException", "The ecsl runtime does not implement EventBridge"
            + " Scheduler " + method + " " + rawPath + "; it supports schedules (create, get, update, delete, list) and"
            + " schedule groups (create, get, delete, list).", 404);
      };
      return new Response(200, Json.write(result), null);
    } catch (io.ecsl.runtime.json.JsonSyntaxException e) {
      return error(new ApiException("ValidationException", "The request body is not valid JSON: " + e.getMessage()));
    } catch (ApiException e) {
      return error(e);
    }
  }

  static Response error(ApiException e) {
    ObjectNode body = Json.object();
    body.put("__type", NAMESPACE + "#" + e.type());
    body.put("Message", e.getMessage());
    int status = switch (e.type()) {
      case "ResourceNotFoundException" -> 404;
      case "ConflictException" -> 409;
      case "ValidationException" -> 400;
      default -> e.status();
    };
    return new Response(status, Json.write(body), e.type());
  }

  private static ObjectNode withName(ObjectNode request, String name) {
    request.put("Name", name);
    return request;
  }

  public static String scheduleArn(String region, String group, String name) {
    return "arn:aws:scheduler:" + region + ":" + Arns.ACCOUNT + ":schedule/" + group + "/" + name;
  }

  private static String groupArn(String region, String group) {
    return "arn:aws:scheduler:" + region + ":" + Arns.ACCOUNT + ":schedule-group/" + group;
  }

  // ------------------------------------------------------------------------------ schedules

  private JsonNode createSchedule(ObjectNode request, RequestContext context) {
    ObjectNode schedule = validated("CreateSchedule", request, context);
    return state.atomically(() -> {
      String arn = Json.text(schedule, "Arn");
      requireGroup(context, Json.text(schedule, "GroupName"));
      if (state.schedulerSchedules.contains(arn)) {
        throw new ApiException("ConflictException", "Schedule " + Json.text(schedule, "Name") + " already exists.");
      }
      JsonNode now = Json.timestamp(plane.clock().instant());
      schedule.set("CreationDate", now);
      schedule.set("LastModificationDate", now);
      state.schedulerSchedules.put(arn, schedule);
      return Json.object().put("ScheduleArn", arn);
    });
  }

  private JsonNode updateSchedule(ObjectNode request, RequestContext context) {
    ObjectNode schedule = validated("UpdateSchedule", request, context);
    return state.atomically(() -> {
      String arn = Json.text(schedule, "Arn");
      ObjectNode current = state.schedulerSchedules.get(arn);
      if (current == null) {
        throw notFound(Json.text(schedule, "Name"));
      }
      // UpdateSchedule replaces the whole definition: members left out return to their defaults.
      schedule.set("CreationDate", current.get("CreationDate"));
      schedule.set("LastModificationDate", Json.timestamp(plane.clock().instant()));
      state.schedulerSchedules.put(arn, schedule);
      return Json.object().put("ScheduleArn", arn);
    });
  }

  private JsonNode getSchedule(String name, String group, RequestContext context) {
    ObjectNode schedule = state.schedulerSchedules.get(scheduleArn(context.region(), group, name));
    if (schedule == null) {
      throw notFound(name);
    }
    return schedule;
  }

  private JsonNode deleteSchedule(String name, String group, RequestContext context) {
    return state.atomically(() -> {
      String arn = scheduleArn(context.region(), group, name);
      if (!state.schedulerSchedules.contains(arn)) {
        throw notFound(name);
      }
      state.schedulerSchedules.remove(arn);
      return Json.object();
    });
  }

  private JsonNode listSchedules(Map<String, String> query, RequestContext context) {
    String group = query.get("ScheduleGroup");
    String prefix = query.get("NamePrefix");
    String wantedState = query.get("State");
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode s : state.schedulerSchedules.values()) {
      if (!Arns.regionOf(Json.text(s, "Arn")).equals(context.region())
          || group != null && !group.equals(Json.text(s, "GroupName"))
          || prefix != null && !Json.text(s, "Name", "").startsWith(prefix)
          || wantedState != null && !wantedState.equals(Json.text(s, "State"))) {
        continue;
      }
      matching.add(s);
    }
    matching.sort(Comparator.comparing(s -> Json.text(s, "Arn")));
    int max = Math.max(1, Math.min(100, parseInt(query.get("MaxResults"), 100)));
    int start = parseInt(query.get("NextToken"), 0);
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Schedules");
    for (int i = start; i < matching.size() && i < start + max; i++) {
      ObjectNode s = matching.get(i);
      ObjectNode summary = list.addObject();
      for (String member : List.of("Arn", "CreationDate", "GroupName", "LastModificationDate", "Name", "State")) {
        if (s.has(member)) {
          summary.set(member, s.get(member));
        }
      }
      summary.putObject("Target").put("Arn", Json.text(s.path("Target"), "Arn"));
    }
    if (start + max < matching.size()) {
      out.put("NextToken", Integer.toString(start + max));
    }
    return out;
  }

  private static int parseInt(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.validation("Invalid number '" + text + "'.");
    }
  }

  private static ApiException notFound(String name) {
    return new ApiException("ResourceNotFoundException", "Schedule " + name + " does not exist.", 404);
  }

  /** The stored schedule a create or update request describes, after the checks Scheduler makes. */
  private ObjectNode validated(String operation, ObjectNode request, RequestContext context) {
    shapes.check(operation, request);
    for (String member : List.of("ScheduleExpression", "FlexibleTimeWindow", "Target")) {
      if (!request.hasNonNull(member)) {
        throw ApiException.validation("1 validation error detected: Value null at '" + Character.toLowerCase(member.charAt(0))
            + member.substring(1) + "' failed to satisfy constraint: Member must not be null");
      }
    }
    for (String member : List.of("Arn", "RoleArn")) {
      if (!request.path("Target").hasNonNull(member)) {
        throw ApiException.validation("1 validation error detected: Value null at 'target." + Character.toLowerCase(member.charAt(0))
            + member.substring(1) + "' failed to satisfy constraint: Member must not be null");
      }
    }
    String name = Json.text(request, "Name");
    if (!NAME.matcher(name).matches()) {
      throw ApiException.validation("Invalid schedule name '" + name + "': use 1 to 64 letters, digits, '-', '_' and '.'.");
    }
    String group = Json.text(request, "GroupName", DEFAULT_GROUP);
    if (!NAME.matcher(group).matches()) {
      throw ApiException.validation("Invalid schedule group name '" + group + "'.");
    }
    String zone = Json.text(request, "ScheduleExpressionTimezone");
    ZoneId zoneId;
    try {
      zoneId = zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
      if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
        throw new DateTimeException(zone);
      }
    } catch (DateTimeException e) {
      throw ApiException.validation("Invalid ScheduleExpressionTimezone '" + zone + "': use an IANA time zone name such as"
          + " Europe/Paris.");
    }
    String expression = Json.text(request, "ScheduleExpression");
    try {
      Schedule.parse(expression, zoneId, true);
    } catch (InvalidScheduleException e) {
      throw ApiException.validation("Invalid Schedule Expression " + expression + ": " + e.getMessage() + ".");
    }
    JsonNode window = request.path("FlexibleTimeWindow");
    String mode = Json.text(window, "Mode");
    if ("FLEXIBLE".equals(mode) && !window.hasNonNull("MaximumWindowInMinutes")) {
      throw ApiException.validation("MaximumWindowInMinutes must be provided when the FlexibleTimeWindow Mode is FLEXIBLE.");
    }
    if ("OFF".equals(mode) && window.hasNonNull("MaximumWindowInMinutes")) {
      throw ApiException.validation("MaximumWindowInMinutes must not be provided when the FlexibleTimeWindow Mode is OFF.");
    }
    Instant start = SchedulerTimetable.date(request.get("StartDate"));
    Instant end = SchedulerTimetable.date(request.get("EndDate"));
    if (request.hasNonNull("StartDate") && start == null || request.hasNonNull("EndDate") && end == null) {
      throw ApiException.validation("StartDate and EndDate are timestamps.");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      throw ApiException.validation("The EndDate must be after the StartDate.");
    }
    JsonNode target = request.path("Target");
    JsonNode ecs = target.path("EcsParameters");
    if (ecs.isObject() && ecs.has("TaskCount") && (ecs.path("TaskCount").asInt() < 1 || ecs.path("TaskCount").asInt() > 10)) {
      throw ApiException.validation("EcsParameters.TaskCount must be between 1 and 10.");
    }
    ObjectNode schedule = Json.object();
    Map<String, JsonNode> members = new LinkedHashMap<>();
    request.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
    members.remove("ClientToken");
    schedule.put("Arn", scheduleArn(context.region(), group, name));
    schedule.put("Name", name);
    schedule.put("GroupName", group);
    schedule.put("State", Json.text(request, "State", "ENABLED"));
    schedule.put("ActionAfterCompletion", Json.text(request, "ActionAfterCompletion", "NONE"));
    for (Map.Entry<String, JsonNode> e : members.entrySet()) {
      if (!Set.of("Name", "GroupName", "State", "ActionAfterCompletion").contains(e.getKey())) {
        schedule.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    if (start != null) {
      schedule.set("StartDate", Json.timestamp(start));
    }
    if (end != null) {
      schedule.set("EndDate", Json.timestamp(end));
    }
    // Scheduler answers with the retry policy in effect (ecs-runtime-integrations §6.2: 185 / 86,400 s).
    ObjectNode storedTarget = (ObjectNode) schedule.get("Target");
    ObjectNode retry = storedTarget.has("RetryPolicy") ? (ObjectNode) storedTarget.get("RetryPolicy")
        : storedTarget.putObject("RetryPolicy");
    if (!retry.has("MaximumEventAgeInSeconds")) {
      retry.put("MaximumEventAgeInSeconds", 86400);
    }
    if (!retry.has("MaximumRetryAttempts")) {
      retry.put("MaximumRetryAttempts", 185);
    }
    return schedule;
  }

  // ------------------------------------------------------------------------------ groups

  private void requireGroup(RequestContext context, String group) {
    if (!DEFAULT_GROUP.equals(group) && !state.scheduleGroups.contains(groupArn(context.region(), group))) {
      throw new ApiException("ResourceNotFoundException", "Schedule group " + group + " does not exist.", 404);
    }
  }

  private JsonNode createGroup(String name, RequestContext context) {
    if (!NAME.matcher(name).matches() || DEFAULT_GROUP.equals(name)) {
      throw ApiException.validation("Invalid schedule group name '" + name + "'.");
    }
    return state.atomically(() -> {
      String arn = groupArn(context.region(), name);
      if (state.scheduleGroups.contains(arn)) {
        throw new ApiException("ConflictException", "Schedule group " + name + " already exists.");
      }
      JsonNode now = Json.timestamp(plane.clock().instant());
      ObjectNode group = Json.object().put("Arn", arn).put("Name", name).put("State", "ACTIVE");
      group.set("CreationDate", now);
      group.set("LastModificationDate", now);
      state.scheduleGroups.put(arn, group);
      return Json.object().put("ScheduleGroupArn", arn);
    });
  }

  private JsonNode getGroup(String name, RequestContext context) {
    if (DEFAULT_GROUP.equals(name)) {
      return Json.object().put("Arn", groupArn(context.region(), name)).put("Name", name).put("State", "ACTIVE");
    }
    ObjectNode group = state.scheduleGroups.get(groupArn(context.region(), name));
    if (group == null) {
      throw new ApiException("ResourceNotFoundException", "Schedule group " + name + " does not exist.", 404);
    }
    return group;
  }

  /** Deleting a group deletes its schedules, as Scheduler does. */
  private JsonNode deleteGroup(String name, RequestContext context) {
    if (DEFAULT_GROUP.equals(name)) {
      throw ApiException.validation("The default schedule group cannot be deleted.");
    }
    return state.atomically(() -> {
      String arn = groupArn(context.region(), name);
      if (!state.scheduleGroups.contains(arn)) {
        throw new ApiException("ResourceNotFoundException", "Schedule group " + name + " does not exist.", 404);
      }
      state.scheduleGroups.remove(arn);
      for (ObjectNode s : state.schedulerSchedules.values()) {
        if (name.equals(Json.text(s, "GroupName")) && context.region().equals(Arns.regionOf(Json.text(s, "Arn")))) {
          state.schedulerSchedules.remove(Json.text(s, "Arn"));
        }
      }
      return Json.object();
    });
  }

  private JsonNode listGroups(Map<String, String> query, RequestContext context) {
    String prefix = query.get("NamePrefix");
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("ScheduleGroups");
    List<JsonNode> groups = new ArrayList<>();
    groups.add(getGroup(DEFAULT_GROUP, context));
    state.scheduleGroups.values().stream().filter(g -> Arns.regionOf(Json.text(g, "Arn")).equals(context.region()))
        .sorted(Comparator.comparing(g -> Json.text(g, "Name"))).forEach(groups::add);
    for (JsonNode g : groups) {
      if (prefix == null || Json.text(g, "Name", "").startsWith(prefix)) {
        list.add(g);
      }
    }
    return out;
  }
}
