package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.ACCOUNT_ID_NEEDED;
import static io.ecsl.diag.LanguageCode.INVALID_VALUE;
import static io.ecsl.diag.LanguageCode.MISSING_REQUIRED;
import static io.ecsl.diag.LanguageCode.UNKNOWN_ATTRIBUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * {@code schedule nightly { cluster = prod, task = batch, expression = cron("0 3 * * ? *"), … }}:
 * a scheduled task as an EventBridge rule ({@code PutRule}) and its ECS target ({@code PutTargets}).
 */
final class Schedules {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Settings of the rule itself; everything else describes the task to run. */
  static final Set<String> RULE = Set.of("expression", "schedule_expression", "state", "description", "tags",
      "event_bus_name", "enabled");
  /** Settings of the EventBridge target around the RunTask parameters. */
  static final Set<String> TARGET = Set.of("role", "role_arn", "overrides", "input", "retry", "retry_policy",
      "dead_letter", "id", "cluster", "task", "via");

  /** Settings only EventBridge Scheduler has: written on a rule, they say to add {@code via = scheduler}. */
  static final Set<String> SCHEDULER_ONLY = Set.of("timezone", "start", "end", "flexible_window", "group",
      "after_completion", "kms_key");

  private final ModelBuilder builder;
  private final ProjectSettings project;

