package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.MISSING_REQUIRED;
import static io.ecsl.diag.LanguageCode.TYPE;
import static io.ecsl.diag.LanguageCode.UNKNOWN_ATTRIBUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Value;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code autoscaling { min, max, cpu = 70%, memory = 80%, … }} block, lowered to
 * Application Auto Scaling: one scalable target and one target-tracking policy per metric, plus
 * any {@code policy NAME { … }} written in the API's own terms (step scaling and the rest).
 */
final class Scaling {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final Map<String, String> METRICS = Map.of(
      "cpu", "ECSServiceAverageCPUUtilization",
      "memory", "ECSServiceAverageMemoryUtilization",
      "alb_requests", "ALBRequestCountPerTarget");
  static final List<String> TRACKING_SETTINGS = List.of("scale_in_cooldown", "scale_out_cooldown", "disable_scale_in");
  /** What an {@code autoscaling} block takes: the target's bounds, the tracked metrics, their settings. */
  static final List<String> SETTINGS = List.of("min", "max", "cpu", "memory", "alb_requests", "scale_in_cooldown",
      "scale_out_cooldown", "disable_scale_in", "role", "suspended", "policy", "tags");

  private final ModelBuilder builder;
  private final ProjectSettings project;

  Scaling(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  Resource lower(Declaration d, Resource service) {
    Value block = d.body(builder.interpreter()).get("autoscaling");
    if (block == null) {
      return null;
    }
    if (!(block instanceof Value.Obj o)) {
      builder.interpreter().report(Diagnostic.error(TYPE, block.span(), "`autoscaling` takes a block")
          .withHint("autoscaling { min = 1, max = 10, cpu = 70% }"));
      return null;
    }
    String resourceId = "service/" + service.cluster() + "/" + service.name();
    String base = "scaling/" + service.cluster() + "/" + service.name();
    List<ApiRequest> requests = new ArrayList<>();
    requests.add(target(d, o, resourceId, base));
    for (Value.Field f : o.fields()) {
      String metric = METRICS.get(f.key());
      if (metric != null) {
        requests.add(tracking(d, o, f, metric, resourceId, service.name() + "-" + f.key().replace('_', '-'), base));
      } else if (f.key().equals("policy")) {
        requests.add(policy(d, f, resourceId, base));
      }
    }
    return new Resource(ResourceKind.SCALING, service.name(), service.cluster(), block.span(), requests, Map.of());
  }

  private ApiRequest target(Declaration d, Value.Obj o, String resourceId, String base) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.AUTOSCALING, "RegisterScalableTarget",
        "`autoscaling` of service `" + d.label() + "`");
    List<Value.Field> fields = new ArrayList<>();
    for (Value.Field f : o.fields()) {
      switch (f.key()) {
        case "min" -> fields.add(rename(f, "MinCapacity"));
        case "max" -> fields.add(rename(f, "MaxCapacity"));
        case "role" -> fields.add(rename(f, "RoleARN"));
        case "suspended" -> fields.add(rename(f, "SuspendedState"));
        case "tags" -> fields.add(f);
        case "policy" -> {}
        default -> {
          if (!METRICS.containsKey(f.key()) && !TRACKING_SETTINGS.contains(f.key())) {
            builder.interpreter().report(Diagnostic.error(UNKNOWN_ATTRIBUTE, f.keySpan(), "unknown autoscaling setting `" + f.key() + "`")
                .withHint(io.ecsl.diag.Suggestions.didYouMean(f.key(), SETTINGS) != null
                    ? io.ecsl.diag.Suggestions.didYouMean(f.key(), SETTINGS)
                    : "autoscaling takes " + String.join(", ", SETTINGS.subList(0, SETTINGS.size() - 1)) + " and "
                        + SETTINGS.get(SETTINGS.size() - 1)));
          }
        }
      }
    }
    Struct s = builder.lower().structure(new Value.Obj(o.span(), fields), req.shape, req.loc);
    identify(s, resourceId, o.span());
    project.applyTags(s, "Tags", o.span());
    for (String needed : List.of("MinCapacity", "MaxCapacity")) {
      String written = needed.startsWith("Min") ? "min" : "max";
      // a value that failed was reported where it failed: not missing as well
      if (!s.has(needed) && o.fields().stream().noneMatch(f -> f.key().equals(written))) {
        builder.interpreter().report(Diagnostic.error(MISSING_REQUIRED, o.span(), "`autoscaling` of service `" + d.label()
            + "` needs `" + (needed.startsWith("Min") ? "min" : "max") + "`").withHint("autoscaling { min = 1, max = 10, … }"));
      }
    }
    return req.finish(s.build(), base + ".target.json");
  }

  /** {@code cpu = 70%}: keep the service's average CPU at 70% of what its tasks reserve. */
  private ApiRequest tracking(Declaration d, Value.Obj o, Value.Field f, String metric, String resourceId, String name,
      String base) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.AUTOSCALING, "PutScalingPolicy",
        "`" + f.key() + "` scaling of service `" + d.label() + "`");
    Struct s = builder.lower().structure(new Value.Obj(o.span(), List.of()), req.shape, req.loc);
    s.set("PolicyName", JSON.textNode(name), f.keySpan());
    identify(s, resourceId, f.span());
    s.set("PolicyType", JSON.textNode("TargetTrackingScaling"), f.keySpan());
    Shape config = req.shape.member("TargetTrackingScalingPolicyConfiguration");
    Loc loc = s.memberLoc("TargetTrackingScalingPolicyConfiguration", f.key(), f.span());
    Value target = f.value() instanceof Value.Obj refined ? refined.get(Sugars.PRIMARY) : f.value();
    String key = f.key();
    ObjectNode json = JSON.objectNode();
    JsonNode value = builder.lower().value(target, config.member("TargetValue"),
        loc.member("TargetValue", f.key(), f.valueSpan(), Hint.PERCENT).named(() -> "the `" + key + "` target"));
    if (value == null) {
      return req.finish(s.build(), base + ".policy-" + f.key() + ".json");
    }
    json.put("TargetValue", value.asDouble());
    ObjectNode predefined = json.putObject("PredefinedMetricSpecification");
    predefined.put("PredefinedMetricType", metric);
    // Without a resource_label, alb_requests gets the label of the service's declared target group
    // once the whole model is lowered (RequestCountLabels); rule E1910 says when it cannot.
    if (f.value() instanceof Value.Obj refined && refined.get("resource_label") instanceof Value.Str label) {
      predefined.put("ResourceLabel", label.value());
    }
    for (String setting : TRACKING_SETTINGS) {
      Value.Field sf = o.field(setting);
      if (sf != null) {
        String member = config.memberFor(setting);
        JsonNode v = builder.lower().value(sf.value(), config.member(member),
            loc.member(member, setting, sf.span(), Hint.of(config.name(), member)));
        if (v != null) {
          json.set(member, v);
        }
      }
    }
    ObjectNode ordered = JSON.objectNode();
    for (String m : config.members().keySet()) {
      if (json.has(m)) {
        ordered.set(m, json.get(m));
      }
    }
    s.set("TargetTrackingScalingPolicyConfiguration", ordered, f.span());
    return req.finish(s.build(), base + ".policy-" + f.key() + ".json");
  }

  /** {@code policy NAME { policy_type = StepScaling, step_scaling_policy_configuration { … } }}. */
  private ApiRequest policy(Declaration d, Value.Field f, String resourceId, String base) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.AUTOSCALING, "PutScalingPolicy",
        "scaling policy `" + f.label() + "` of service `" + d.label() + "`");
    Value.Obj body = f.value() instanceof Value.Obj o ? o : new Value.Obj(f.valueSpan(), List.of());
    Struct s = builder.lower().structure(body, req.shape, req.loc);
    if (f.label() != null) {
      s.set("PolicyName", JSON.textNode(f.label()), f.keySpan());
    }
    identify(s, resourceId, f.span());
    s.checkRequired(f.span());
    return req.finish(s.build(), base + ".policy-" + (f.label() == null ? "unnamed" : f.label()) + ".json");
  }

  private static void identify(Struct s, String resourceId, Span at) {
    s.setDefault("ServiceNamespace", JSON.textNode("ecs"));
    s.setDefault("ResourceId", JSON.textNode(resourceId));
    s.setDefault("ScalableDimension", JSON.textNode("ecs:service:DesiredCount"));
  }

  private static Value.Field rename(Value.Field f, String member) {
    return new Value.Field(member, f.labels(), f.value(), f.keySpan(), f.valueSpan(), f.in(), f.soft(), f.block());
  }
}
