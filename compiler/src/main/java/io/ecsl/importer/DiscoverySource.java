package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.ast.Item;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Cloud Map service as idiomatic source, the inverse of the compiler's discovery service syntax:
 * {@code discovery_service api in "ns-…" { dns { record A = 10s, routing = multivalue },
 * health_check = custom }}, a Route 53 check as {@code health_check { type = HTTP, path = "/" }};
 * anything else by its CreateService member name. Namespaces are not imported, so {@code in} is
 * the namespace's id, as a namespace managed elsewhere is written.
 */
final class DiscoverySource {
  private static final Shape CREATE = ServiceModel.get(ServiceModel.CLOUD_MAP).input("CreateService");

  private DiscoverySource() {}

  /** The declaration label of a service named {@code name} ({@code _http._tcp} → {@code discovery__http__tcp}). */
  static String label(String name) {
    String label = name.replace('-', '_').replace('.', '_');
    return Ast.isName(label) && Character.isLetter(label.charAt(0)) ? label : "discovery_" + label;
  }

  static Item declaration(ImportedResource r) {
    List<Item> body = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      switch (m) {
        case "NamespaceId" -> { } // the header's `in`
        case "Name" -> {
          if (!label(v.asText()).equals(v.asText())) {
            body.add(Ast.attr("name", Ast.str(v.asText())));
          }
        }
        case "DnsConfig" -> body.add(dns(v));
        case "HealthCheckCustomConfig" -> {
          if (v.isObject() && v.isEmpty()) {
            body.add(Ast.attr("health_check", Ast.name("custom")));
          } else {
            body.add(Ast.block("health_check", List.of(Ast.block("custom",
                GenericItems.members((com.fasterxml.jackson.databind.node.ObjectNode) v, CREATE.member(m), java.util.Set.of())))));
          }
        }
        case "HealthCheckConfig" -> {
          List<Item> check = new ArrayList<>();
          v.fields().forEachRemaining(h -> check.addAll(GenericItems.member(h.getKey().equals("ResourcePath") ? "path"
              : Shape.snake(h.getKey()), h.getValue(), CREATE.member(m).member(h.getKey()))));
          body.add(Ast.block("health_check", check));
        }
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, CREATE.member(m)));
      }
    }
    String namespace = r.request().path("NamespaceId").asText(null);
    return Ast.declaration("discovery_service", label(r.name()), namespace == null ? null : Ast.str(namespace), body);
  }

  /** {@code dns { record A = 10s, routing = multivalue }}. */
  private static Item dns(JsonNode dns) {
    List<Item> items = new ArrayList<>();
    Shape shape = CREATE.member("DnsConfig");
    for (Map.Entry<String, JsonNode> e : dns.properties()) {
      switch (e.getKey()) {
        case "DnsRecords" -> {
          for (JsonNode record : e.getValue()) {
            if (record.path("TTL").canConvertToLong() && record.size() == 2) {
              items.add(Ast.labelled("record", record.path("Type").asText(), Units.duration(record.path("TTL").asLong()), null));
            } else {
              items.add(Ast.labelled("record", record.path("Type").asText(), null,
                  GenericItems.members((com.fasterxml.jackson.databind.node.ObjectNode) record,
                      shape.member("DnsRecords").element(), java.util.Set.of("Type"))));
            }
          }
        }
        case "RoutingPolicy" -> items.add(Ast.attr("routing", Ast.name(e.getValue().asText().toLowerCase(Locale.ROOT))));
        default -> items.addAll(GenericItems.member(Shape.snake(e.getKey()), e.getValue(), shape.member(e.getKey())));
      }
    }
    return Ast.block("dns", items);
  }
}
