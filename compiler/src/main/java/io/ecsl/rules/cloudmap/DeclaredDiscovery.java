package io.ecsl.rules.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.RuleContext;
import java.util.List;

/** The project's discovery services, and what their rules need to know of each: its namespace's type. */
final class DeclaredDiscovery {
  /** Cloud Map's namespace types, as the create operation of a declared namespace gives them. */
  enum NamespaceType { HTTP, DNS_PRIVATE, DNS_PUBLIC }

  private DeclaredDiscovery() {}

  static List<Resource> services(RuleContext ctx) {
    return ctx.model().resources().stream().filter(r -> r.kind() == ResourceKind.DISCOVERY_SERVICE && !r.requests().isEmpty())
        .toList();
  }

  /** The type of the declared namespace a discovery service is in; null for one managed elsewhere. */
  static NamespaceType namespaceType(RuleContext ctx, Resource service) {
    Resource ns = namespace(ctx, service);
    if (ns == null) {
      return null;
    }
    return switch (ns.primary().operation()) {
      case "CreatePrivateDnsNamespace" -> NamespaceType.DNS_PRIVATE;
      case "CreatePublicDnsNamespace" -> NamespaceType.DNS_PUBLIC;
      default -> NamespaceType.HTTP;
    };
  }

  /** The declared namespace a discovery service is in, or null. */
  static Resource namespace(RuleContext ctx, Resource service) {
    ArnPlaceholder p = ArnPlaceholder.parse(service.primary().body().path("NamespaceId").asText(null));
    if (p == null || p.kind() != ResourceKind.NAMESPACE) {
      return null;
    }
    return ctx.index().namespaces().stream().filter(n -> n.name().equals(p.name())).findFirst().orElse(null);
  }

  /** The declared discovery service an ECS service's registry names, or null. */
  static Resource named(RuleContext ctx, String registryArn) {
    ArnPlaceholder p = ArnPlaceholder.parse(registryArn);
    if (p == null || p.kind() != ResourceKind.DISCOVERY_SERVICE) {
      return null;
    }
    return services(ctx).stream().filter(s -> s.name().equals(p.name())).findFirst().orElse(null);
  }

  static String label(Resource service) {
    return "discovery service `" + service.name() + "`";
  }

  /** The record types of a discovery service, in order. */
  static List<String> recordTypes(JsonNode body) {
    List<String> types = new java.util.ArrayList<>();
    for (JsonNode r : body.path("DnsConfig").path("DnsRecords")) {
      types.add(r.path("Type").asText());
    }
    return types;
  }
}