  Schedules(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  Resource lower(Declaration d) {
    Value.Obj body = d.body(builder.interpreter());
    Value via = body.get("via");
    if (via != null) {
      String word = via instanceof Value.Symbol s ? s.name() : via instanceof Value.Str s ? s.value() : "";
      switch (word) {
        case "scheduler" -> {
          return new SchedulerSchedules(builder, project).lower(d, body);
        }
        case "events", "rule" -> { }
        default -> {
          builder.interpreter().report(Diagnostic.error(INVALID_VALUE, via.span(), "a schedule runs `via = scheduler`"
              + " (EventBridge Scheduler) or `via = events` (an EventBridge rule, the default), not "
              + (word.isEmpty() ? "a " + via.typeName() : "`" + word + "`")).withHint("via = scheduler"));
          return null;
        }
      }
    }
    List<Value.Field> ruleFields = new ArrayList<>();
    List<Value.Field> ecsFields = new ArrayList<>();
    for (Value.Field f : body.fields()) {
      if (SCHEDULER_ONLY.contains(f.key())) {
        builder.interpreter().report(Diagnostic.error(UNKNOWN_ATTRIBUTE, f.keySpan(), "`" + f.key() + "` is a setting of"
            + " EventBridge Scheduler schedules; schedule `" + d.label() + "` is an EventBridge rule")
            .withHint("add `via = scheduler` to declare it as an EventBridge Scheduler schedule (CreateSchedule)"));
        continue;
      }
      if (f.key().equals("via")) {
        continue;
      }
      if (RULE.contains(f.key())) {
        ruleFields.add(f);
      } else if (!TARGET.contains(f.key())) {
        ecsFields.add(f);
      }
    }
    ApiRequest rule = rule(d, body, ruleFields);
    ApiRequest targets = targets(d, body, ecsFields, rule.body().path("Name").asText(d.label()));
    if (targets == null) {
      return null;
    }
    return new Resource(ResourceKind.SCHEDULE, rule.body().path("Name").asText(d.label()), null, d.span(),
        List.of(rule, targets), Map.of());
  }

  private ApiRequest rule(Declaration d, Value.Obj body, List<Value.Field> fields) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.EVENTS, "PutRule", "schedule `" + d.label() + "`");
    List<Value.Field> renamed = new ArrayList<>();
    for (Value.Field f : fields) {
      switch (f.key()) {
        case "expression" -> renamed.add(rename(f, "ScheduleExpression"));
        case "enabled" -> renamed.add(new Value.Field("State", List.of(), f.value() instanceof Value.Bool b
            ? new Value.Str(f.valueSpan(), b.value() ? "ENABLED" : "DISABLED") : f.value(), f.keySpan(), f.valueSpan(), null, false, false));
        default -> renamed.add(f);
      }
    }
    Struct s = builder.lower().structure(new Value.Obj(body.span(), renamed), req.shape, req.loc);
    builder.defaultName(s, "Name", d);
    if (!s.has("ScheduleExpression")) {
      builder.interpreter().report(Diagnostic.error(MISSING_REQUIRED, d.span(), "schedule `" + d.label() + "` needs an `expression`")
          .withHint("expression = cron(\"0 3 * * ? *\") or expression = rate(1h)"));
    }
    s.setDefault("State", JSON.textNode("ENABLED"));
    project.applyTags(s, "Tags", d.span());
    return req.finish(s.build(), "schedules/" + s.build().path("Name").asText(d.label()) + ".rule.json");
  }

  private ApiRequest targets(Declaration d, Value.Obj body, List<Value.Field> ecsFields, String ruleName) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.EVENTS, "PutTargets", "schedule `" + d.label() + "`");
    Sugars sugars = builder.lower().sugars();
    Shape target = req.shape.member("Targets").element();
    String label = d.label(); // descriptions capture the name, not the declaration
    Loc targetLoc = req.loc.member("Targets", "schedule", d.span(), null).element(0, d.span()).named(() -> "schedule `" + label + "`");
    List<Value.Field> targetFields = new ArrayList<>();
    String cluster = null;
    String family = null;
    for (Value.Field f : body.fields()) {
      switch (f.key()) {
        case "cluster" -> cluster = sugars.reference(f.value(), Kind.CLUSTER, targetLoc.member("Arn", "cluster", f.span(), null));
        case "task" -> family = sugars.reference(f.value(), Kind.TASK, targetLoc.member("EcsParameters", "task", f.span(), null));
        case "role", "role_arn" -> targetFields.add(rename(f, "RoleArn"));
        case "retry", "retry_policy" -> targetFields.add(rename(f, "RetryPolicy"));
        case "dead_letter" -> targetFields.add(deadLetter(f));
        case "id", "input" -> targetFields.add(f);
        default -> {}
      }
    }
    if (!targetComplete(d, cluster, family, "EventBridge", "")) {
      return null;
    }
    Struct s = builder.lower().structure(new Value.Obj(body.span(), List.of()), req.shape, req.loc);
    s.set("Rule", JSON.textNode(ruleName), d.labelSpan());
    ArrayNode targets = s.list("Targets", d.span());
    Struct t = builder.lower().structure(new Value.Obj(body.span(), targetFields), target, targetLoc);
    t.setDefault("Id", JSON.textNode("ecs-task"));
    fillTarget(d, body, t, target, targetLoc, ecsFields, body.get("overrides"), cluster, family);
    targets.add(t.build());
    return req.finish(s.build(), "schedules/" + ruleName + ".targets.json");
  }

  /**
   * Reports what a schedule's target lacks (a cluster, a task, the account id its ARNs need), for
   * {@code service} (EventBridge or EventBridge Scheduler); true when it lacks nothing.
   */
  boolean targetComplete(Declaration d, String cluster, String family, String service, String via) {
    if (cluster == null || family == null) {
      builder.interpreter().report(Diagnostic.error(MISSING_REQUIRED, d.span(), "schedule `" + d.label() + "` needs "
          + (cluster == null && family == null ? "a `cluster` and a `task`" : cluster == null ? "a `cluster`" : "a `task`"))
          .withHint("schedule " + d.label() + " { " + via + "cluster = prod, task = batch, expression = rate(1h) }"));
      return false;
    }
    if (project.accountId() == null && !(cluster.startsWith("arn:") && family.startsWith("arn:"))) {
      builder.interpreter().report(Diagnostic.error(ACCOUNT_ID_NEEDED, d.span(), "schedule `" + d.label()
          + "` needs the AWS account id: " + service + " targets take the cluster and task definition ARNs")
          .withHint("pass --account-id 123456789012, or set project { account_id = \"123456789012\" }"));
      return false;
    }
    return true;
  }

  /**
   * Fills an ECS target, a rule's or a Scheduler schedule's (the same members): the cluster ARN,
   * the {@code EcsParameters} from {@code ecsFields}, and {@code overrides} as its {@code Input}.
   */
  void fillTarget(Declaration d, Value.Obj body, Struct t, Shape target, Loc targetLoc, List<Value.Field> ecsFields,
      Value overrides, String cluster, String family) {
    String label = d.label(); // descriptions capture the name, not the declaration
    String account = project.accountId();
    String region = project.region();
    t.set("Arn", JSON.textNode(Arns.cluster(region, account, cluster)), d.span());
    Struct ecs = builder.lower().structure(new Value.Obj(body.span(), ecsFields), target.member("EcsParameters"),
        targetLoc.member("EcsParameters", "schedule", d.span(), null).named(() -> "schedule `" + label + "`"));
    ecs.set("TaskDefinitionArn", JSON.textNode(Arns.taskDefinition(region, account, family)), d.span());
    ecs.checkRequired(d.span());
    t.set("EcsParameters", ecs.build(), d.span());
    if (overrides != null) {
      JsonNode input = builder.lower().value(overrides, ServiceModel.get(ServiceModel.ECS).shape("TaskOverride"),
          targetLoc.member("Input", "overrides", overrides.span(), null).named(() -> "`overrides` of schedule `" + label + "`"));
      if (input != null) {
        // compact, as toString() writes it, without the databind mapper toString() sets up
        t.set("Input", JSON.textNode(io.ecsl.emit.Json.compact(input)), overrides.span());
      }
    }
    t.checkRequired(d.span());
  }

  /** {@code dead_letter = "arn:aws:sqs:…"} is the target's {@code DeadLetterConfig {Arn}}. */
  static Value.Field deadLetter(Value.Field f) {
    return new Value.Field("DeadLetterConfig", List.of(), new Value.Obj(f.valueSpan(),
        List.of(new Value.Field("Arn", List.of(), f.value(), f.keySpan(), f.valueSpan(), null, false, false))),
        f.keySpan(), f.valueSpan(), null, false, false);
  }

  private static Value.Field rename(Value.Field f, String member) {
    return new Value.Field(member, f.labels(), f.value(), f.keySpan(), f.valueSpan(), f.in(), f.soft(), f.block());
  }

}
