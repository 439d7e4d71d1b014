package io.ecsl.runtime.api.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cloud Map services: CreateService, GetService, ListServices, UpdateService, DeleteService, with
 * Cloud Map's validation of names, DNS records and health-check settings (integrations §3.1).
 */
final class CloudMapServices {
  private static final Pattern NAME = io.ecsl.facts.cloudmap.DiscoveryServiceFacts.NAME;
  private static final Set<Set<String>> RECORD_COMBINATIONS = io.ecsl.facts.cloudmap.DiscoveryServiceFacts.RECORD_COMBINATIONS;

  private final RuntimeState state;
  private final Operations operations;

  CloudMapServices(RuntimeState state, Operations operations) {
    this.state = state;
    this.operations = operations;
  }

  static String arn(String region, String id) {
    return "arn:aws:servicediscovery:" + region + ":" + Arns.ACCOUNT + ":service/" + id;
  }

  /** Whether Cloud Map tracks the health of the service's instances (custom or Route 53 checks). */
  static boolean checksHealth(ObjectNode service) {
    return service.hasNonNull("HealthCheckCustomConfig") || service.hasNonNull("HealthCheckConfig");
  }

  /** The service an id or ARN names, in the caller's region; ServiceNotFound otherwise. Callers hold the lock. */
  ObjectNode service(RequestContext context, String idOrArn) {
    String id = Arns.isArn(idOrArn) ? Arns.lastSegment(idOrArn) : idOrArn;
    ObjectNode service = state.cloudMapServices.get(id);
    if (service == null || !context.region().equals(Arns.regionOf(Json.text(service, "Arn")))) {
      throw new ApiException("ServiceNotFound", "Service " + idOrArn + " not found.");
    }
    return service;
  }

  JsonNode create(JsonNode request, RequestContext context, List<Tag> tags, java.util.function.Consumer<String> tagger) {
    String name = Requests.required(request, "Name", "InvalidInput");
    if (!NAME.matcher(name).matches()) {
      throw new ApiException("InvalidInput", "Invalid service name '" + name + "': use a DNS label of up to 63"
          + " letters, digits, hyphens and underscores (or an SRV-style name such as _http._tcp), 127 characters at most.");
    }
    JsonNode dnsConfig = request.get("DnsConfig");
    String namespaceRef = Json.text(request, "NamespaceId", dnsConfig == null ? null : Json.text(dnsConfig, "NamespaceId"));
    if (namespaceRef == null) {
      throw new ApiException("InvalidInput", "NamespaceId is required: name the namespace the service belongs to.");
    }
    if (request.hasNonNull("HealthCheckConfig") && request.hasNonNull("HealthCheckCustomConfig")) {
      throw new ApiException("InvalidInput", "Specify HealthCheckConfig or HealthCheckCustomConfig, not both.");
    }
    String requestId = Json.text(request, "CreatorRequestId");
    return state.atomically(() -> {
      ObjectNode namespace = namespaceFor(context, namespaceRef);
      String namespaceType = Json.text(namespace, "Type");
      String type = serviceType(request, namespaceType, dnsConfig);
      if (request.hasNonNull("HealthCheckConfig") && "DNS_PRIVATE".equals(namespaceType)) {
        throw new ApiException("InvalidInput", "HealthCheckConfig (Route 53 health checks) is not allowed in a private"
            + " DNS namespace; use HealthCheckCustomConfig.");
      }
      String namespaceId = Json.text(namespace, "Id");
      for (ObjectNode existing : state.cloudMapServices.values()) {
        if (namespaceId.equals(Json.text(existing, "NamespaceId")) && name.equalsIgnoreCase(Json.text(existing, "Name"))) {
          if (requestId != null && requestId.equals(Json.text(existing, "CreatorRequestId"))) {
            return wrap(existing);
          }
          throw new ApiException("ServiceAlreadyExists", "Service " + name + " already exists in namespace "
              + Json.text(namespace, "Name") + " (id " + Json.text(existing, "Id") + ").");
        }
      }
      String id = Ids.alnum("srv-", 16);
      Instant now = operations.now();
      ObjectNode service = Json.object();
      service.put("Id", id);
      service.put("Arn", arn(context.region(), id));
      service.put("ResourceOwner", Arns.ACCOUNT);
      service.put("Name", name);
      service.put("NamespaceId", namespaceId);
      Json.putIfPresent(service, "Description", Json.text(request, "Description"));
      service.put("InstanceCount", 0);
      if (dnsConfig != null && !"HTTP".equals(type)) {
        ObjectNode dns = dnsConfig.deepCopy();
        dns.remove("NamespaceId"); // deprecated in the request, never shown
        if (!dns.has("RoutingPolicy")) {
          dns.put("RoutingPolicy", "MULTIVALUE");
        }
        validateRecords(dns.path("DnsRecords"), Json.text(dns, "RoutingPolicy"));
        service.set("DnsConfig", dns);
      }
      service.put("Type", type);
      Json.putIfPresent(service, "HealthCheckConfig", request.get("HealthCheckConfig"));
      if (request.hasNonNull("HealthCheckCustomConfig")) {
        // FailureThreshold is no longer supported: Cloud Map always uses 1 (integrations §3.1).
        service.putObject("HealthCheckCustomConfig").put("FailureThreshold", 1);
      }
      service.set("CreateDate", Json.timestamp(now));
      Json.putIfPresent(service, "CreatorRequestId", requestId);
      service.put("CreatedByAccount", Arns.ACCOUNT);
      service.put("_revision", 1);
      state.cloudMapServices.put(id, service);
      ObjectNode ns = namespace.deepCopy();
      ns.put("ServiceCount", Json.integer(ns, "ServiceCount", 0) + 1);
      state.namespaces.put(namespaceId, ns);
      tagger.accept(Json.text(service, "Arn"));
      return wrap(service);
    });
  }

