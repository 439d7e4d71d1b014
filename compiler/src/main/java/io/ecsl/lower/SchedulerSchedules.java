package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.MISSING_REQUIRED;
import static io.ecsl.diag.LanguageCode.UNIT;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code schedule nightly { via = scheduler, cluster = prod, task = batch, expression = at("…"), … }}:
 * a scheduled task as one EventBridge Scheduler schedule ({@code CreateSchedule}) with its templated
 * ECS target (ecs-runtime-integrations §6.2). Unlike an EventBridge rule it has a time zone, a
 * flexible time window, one-time {@code at()} expressions, start and end dates and an action after
 * completion; the target's retry policy and dead-letter queue are written as for a rule.
 */
final class SchedulerSchedules {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** ecsl's names for the schedule's own members; everything else describes the task to run. */
  static final Map<String, String> SCHEDULE = Map.ofEntries(
      Map.entry("expression", "ScheduleExpression"), Map.entry("schedule_expression", "ScheduleExpression"),
      Map.entry("timezone", "ScheduleExpressionTimezone"), Map.entry("start", "StartDate"),
      Map.entry("end", "EndDate"), Map.entry("group", "GroupName"), Map.entry("after_completion", "ActionAfterCompletion"),
      Map.entry("description", "Description"), Map.entry("kms_key", "KmsKeyArn"), Map.entry("state", "State"));
  /** Settings of the target around the RunTask parameters (as for a rule, see {@link Schedules#TARGET}). */
  static final Set<String> TARGET = Set.of("role", "role_arn", "overrides", "input", "retry", "retry_policy",
      "dead_letter", "cluster", "task", "via", "enabled", "flexible_window");

  private final ModelBuilder builder;
  private final ProjectSettings project;

  SchedulerSchedules(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  Resource lower(Declaration d, Value.Obj body) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.SCHEDULER, "CreateSchedule", "schedule `" + d.label() + "`");
    String label = d.label();
    List<Value.Field> scheduleFields = new ArrayList<>();
    List<Value.Field> targetFields = new ArrayList<>();
    List<Value.Field> ecsFields = new ArrayList<>();
    Sugars sugars = builder.lower().sugars();
    Loc targetLoc = req.loc.member("Target", "schedule", d.span(), null).named(() -> "schedule `" + label + "`");
    String cluster = null;
    String family = null;
    Value overrides = null;
    for (Value.Field f : body.fields()) {
      String member = SCHEDULE.get(f.key());
      if (member != null) {
        scheduleFields.add(rename(f, member));
        continue;
      }
      switch (f.key()) {
        case "via" -> { }
        case "enabled" -> scheduleFields.add(new Value.Field("State", List.of(), f.value() instanceof Value.Bool b
            ? new Value.Str(f.valueSpan(), b.value() ? "ENABLED" : "DISABLED") : f.value(), f.keySpan(), f.valueSpan(),
            null, false, false));
        case "flexible_window" -> {
          Value window = flexibleWindow(f);
          if (window != null) {
            scheduleFields.add(rename(new Value.Field(f.key(), f.labels(), window, f.keySpan(), f.valueSpan(), f.in(),
                f.soft(), f.block()), "FlexibleTimeWindow"));
          }
        }
        case "cluster" -> cluster = sugars.reference(f.value(), Kind.CLUSTER, targetLoc.member("Arn", "cluster", f.span(), null));
        case "task" -> family = sugars.reference(f.value(), Kind.TASK, targetLoc.member("EcsParameters", "task", f.span(), null));
        case "role", "role_arn" -> targetFields.add(rename(f, "RoleArn"));
        case "retry", "retry_policy" -> targetFields.add(rename(f, "RetryPolicy"));
        case "dead_letter" -> targetFields.add(Schedules.deadLetter(f));
        case "input" -> targetFields.add(rename(f, "Input"));
        case "overrides" -> overrides = f.value();
        default -> ecsFields.add(f);
      }
    }
    Schedules rules = new Schedules(builder, project);
    if (!rules.targetComplete(d, cluster, family, "EventBridge Scheduler", "via = scheduler, ")) {
      return null;
    }
    Struct s = builder.lower().structure(new Value.Obj(body.span(), scheduleFields), req.shape, req.loc);
    builder.defaultName(s, "Name", d);
    if (!s.has("ScheduleExpression")) {
      builder.interpreter().report(Diagnostic.error(MISSING_REQUIRED, d.span(), "schedule `" + label + "` needs an `expression`")
          .withHint("expression = cron(\"0 3 * * ? *\"), rate(1h) or at(\"2026-12-24T18:00:00\")"));
    }
    // OFF is what the console and CloudFormation users write when they want the exact time; the
    // API requires the member, so ecsl makes it the default rather than an error.
    s.setDefault("FlexibleTimeWindow", JSON.objectNode().put("Mode", "OFF"));
    s.setDefault("State", JSON.textNode("ENABLED"));
    Shape target = req.shape.member("Target");
    Struct t = builder.lower().structure(new Value.Obj(body.span(), targetFields), target, targetLoc);
    rules.fillTarget(d, body, t, target, targetLoc, ecsFields, overrides, cluster, family);
    s.set("Target", t.build(), d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    for (String member : List.of("StartDate", "EndDate")) {
      // One spelling for one instant: UTC, as the API answers and CloudFormation's schema checks
      // (it takes `2027-01-06T00:00:00Z`, not `…+01:00`). An unreadable date is left for E1511.
      if (json.path(member).isTextual()) {
        try {
          json.put(member, java.time.OffsetDateTime.parse(json.path(member).asText()).toInstant().toString());
        } catch (java.time.format.DateTimeParseException e) {
          // reported by the rules, with the field's location
        }
      }
    }
    String name = json.path("Name").asText(label);
    String group = json.path("GroupName").asText("default");
    return new Resource(ResourceKind.SCHEDULE, name, null, d.span(),
        List.of(req.finish(json, "schedules/" + ("default".equals(group) ? "" : group + "/") + name + ".schedule.json")),
        Map.of());
  }

