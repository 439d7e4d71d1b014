package io.ecsl.lower;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.eval.Unit;
import io.ecsl.eval.Value;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.ResourceKind;
import io.ecsl.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of a target group or a load balancer: ELBv2 sets them after creation, by
 * {@code ModifyTargetGroupAttributes} / {@code ModifyLoadBalancerAttributes} with key/value pairs,
 * so they lower to a second request of the resource. First-class syntax for the common ones
 * ({@code deregistration_delay = 30s}, {@code slow_start = 1m}, {@code algorithm =
 * least_outstanding_requests}, {@code stickiness { type = lb_cookie, duration = 1h }},
 * {@code idle_timeout = 120s}, {@code deletion_protection = true}); any other by its ELBv2 key in
 * {@code attributes { "waf.fail_open.enabled" = "true" }}.
 */
final class ElbAttributes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** How a first-class attribute is written: a duration in seconds, a word, a boolean. */
  private enum Form { SECONDS, WORD, BOOL }

  private record Sugar(String key, Form form) {}

  private static final Map<String, Sugar> TARGET_GROUP = Map.of(
      "deregistration_delay", new Sugar("deregistration_delay.timeout_seconds", Form.SECONDS),
      "slow_start", new Sugar("slow_start.duration_seconds", Form.SECONDS),
      "algorithm", new Sugar("load_balancing.algorithm.type", Form.WORD),
      "cross_zone", new Sugar("load_balancing.cross_zone.enabled", Form.WORD));

  private static final Map<String, Sugar> LOAD_BALANCER = Map.of(
      "idle_timeout", new Sugar("idle_timeout.timeout_seconds", Form.SECONDS),
      "deletion_protection", new Sugar("deletion_protection.enabled", Form.BOOL),
      "cross_zone", new Sugar("load_balancing.cross_zone.enabled", Form.BOOL),
      "http2", new Sugar("routing.http2.enabled", Form.BOOL));

  private final Lower lower;
  private final ResourceKind kind;
  private final Map<String, Sugar> sugars;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final Map<String, Span> spans = new LinkedHashMap<>();

  private ElbAttributes(Lower lower, ResourceKind kind) {
    this.lower = lower;
    this.kind = kind;
    this.sugars = kind == ResourceKind.TARGET_GROUP ? TARGET_GROUP : LOAD_BALANCER;
  }

  /** The attribute names of a declaration of {@code kind} that are attributes, not Create request fields. */
  static Set<String> names(ResourceKind kind) {
    Set<String> out = new java.util.HashSet<>(kind == ResourceKind.TARGET_GROUP ? TARGET_GROUP.keySet() : LOAD_BALANCER.keySet());
    out.add("attributes");
    if (kind == ResourceKind.TARGET_GROUP) {
      out.add("stickiness");
    }
    return out;
  }

  /**
   * The Modify…Attributes request of a declaration's attributes, or null when it sets none.
   *
   * @param name the resource's AWS name (its placeholder names it)
   * @param request the request being built, whose span index receives each pair's source
   */
  static ApiRequest lower(Lower lower, ResourceKind kind, Value.Obj body, String name, ModelBuilder.Request request,
      String file) {
    ElbAttributes a = new ElbAttributes(lower, kind);
    for (Value.Field f : body.fields()) {
      a.field(f);
    }
    if (a.attributes.isEmpty()) {
      return null;
    }
    ObjectNode json = JSON.objectNode();
    json.put(kind == ResourceKind.TARGET_GROUP ? "TargetGroupArn" : "LoadBalancerArn", ArnPlaceholder.of(kind, name));
    ArrayNode list = json.putArray("Attributes");
    int i = 0;
    for (Map.Entry<String, String> e : a.attributes.entrySet()) {
      list.addObject().put("Key", e.getKey()).put("Value", e.getValue());
      request.spans.put("/Attributes/" + i, a.spans.get(e.getKey()));
      request.spans.put("/Attributes/" + i + "/Value", a.spans.get(e.getKey()));
      i++;
    }
    return request.finish(json, file);
  }

  private void field(Value.Field f) {
    Sugar sugar = sugars.get(f.key());
    if (sugar != null) {
      String value = value(f.value(), sugar.form());
      if (value != null) {
        put(sugar.key(), value, f.span());
      }
    } else if (f.key().equals("stickiness") && kind == ResourceKind.TARGET_GROUP) {
      stickiness(f);
    } else if (f.key().equals("attributes")) {
      if (!(f.value() instanceof Value.Obj block)) {
        error(f.value(), "a block of ELBv2 attribute keys and values, such as `{ \"waf.fail_open.enabled\" = \"true\" }`");
        return;
      }
      for (Value.Field e : block.fields()) {
        String value = switch (e.value()) {
          case Value.Str s -> s.value();
          case Value.Int n -> Long.toString(n.value());
          case Value.Bool b -> Boolean.toString(b.value());
          default -> null;
        };
        if (value == null) {
          error(e.value(), "a string, number or boolean (ELBv2 attribute values are strings)");
        } else {
          put(e.key(), value, e.span());
        }
      }
    }
  }

  /** {@code stickiness = lb_cookie}, or a block {@code { type = app_cookie, cookie = "SESSION", duration = 1h }}. */
  private void stickiness(Value.Field f) {
    if (f.value() instanceof Value.Bool b) {
      put("stickiness.enabled", Boolean.toString(b.value()), f.span());
      return;
    }
    if (f.value() instanceof Value.Symbol || f.value() instanceof Value.Str) {
      String type = value(f.value(), Form.WORD);
      if (type != null) {
        put("stickiness.enabled", "true", f.span());
        put("stickiness.type", type, f.span());
      }
      return;
    }
    if (!(f.value() instanceof Value.Obj block)) {
      error(f.value(), "a stickiness type (`lb_cookie`, `app_cookie`, `source_ip`) or a block `{ type = lb_cookie, duration = 1h }`");
      return;
    }
    String type = "lb_cookie";
    Value.Field typeField = field(block, "type");
    if (typeField != null) {
      String t = value(typeField.value(), Form.WORD);
      type = t == null ? type : t;
    }
    put("stickiness.enabled", "true", f.span());
    put("stickiness.type", type, typeField != null ? typeField.span() : f.span());
    for (Value.Field e : block.fields()) {
      switch (e.key()) {
        case "type" -> { }
        case "enabled" -> put("stickiness.enabled", value(e.value(), Form.BOOL), e.span());
        case "duration" -> put("stickiness." + (type.equals("app_cookie") ? "app_cookie" : "lb_cookie") + ".duration_seconds",
            value(e.value(), Form.SECONDS), e.span());
        case "cookie" -> put("stickiness.app_cookie.cookie_name", value(e.value(), Form.WORD), e.span());
        default -> lower.report(Diagnostic.error(LanguageCode.UNKNOWN_ATTRIBUTE, e.keySpan(), "`" + e.key()
            + "` is not a stickiness setting").withHint("expected one of: cookie, duration, enabled, type"));
      }
    }
  }

  private static Value.Field field(Value.Obj block, String key) {
    for (Value.Field f : block.fields()) {
      if (f.key().equals(key)) {
        return f;
      }
    }
    return null;
  }

  private void put(String key, String value, Span span) {
    if (value != null) {
      attributes.put(key, value);
      spans.put(key, span);
    }
  }

  /** The attribute's value as ELBv2 takes it (a string), or null after reporting what was expected. */
  private String value(Value v, Form form) {
    return switch (form) {
      case SECONDS -> {
        if (v instanceof Value.Quantity q && q.unit().dimension() == Unit.Dimension.DURATION && q.wholeBase() != null) {
          yield Long.toString(q.wholeBase());
        }
        if (v instanceof Value.Int n) {
          lower.report(Diagnostic.error(LanguageCode.TYPE, v.span(), "expected a duration in whole seconds, such as `30s`")
              .withHint("write `" + n.value() + "s`"));
        } else {
          error(v, "a duration in whole seconds, such as `30s`");
        }
        yield null;
      }
      case WORD -> switch (v) {
        case Value.Symbol s -> s.name();
        case Value.Str s -> s.value();
        case Value.Bool b -> Boolean.toString(b.value());
        default -> {
          error(v, "a word such as `round_robin`");
          yield null;
        }
      };
      case BOOL -> {
        if (v instanceof Value.Bool b) {
          yield Boolean.toString(b.value());
        }
        error(v, "`true` or `false`");
        yield null;
      }
    };
  }

  private void error(Value v, String expected) {
    lower.report(Diagnostic.error(LanguageCode.TYPE, v.span(), "expected " + expected)
        .withHint("the " + kind.word() + " attributes with their own syntax: "
            + String.join(", ", List.copyOf(new java.util.TreeSet<>(names(kind)))) + " (docs/language.md)"));
  }
}