  private ObjectNode namespaceFor(RequestContext context, String reference) {
    String id = Arns.isArn(reference) ? Arns.lastSegment(reference) : reference;
    ObjectNode namespace = state.namespaces.get(id);
    if (namespace == null || !context.region().equals(Arns.regionOf(Json.text(namespace, "Arn")))) {
      throw new ApiException("NamespaceNotFound", "Namespace " + reference + " not found.");
    }
    return namespace;
  }

  private static String serviceType(JsonNode request, String namespaceType, JsonNode dnsConfig) {
    String requested = Json.text(request, "Type");
    if (requested != null && !requested.equals("HTTP")) {
      throw new ApiException("InvalidInput", "Type must be HTTP (or left out); got " + requested + ".");
    }
    if ("HTTP".equals(namespaceType)) {
      if (dnsConfig != null) {
        throw new ApiException("InvalidInput", "DnsConfig is not allowed for a service in an HTTP namespace.");
      }
      return "HTTP";
    }
    if ("HTTP".equals(requested)) {
      if (dnsConfig != null) {
        throw new ApiException("InvalidInput", "DnsConfig is not allowed for a service of Type HTTP.");
      }
      return "HTTP";
    }
    return dnsConfig == null ? "HTTP" : "DNS_HTTP";
  }

  private static void validateRecords(JsonNode records, String routingPolicy) {
    if (!records.isArray() || records.isEmpty()) {
      throw new ApiException("InvalidInput", "DnsConfig.DnsRecords must list at least one record {Type, TTL}.");
    }
    if (!"MULTIVALUE".equals(routingPolicy) && !"WEIGHTED".equals(routingPolicy)) {
      throw new ApiException("InvalidInput", "RoutingPolicy must be MULTIVALUE or WEIGHTED; got " + routingPolicy + ".");
    }
    Set<String> types = new java.util.HashSet<>();
    for (JsonNode record : records) {
      String type = Json.text(record, "Type");
      if (!io.ecsl.facts.cloudmap.DiscoveryServiceFacts.RECORD_TYPES.contains(String.valueOf(type))) {
        throw new ApiException("InvalidInput", "DnsRecord Type must be SRV, A, AAAA or CNAME; got " + type + ".");
      }
      long ttl = record.path("TTL").asLong(-1);
      if (!record.path("TTL").canConvertToLong() || ttl < io.ecsl.facts.cloudmap.DiscoveryServiceFacts.TTL_MIN
          || ttl > io.ecsl.facts.cloudmap.DiscoveryServiceFacts.TTL_MAX) {
        throw new ApiException("InvalidInput", "DnsRecord TTL must be 0 to 2147483647 seconds; got "
            + record.path("TTL") + " for " + type + ".");
      }
      if (!types.add(type)) {
        throw new ApiException("InvalidInput", "DnsRecords lists " + type + " twice.");
      }
    }
    if (!RECORD_COMBINATIONS.contains(types)) {
      throw new ApiException("InvalidInput", "DnsRecords " + types + " is not a valid combination; use A, AAAA, A and"
          + " AAAA, SRV, or CNAME.");
    }
    if (types.contains("CNAME") && "MULTIVALUE".equals(routingPolicy)) {
      throw new ApiException("InvalidInput", "A CNAME record needs RoutingPolicy WEIGHTED.");
    }
  }

  JsonNode get(JsonNode request, RequestContext context) {
    String id = Requests.required(request, "Id", "InvalidInput");
    return state.atomically(() -> wrap(service(context, id)));
  }

