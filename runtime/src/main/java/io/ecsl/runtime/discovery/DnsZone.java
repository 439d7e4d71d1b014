package io.ecsl.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DNS records of the Cloud Map DNS namespaces, as Route 53 would hold them (integrations
 * §3.1): {@code <service>.<namespace>} with an A and/or SRV record set per instance, and, for SRV
 * services, {@code <instance id>.<service>.<namespace>} with the instance's address (the SRV
 * target). An immutable snapshot built under the state lock; {@link DnsAnswers} reads it.
 */
public record DnsZone(Set<String> namespaces, Map<String, Name> names) {
  public static final DnsZone EMPTY = new DnsZone(Set.of(), Map.of());

  /** An instance behind a name. */
  public record Endpoint(String instanceId, String ipv4, Integer port, boolean healthy) {}

  /**
   * A name and the records it answers: TTLs are -1 when the service has no record of that type;
   * {@code weighted} is Cloud Map's WEIGHTED routing (one record per answer) rather than MULTIVALUE.
   */
  public record Name(String fqdn, long aTtl, long srvTtl, boolean weighted, List<Endpoint> endpoints) {}

  /**
   * @param namespaces Cloud Map namespaces (DNS ones count)
   * @param services Cloud Map services
   * @param instances their instances ({@code ServiceId}, {@code Id}, {@code Attributes}, {@code _health})
   */
  public static DnsZone of(Collection<ObjectNode> namespaces, Collection<ObjectNode> services,
      Collection<ObjectNode> instances) {
    Map<String, String> namespaceNames = new LinkedHashMap<>();
    for (ObjectNode namespace : namespaces) {
      String type = Json.text(namespace, "Type", "");
      if (type.startsWith("DNS_")) {
        namespaceNames.put(Json.text(namespace, "Id"), lower(Json.text(namespace, "Name")));
      }
    }
    Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
    for (ObjectNode instance : instances) {
      JsonNode attributes = instance.path("Attributes");
      String port = Json.text(attributes, "AWS_INSTANCE_PORT");
      boolean healthy = !"UNHEALTHY".equals(Json.text(instance, "_health"));
      endpoints.computeIfAbsent(Json.text(instance, "ServiceId"), k -> new ArrayList<>()).add(new Endpoint(
          lower(Json.text(instance, "Id")), Json.text(attributes, "AWS_INSTANCE_IPV4"),
          port == null ? null : Integer.valueOf(port), healthy));
    }
    Map<String, Name> names = new LinkedHashMap<>();
    for (ObjectNode service : services) {
      String namespace = namespaceNames.get(Json.text(service, "NamespaceId"));
      JsonNode dns = service.get("DnsConfig");
      if (namespace == null || dns == null) {
        continue;
      }
      long aTtl = -1;
      long srvTtl = -1;
      for (JsonNode record : Json.list(dns, "DnsRecords")) {
        switch (Json.text(record, "Type", "")) {
          case "A" -> aTtl = record.path("TTL").asLong();
          case "SRV" -> srvTtl = record.path("TTL").asLong();
          default -> { } // AAAA and CNAME: tasks have no IPv6 address or alias here
        }
      }
      String fqdn = lower(Json.text(service, "Name")) + "." + namespace;
      List<Endpoint> members = List.copyOf(endpoints.getOrDefault(Json.text(service, "Id"), List.of()));
      boolean weighted = "WEIGHTED".equals(Json.text(dns, "RoutingPolicy"));
      names.put(fqdn, new Name(fqdn, aTtl, srvTtl, weighted, members));
      if (srvTtl >= 0) {
        for (Endpoint endpoint : members) {
          String target = endpoint.instanceId() + "." + fqdn;
          names.put(target, new Name(target, srvTtl, -1, false, List.of(endpoint)));
        }
      }
    }
    return new DnsZone(new TreeSet<>(namespaceNames.values()), Map.copyOf(names));
  }

  /** The namespace {@code fqdn} is in (or is), or null when the name is none of the runtime's. */
  public String namespaceOf(String fqdn) {
    for (String namespace : namespaces) {
      if (fqdn.equals(namespace) || fqdn.endsWith("." + namespace)) {
        return namespace;
      }
    }
    return null;
  }

  static String lower(String name) {
    String out = name.toLowerCase(Locale.ROOT);
    return out.endsWith(".") ? out.substring(0, out.length() - 1) : out;
  }
}
