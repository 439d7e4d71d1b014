package io.ecsl.lower;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.ResourceKind;
import java.util.List;
import java.util.Map;

/**
 * First-class Elastic Load Balancing syntax, over the model-driven fields of the ELBv2 API:
 * a target group's {@code health_check { … }}, a load balancer's {@code internal = true}, a
 * listener's {@code forward = web} / {@code forward { web = 90, web_green = 10 }}, and a service's
 * {@code load_balancer { target_group = web }}.
 */
final class Elb {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** {@code health_check { … }}: the words a user writes, the flat CreateTargetGroup members they mean. */
  private static final Map<String, String> HEALTH_CHECK = Map.ofEntries(
      Map.entry("path", "HealthCheckPath"),
      Map.entry("port", "HealthCheckPort"),
      Map.entry("protocol", "HealthCheckProtocol"),
      Map.entry("enabled", "HealthCheckEnabled"),
      Map.entry("interval", "HealthCheckIntervalSeconds"),
      Map.entry("timeout", "HealthCheckTimeoutSeconds"),
      Map.entry("healthy", "HealthyThresholdCount"),
      Map.entry("healthy_threshold", "HealthyThresholdCount"),
      Map.entry("unhealthy", "UnhealthyThresholdCount"),
      Map.entry("unhealthy_threshold", "UnhealthyThresholdCount"),
      Map.entry("matcher", "Matcher"));

  private Elb() {}

  static void register(Sugars sugars) {
    Lower lower = sugars.lower();
    sugars.sugar("LoadBalancer", "target_group", Fills.reference("targetGroupArn", Kind.TARGET_GROUP), (s, f) -> {
      String arn = sugars.arnReference(f.value(), Kind.TARGET_GROUP, ResourceKind.TARGET_GROUP,
          s.memberLoc("targetGroupArn", f.key(), f.span()));
      if (arn != null) {
        s.set("targetGroupArn", JSON.textNode(arn), f.span());
      }
    });
    sugars.sugar("CreateTargetGroupInput", "health_check", Fills.member("HealthCheckPath"), (s, f) -> healthCheck(lower, s, f));
    sugars.sugar("CreateLoadBalancerInput", "internal", Fills.member("Scheme").words("true", "false"), (s, f) -> {
      if (!(f.value() instanceof Value.Bool b)) {
        lower.mismatch(f.value(), "`true` or `false`", s.memberLoc("Scheme", f.key(), f.span()));
        return;
      }
      s.set("Scheme", JSON.textNode(b.value() ? "internal" : "internet-facing"), f.span());
    });
    sugars.sugar("CreateListenerInput", "forward", Fills.reference("DefaultActions", Kind.TARGET_GROUP), (s, f) -> addForward(sugars, s, f, "DefaultActions"));
    sugars.sugar("CreateRuleInput", "forward", Fills.reference("Actions", Kind.TARGET_GROUP), (s, f) -> addForward(sugars, s, f, "Actions"));
    sugars.sugar("CreateRuleInput", "path", Fills.member("Conditions"), (s, f) -> condition(lower, s, f, "path-pattern", "PathPatternConfig"));
    sugars.sugar("CreateRuleInput", "host", Fills.member("Conditions"), (s, f) -> condition(lower, s, f, "host-header", "HostHeaderConfig"));
    sugars.sugar("CreateRuleInput", "method", Fills.member("Conditions"), (s, f) -> condition(lower, s, f, "http-request-method", "HttpRequestMethodConfig"));
  }

  private static void addForward(Sugars sugars, Struct s, Value.Field f, String member) {
    ObjectNode action = forward(sugars, s, f, member);
    if (action != null) {
      ArrayNode actions = s.list(member, f.span());
      sugars.lower().spans().put(s.at(member).element(actions.size(), f.span()), f.span());
      actions.add(action);
    }
  }