  JsonNode list(JsonNode request, RequestContext context) {
    List<JsonNode> filters = Json.list(request, "Filters");
    return state.atomically(() -> {
      List<ObjectNode> matches = new ArrayList<>();
      for (ObjectNode service : state.cloudMapServices.values()) {
        if (context.region().equals(Arns.regionOf(Json.text(service, "Arn"))) && matches(service, filters)) {
          ObjectNode summary = visible(service);
          summary.remove("NamespaceId");
          summary.remove("CreatorRequestId");
          matches.add(summary);
        }
      }
      Pages.Page<ObjectNode> page = Pages.of(matches, Json.text(request, "NextToken"),
          Json.integer(request, "MaxResults"), 100, 100, "InvalidInput");
      ObjectNode response = Json.object();
      ArrayNode out = response.putArray("Services");
      page.items().forEach(out::add);
      Json.putIfPresent(response, "NextToken", page.nextToken());
      return response;
    });
  }

  private static boolean matches(ObjectNode service, List<JsonNode> filters) {
    for (JsonNode filter : filters) {
      String name = Json.text(filter, "Name", "");
      String field = switch (name) {
        case "NAMESPACE_ID" -> Json.text(service, "NamespaceId");
        case "RESOURCE_OWNER" -> Json.text(service, "ResourceOwner");
        default -> throw new ApiException("InvalidInput", "Unknown service filter " + name
            + "; use NAMESPACE_ID or RESOURCE_OWNER.");
      };
      List<String> values = Json.strings(filter, "Values");
      String condition = Json.text(filter, "Condition", "EQ");
      if ("EQ".equals(condition) && values.size() != 1) {
        throw new ApiException("InvalidInput", "Filter " + name + " with Condition EQ takes exactly one value.");
      }
      if (!values.contains(field)) {
        return false;
      }
    }
    return true;
  }

  JsonNode update(JsonNode request, RequestContext context) {
    String id = Requests.required(request, "Id", "InvalidInput");
    JsonNode change = Requests.requiredNode(request, "Service", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode service = service(context, id).deepCopy();
      if (change.has("Description")) {
        Json.putIfPresent(service, "Description", Json.text(change, "Description"));
      }
      JsonNode dnsChange = change.get("DnsConfig");
      if (dnsChange != null) {
        if (!service.has("DnsConfig")) {
          throw new ApiException("InvalidInput", "Service " + id + " has no DNS records to change (Type HTTP).");
        }
        ObjectNode dns = (ObjectNode) service.get("DnsConfig");
        validateRecords(dnsChange.path("DnsRecords"), Json.text(dns, "RoutingPolicy"));
        Set<String> before = recordTypes(dns.path("DnsRecords"));
        Set<String> after = recordTypes(dnsChange.path("DnsRecords"));
        if (!before.equals(after)) {
          throw new ApiException("InvalidInput", "The DNS record types of a service cannot change (" + before + " to "
              + after + "); only their TTLs. Create a new service instead.");
        }
        dns.set("DnsRecords", dnsChange.get("DnsRecords").deepCopy());
      }
      if (change.hasNonNull("HealthCheckConfig")) {
        if (service.hasNonNull("HealthCheckCustomConfig")) {
          throw new ApiException("InvalidInput", "Service " + id + " uses HealthCheckCustomConfig; it cannot take"
              + " HealthCheckConfig as well.");
        }
        service.set("HealthCheckConfig", change.get("HealthCheckConfig").deepCopy());
      }
      state.cloudMapServices.put(Json.text(service, "Id"), service);
      return operations.response(operations.record("UPDATE_SERVICE", java.util.Map.of("SERVICE",
          Json.text(service, "Id"))));
    });
  }

  private static Set<String> recordTypes(JsonNode records) {
    Set<String> out = new java.util.TreeSet<>();
    records.forEach(r -> out.add(Json.text(r, "Type")));
    return out;
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    String id = Requests.required(request, "Id", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode service = service(context, id);
      String serviceId = Json.text(service, "Id");
      if (!ServiceInstances.of(state, serviceId).isEmpty()) {
        throw new ApiException("ResourceInUse", "Service " + id + " still has registered instances; deregister"
            + " them first (ECS deregisters a service's tasks when they stop).");
      }
      state.cloudMapServices.remove(serviceId);
      state.deleteTags(Json.text(service, "Arn"));
      ObjectNode namespace = state.namespaces.copyOf(Json.text(service, "NamespaceId"));
      if (namespace != null) {
        namespace.put("ServiceCount", Math.max(0, Json.integer(namespace, "ServiceCount", 0) - 1));
        state.namespaces.put(Json.text(namespace, "Id"), namespace);
      }
      return Json.object();
    });
  }

  /** The service without the runtime's private members. */
  static ObjectNode visible(ObjectNode service) {
    ObjectNode out = service.deepCopy();
    for (Iterator<String> names = service.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith("_")) {
        out.remove(name);
      }
    }
    return out;
  }

  private static ObjectNode wrap(ObjectNode service) {
    ObjectNode response = Json.object();
    response.set("Service", visible(service));
    return response;
  }
}
