package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.DECLARATION_HEADER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import java.util.List;

/**
 * {@code discovery_service api in internal { dns { record A = 10s }, health_check = custom }}: a
 * Cloud Map service (servicediscovery CreateService) in a namespace, which an ECS service registers
 * its tasks in with {@code registry { service = api }}.
 *
 * <p>CreateService takes the namespace's id, which exists only once the namespace is created, so a
 * declared namespace lowers to the placeholder {@code ${namespace:NAME}} that apply and deploy.sh
 * replace with its id; a string is the id or ARN of a namespace managed elsewhere. An ECS service's
 * registry takes the discovery service's ARN the same way: {@code ${discovery-service:NAME}}.
 */
final class DiscoveryServices {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final String CREATE = "CreateServiceRequest";

  private final ModelBuilder builder;
  private final ProjectSettings project;

  DiscoveryServices(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  Resource lower(Declaration d) {
    Value.Obj body = d.body(builder.interpreter());
    ModelBuilder.Request req = builder.request(d, ServiceModel.CLOUD_MAP, "CreateService", "discovery service `" + d.label() + "`");
    Struct s = builder.lower().structure(ModelBuilder.without(body, "owned_elsewhere"), req.shape, req.loc);
    Value in = d.in(builder.interpreter());
    if (in == null) {
      if (!s.has("NamespaceId")) {
        builder.interpreter().report(Diagnostic.error(DECLARATION_HEADER, d.labelSpan(), "discovery service `" + d.label()
            + "` names no namespace").withHint("write `discovery_service " + d.label() + " in NAMESPACE { … }` with a declared"
            + " namespace, or `in \"ns-…\"` for one managed elsewhere"));
        return null;
      }
    } else {
      String label = d.label();
      Loc loc = req.loc.member("NamespaceId", "in", in.span(), null).named(() -> "`in` of discovery service `" + label + "`");
      String namespace = in instanceof Value.Ref r && r.of(Kind.NAMESPACE) != null
          ? ArnPlaceholder.of(ResourceKind.NAMESPACE, r.of(Kind.NAMESPACE).awsName(builder.interpreter()))
          : builder.lower().sugars().reference(in, Kind.NAMESPACE, loc);
      if (namespace != null) {
        s.set("NamespaceId", JSON.textNode(namespace), in.span());
      }
    }
    builder.defaultName(s, "Name", d);
    project.applyTags(s, "Tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String name = json.path("Name").asText(d.label());
    return new Resource(ResourceKind.DISCOVERY_SERVICE, name, null, d.span(),
        List.of(req.finish(json, "discovery-services/" + name + ".json")),
        OwnedElsewhere.read(builder, d, json, ResourceKind.DISCOVERY_SERVICE, req.shape));
  }

  /** The first-class syntax of a discovery service, and the ECS service's {@code registry { service = api }}. */
  static void register(Sugars sugars) {
    Lower lower = sugars.lower();
    sugars.alias(CREATE, "dns", "DnsConfig");
    sugars.alias("DnsConfig", "routing", "RoutingPolicy");
    sugars.alias("HealthCheckConfig", "path", "ResourcePath");
    sugars.repeat("DnsConfig", "record", "DnsRecords", "Type", "TTL");
    sugars.sugar(CREATE, "health_check", Fills.member("HealthCheckCustomConfig").words("custom"), (s, f) -> healthCheck(lower, s, f));
    sugars.sugar("ServiceRegistry", "service", Fills.reference("registryArn", Kind.DISCOVERY_SERVICE), (s, f) -> {
      String arn = sugars.arnReference(f.value(), Kind.DISCOVERY_SERVICE, ResourceKind.DISCOVERY_SERVICE,
          s.memberLoc("registryArn", f.key(), f.span()));
      if (arn != null) {
        s.set("registryArn", JSON.textNode(arn), f.span());
      }
    });
  }

  /**
   * {@code health_check = custom} or {@code health_check { custom { failure_threshold = 1 } }}: ECS
   * reports the tasks' health (HealthCheckCustomConfig, what ECS services use). {@code health_check
   * { type = HTTP, path = "/health", failure_threshold = 3 }}: a Route 53 health check
   * (HealthCheckConfig, public DNS namespaces only).
   */
  private static void healthCheck(Lower lower, Struct s, Value.Field f) {
    Value v = f.value();
    if ("custom".equals(Sugars.word(v))) {
      s.set("HealthCheckCustomConfig", JSON.objectNode(), f.span());
      return;
    }
    if (!(v instanceof Value.Obj block)) {
      lower.mismatch(v, "`custom` or a block `{ custom { … } }` / `{ type = HTTP, path = \"/\" }`",
          s.memberLoc("HealthCheckCustomConfig", f.key(), f.span()));
      return;
    }
    Value.Field custom = block.fields().stream().filter(h -> h.key().equals("custom")).findFirst().orElse(null);
    if (custom != null) {
      Value customValue = custom.value() instanceof Value.Obj ? custom.value() : null;
      JsonNode lowered = customValue == null ? JSON.objectNode()
          : s.lowerMember("HealthCheckCustomConfig", "custom", customValue, custom.span());
      if (lowered != null) {
        s.set("HealthCheckCustomConfig", lowered, custom.span());
      }
    }
    Value.Obj route53 = ModelBuilder.without(block, "custom");
    if (!route53.fields().isEmpty()) {
      JsonNode lowered = s.lowerMember("HealthCheckConfig", f.key(), route53, f.span());
      if (lowered != null) {
        s.set("HealthCheckConfig", lowered, f.span());
      }
    }
  }
}