  /**
   * {@code path = "/api/*"}, {@code host = ["a.example.com", "b.example.com"]}, {@code method = [GET, HEAD]}:
   * a rule condition on that field with those values (any of them matches).
   */
  private static void condition(Lower lower, Struct s, Value.Field f, String field, String config) {
    List<Value> items = f.value() instanceof Value.ListV list ? list.items() : List.of(f.value());
    ObjectNode condition = JSON.objectNode();
    condition.put("Field", field);
    ArrayNode values = condition.putObject(config).putArray("Values");
    for (Value item : items) {
      String text = Sugars.word(item);
      if (text == null) {
        lower.mismatch(item, "a string such as `\"/api/*\"`", s.memberLoc("Conditions", f.key(), item.span()));
        return;
      }
      values.add(text);
    }
    ArrayNode conditions = s.list("Conditions", f.span());
    lower.spans().put(s.at("Conditions").element(conditions.size(), f.span()), f.span());
    conditions.add(condition);
  }

  private static void healthCheck(Lower lower, Struct s, Value.Field f) {
    if (!(f.value() instanceof Value.Obj block)) {
      lower.mismatch(f.value(), "a block `{ path = \"/\", interval = 30s, … }`", s.memberLoc("HealthCheckPath", f.key(), f.span()));
      return;
    }
    for (Value.Field h : block.fields()) {
      String member = HEALTH_CHECK.get(h.key());
      if (member == null) {
        lower.report(Diagnostic.error(LanguageCode.UNKNOWN_ATTRIBUTE, h.keySpan(), "`" + h.key() + "` is not a health check setting")
            .withHint("expected one of: " + String.join(", ", new java.util.TreeSet<>(HEALTH_CHECK.keySet()))));
        continue;
      }
      Value v = h.value();
      if (member.equals("Matcher") && (v instanceof Value.Str || v instanceof Value.Int)) {
        ObjectNode matcher = JSON.objectNode();
        matcher.put("HttpCode", v instanceof Value.Int i ? Long.toString(i.value()) : ((Value.Str) v).value());
        s.set("Matcher", matcher, h.span());
      } else if (member.equals("HealthCheckPort") && v instanceof Value.Int i) {
        s.set(member, JSON.textNode(Long.toString(i.value())), h.span());
      } else {
        JsonNode lowered = s.lowerMember(member, h.key(), v, h.span());
        if (lowered != null) {
          s.set(member, lowered, h.span());
        }
      }
    }
  }

  /**
   * {@code forward = web} (one target group) or {@code forward { web = 90, web_green = 10 }}
   * (weighted): a forward action. The weighted form's keys are words, so they are looked up among
   * the project's target groups by name.
   */
  private static ObjectNode forward(Sugars sugars, Struct s, Value.Field f, String member) {
    Lower lower = sugars.lower();
    ObjectNode action = JSON.objectNode();
    action.put("Type", "forward");
    if (f.value() instanceof Value.Obj weights) {
      ArrayNode groups = action.putObject("ForwardConfig").putArray("TargetGroups");
      TargetGroupNames names = lower.targetGroups();
      for (Value.Field w : weights.fields()) {
        var d = names.find(w.key());
        if (d == null) {
          lower.report(Diagnostic.error(LanguageCode.UNKNOWN_NAME, w.keySpan(), names.ambiguous(w.key())
              ? "several target groups are labelled `" + w.key() + "`" : "no target group is named `" + w.key() + "`")
              .withHint(names.names().isEmpty() ? "declare one with `target_group " + w.key() + " { … }`"
                  : "declared target groups: " + String.join(", ", names.names())));
          continue;
        }
        ObjectNode group = groups.addObject();
        group.put("TargetGroupArn", io.ecsl.model.ArnPlaceholder.of(ResourceKind.TARGET_GROUP, names.awsName(d)));
        if (!(w.value() instanceof Value.Int weight)) {
          lower.mismatch(w.value(), "a weight such as `90`", s.memberLoc(member, f.key(), w.span()));
          continue;
        }
        group.put("Weight", weight.value());
      }
      return action;
    }
    String arn = sugars.arnReference(f.value(), Kind.TARGET_GROUP, ResourceKind.TARGET_GROUP, s.memberLoc(member, f.key(), f.span()));
    if (arn == null) {
      return null;
    }
    action.put("TargetGroupArn", arn);
    return action;
  }
}
