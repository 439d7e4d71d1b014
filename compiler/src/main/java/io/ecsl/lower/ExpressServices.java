package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.SET_TWICE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.List;

/**
 * {@code express_service web in apps { image = "…", infrastructure_role = "arn:…" }}: an ECS Express
 * Mode service, one {@code CreateExpressGatewayService} request. ECS itself creates the task
 * definition, load balancer, security groups and scaling policies from it, so it lowers to no
 * other resource.
 */
final class ExpressServices {
  static final String CREATE = "CreateExpressGatewayServiceRequest";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ModelBuilder builder;
  private final ProjectSettings project;

  ExpressServices(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  /** The short names an Express service takes, beside every request member's own snake_case name. */
  static void register(Sugars sugars) {
    sugars.alias(CREATE, "execution_role", "executionRoleArn");
    sugars.alias(CREATE, "task_role", "taskRoleArn");
    sugars.alias(CREATE, "infrastructure_role", "infrastructureRoleArn");
    sugars.alias(CREATE, "network", "networkConfiguration");
    sugars.alias(CREATE, "scaling", "scalingTarget");
    sugars.alias(CREATE, "health_check", "healthCheckPath");
    sugars.alias("ExpressGatewayContainer", "port", "containerPort");
    sugars.alias("ExpressGatewayContainer", "env", "environment");
    sugars.alias("ExpressGatewayContainer", "logs", "awsLogsConfiguration");
    sugars.alias("ExpressGatewayScalingTarget", "min", "minTaskCount");
    sugars.alias("ExpressGatewayScalingTarget", "max", "maxTaskCount");
    sugars.alias("ExpressGatewayScalingTarget", "metric", "autoScalingMetric");
    sugars.alias("ExpressGatewayScalingTarget", "target", "autoScalingTargetValue");
    // The image and its port are most of a primary container: they may be written on the service.
    sugars.sugar(CREATE, "image", Fills.member("primaryContainer.image"), (s, f) -> containerMember(sugars.lower(), s, f, "image"));
    sugars.sugar(CREATE, "port", Fills.member("primaryContainer.containerPort"),
        (s, f) -> containerMember(sugars.lower(), s, f, "containerPort"));
    // `image = …` beside `container { … }` fills one primary container, in either order.
    sugars.sugar(CREATE, "container", Fills.member("primaryContainer"), (s, f) -> container(sugars.lower(), s, f));
    sugars.sugar(CREATE, "primary_container", Fills.member("primaryContainer"), (s, f) -> container(sugars.lower(), s, f));
    sugars.sugar(CREATE, "cluster", Fills.reference("cluster", Kind.CLUSTER), (s, f) -> {
      String name = sugars.reference(f.value(), Kind.CLUSTER, s.memberLoc("cluster", f.key(), f.span()));
      if (name != null) {
        s.set("cluster", JSON.textNode(name), f.span());
      }
    });
  }

  private static void container(Lower lower, Struct s, Value.Field f) {
    if (!(f.value() instanceof Value.Obj obj)) {
      s.set("primaryContainer", s.lowerMember("primaryContainer", f.key(), f.value(), f.span()), f.span());
      return;
    }
    Shape shape = s.shape.member("primaryContainer");
    ObjectNode lowered = lower.structure(obj, shape, s.memberLoc("primaryContainer", f.key(), f.span())).build();
    ObjectNode container = s.get("primaryContainer") instanceof ObjectNode o ? o : null;
    if (container == null) {
      s.set("primaryContainer", lowered, f.span());
      return;
    }
    for (var e : lowered.properties()) {
      if (container.has(e.getKey())) {
        lower.report(Diagnostic.error(SET_TWICE, f.keySpan(), "`" + Shape.snake(e.getKey()) + "` of the primary container is set twice")
            .withHint("keep one"));
      } else {
        container.set(e.getKey(), e.getValue());
      }
    }
  }

  private static void containerMember(Lower lower, Struct s, Value.Field f, String member) {
    ObjectNode container = s.get("primaryContainer") instanceof ObjectNode o ? o : null;
    if (container == null) {
      container = JSON.objectNode();
      s.set("primaryContainer", container, f.span());
    }
    Shape shape = s.shape.member("primaryContainer");
    Loc loc = s.memberLoc("primaryContainer", "container", f.span()).member(member, f.key(), f.span(), Hint.of(shape.name(), member));
    JsonNode value = lower.value(f.value(), shape.member(member), loc);
    if (value == null) {
      return;
    }
    if (container.has(member)) {
      lower.report(Diagnostic.error(SET_TWICE, f.keySpan(), "`" + f.key() + "` is set twice (also in `container { … }`)")
          .withHint("keep one"));
      return;
    }
    container.set(member, value);
  }

  Resource lower(Declaration d) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.ECS, "CreateExpressGatewayService",
        "Express service `" + d.label() + "`");
    Struct s = builder.lower().structure(d.body(builder.interpreter()), req.shape, req.loc);
    Value in = d.in(builder.interpreter());
    if (in != null) {
      String label = d.label();
      String cluster = builder.lower().sugars().reference(in, Kind.CLUSTER, req.loc.member("cluster", "in", in.span(), null)
          .named(() -> "`in` of Express service `" + label + "`"));
      if (cluster != null) {
        s.set("cluster", JSON.textNode(cluster), in.span());
      }
    }
    builder.defaultName(s, "serviceName", d);
    project.applyTags(s, "tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    if (json.path("primaryContainer").isObject() && !json.path("primaryContainer").has("image")) {
      builder.interpreter().report(Diagnostic.error(io.ecsl.diag.LanguageCode.MISSING_REQUIRED, d.span(),
          "the primary container of Express service `" + d.label() + "` needs `image`")
          .withHint("add `image = \"…\"` to the service or to its `container { … }`"));
    }
    String name = json.path("serviceName").asText(d.label());
    String cluster = json.path("cluster").asText("default");
    return new Resource(ResourceKind.EXPRESS_SERVICE, name, cluster, d.span(),
        List.of(req.finish(json, "express-services/" + cluster + "/" + name + ".json")), java.util.Map.of());
  }
}