  /**
   * {@code flexible_window = 15m} is {@code {Mode: FLEXIBLE, MaximumWindowInMinutes: 15}};
   * {@code flexible_window = off} (or an object written in the API's terms) is taken as it is.
   */
  private Value flexibleWindow(Value.Field f) {
    if (!(f.value() instanceof Value.Quantity q)) {
      if (f.value() instanceof Value.Symbol sym && sym.name().equalsIgnoreCase("off")
          || f.value() instanceof Value.Str str && str.value().equalsIgnoreCase("off")) {
        return new Value.Obj(f.valueSpan(), List.of(new Value.Field("Mode", List.of(), new Value.Str(f.valueSpan(), "OFF"),
            f.keySpan(), f.valueSpan(), null, false, false)));
      }
      return f.value();
    }
    Long seconds = q.wholeBase();
    if (seconds == null || seconds % 60 != 0) {
      builder.interpreter().report(Diagnostic.error(UNIT, q.span(), "a flexible time window is a whole number of minutes, not "
          + q.display()).withHint("e.g. `flexible_window = 15m` (1 minute to 24 hours), or `flexible_window = off`"));
      return null;
    }
    return new Value.Obj(f.valueSpan(), List.of(
        new Value.Field("Mode", List.of(), new Value.Str(f.valueSpan(), "FLEXIBLE"), f.keySpan(), f.valueSpan(), null, false, false),
        new Value.Field("MaximumWindowInMinutes", List.of(), new Value.Int(q.span(), seconds / 60), f.keySpan(), q.span(),
            null, false, false)));
  }

  private static Value.Field rename(Value.Field f, String member) {
    return new Value.Field(member, f.labels(), f.value(), f.keySpan(), f.valueSpan(), f.in(), f.soft(), f.block());
  }
}
