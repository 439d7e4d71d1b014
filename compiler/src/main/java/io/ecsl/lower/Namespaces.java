package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.INVALID_VALUE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Value;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import java.util.List;
import java.util.Map;

/**
 * {@code namespace local { type = http }}: a Cloud Map namespace for Service Connect. HTTP
 * namespaces are the default (Service Connect needs no DNS); {@code private_dns} takes a {@code vpc}.
 */
final class Namespaces {
  /** The {@code type} of a namespace: Cloud Map's HTTP, private DNS and public DNS namespaces. */
  static final List<String> TYPES = List.of("http", "private_dns", "public_dns");

  private final ModelBuilder builder;
  private final ProjectSettings project;

  Namespaces(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  Resource lower(Declaration d) {
    Value.Obj body = d.body(builder.interpreter());
    String operation = "CreateHttpNamespace";
    Value type = body.get("type");
    if (type != null) {
      String word = Sugars.word(type);
      operation = switch (word == null ? "" : word) {
        case "http", "HTTP" -> "CreateHttpNamespace";
        case "private_dns", "DNS_PRIVATE" -> "CreatePrivateDnsNamespace";
        case "public_dns", "DNS_PUBLIC" -> "CreatePublicDnsNamespace";
        default -> {
          builder.interpreter().report(Diagnostic.error(INVALID_VALUE, type.span(), "`" + (word == null ? type.typeName() : word)
              + "` is not a namespace type").withHint("expected one of: " + String.join(", ", TYPES)));
          yield null;
        }
      };
      if (operation == null) {
        return null;
      }
    }
    ModelBuilder.Request req = builder.request(d, ServiceModel.CLOUD_MAP, operation, "namespace `" + d.label() + "`");
    Struct s = builder.lower().structure(ModelBuilder.without(body, "type", "owned_elsewhere"), req.shape, req.loc);
    builder.defaultName(s, "Name", d);
    project.applyTags(s, "Tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String name = json.path("Name").asText(d.label());
    return new Resource(ResourceKind.NAMESPACE, name, null, d.span(), List.of(req.finish(json, "namespaces/" + name + ".json")),
        Map.of());
  }
}
