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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cloud Map instances: RegisterInstance, DeregisterInstance, GetInstance, ListInstances,
 * GetInstancesHealthStatus, UpdateInstanceCustomHealthStatus, DiscoverInstances and
 * DiscoverInstancesRevision, with Cloud Map's attribute rules (the record types a DNS service
 * declares need their {@code AWS_INSTANCE_*} attributes).
 */
final class CloudMapInstances {
  private static final Pattern INSTANCE_ID = Pattern.compile("^[0-9a-zA-Z_/:.@-]{1,64}$");
  private static final int MAX_ATTRIBUTES = 30;

  private final RuntimeState state;
  private final Operations operations;
  private final CloudMapServices services;

  CloudMapInstances(RuntimeState state, Operations operations, CloudMapServices services) {
    this.state = state;
    this.operations = operations;
    this.services = services;
  }

  JsonNode register(JsonNode request, RequestContext context) {
    String serviceRef = Requests.required(request, "ServiceId", "InvalidInput");
    String instanceId = Requests.required(request, "InstanceId", "InvalidInput");
    if (!INSTANCE_ID.matcher(instanceId).matches()) {
      throw new ApiException("InvalidInput", "Invalid InstanceId '" + instanceId + "': up to 64 letters, digits and"
          + " _/:.@- characters.");
    }
    Requests.requiredNode(request, "Attributes", "InvalidInput");
    Map<String, String> attributes = Json.stringMap(request, "Attributes");
    return state.atomically(() -> {
      ObjectNode service = services.service(context, serviceRef);
      validate(service, attributes);
      String health = ServiceInstances.HEALTHY;
      String initial = attributes.get("AWS_INIT_HEALTH_STATUS");
      if (initial != null) {
        if (!service.hasNonNull("HealthCheckCustomConfig")) {
          throw new ApiException("InvalidInput", "AWS_INIT_HEALTH_STATUS is only allowed for a service with"
              + " HealthCheckCustomConfig.");
        }
        if (!initial.equals("HEALTHY") && !initial.equals("UNHEALTHY")) {
          throw new ApiException("InvalidInput", "AWS_INIT_HEALTH_STATUS must be HEALTHY or UNHEALTHY; got " + initial + ".");
        }
        health = initial;
      }
      String serviceId = Json.text(service, "Id");
      ServiceInstances.register(state, service, instanceId, attributes, health, Json.text(request, "CreatorRequestId"),
          null);
      return operations.response(operations.record("REGISTER_INSTANCE", Map.of("SERVICE", serviceId,
          "INSTANCE", instanceId)));
    });
  }

  /** Cloud Map's attribute rules: sizes, and the address attributes each DNS record type needs. */
  static void validate(ObjectNode service, Map<String, String> attributes) {
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw new ApiException("InvalidInput", "An instance can have at most " + MAX_ATTRIBUTES + " attributes; got "
          + attributes.size() + ".");
    }
    attributes.forEach((key, value) -> {
      if (key.isEmpty() || key.length() > 255 || value.length() > 1024) {
        throw new ApiException("InvalidInput", "Attribute '" + key + "': keys are 1 to 255 characters, values at"
            + " most 1,024.");
      }
    });
    for (JsonNode record : Json.list(service.path("DnsConfig"), "DnsRecords")) {
      String type = Json.text(record, "Type");
      boolean ok = switch (type) {
        case "A" -> attributes.containsKey("AWS_INSTANCE_IPV4");
        case "AAAA" -> attributes.containsKey("AWS_INSTANCE_IPV6");
        case "SRV" -> attributes.containsKey("AWS_INSTANCE_PORT")
            && (attributes.containsKey("AWS_INSTANCE_IPV4") || attributes.containsKey("AWS_INSTANCE_IPV6"));
        case "CNAME" -> attributes.containsKey("AWS_INSTANCE_CNAME");
        default -> true;
      };
      if (!ok) {
        throw new ApiException("InvalidInput", "Service " + Json.text(service, "Name") + " has a " + type
            + " record, so the instance needs " + switch (type) {
              case "A" -> "AWS_INSTANCE_IPV4";
              case "AAAA" -> "AWS_INSTANCE_IPV6";
              case "SRV" -> "AWS_INSTANCE_PORT and AWS_INSTANCE_IPV4 (or AWS_INSTANCE_IPV6)";
              default -> "AWS_INSTANCE_CNAME";
            } + ".");
      }
    }
    String port = attributes.get("AWS_INSTANCE_PORT");
    if (port != null && !port.matches("^\\d{1,5}$")) {
      throw new ApiException("InvalidInput", "AWS_INSTANCE_PORT must be a port number; got '" + port + "'.");
    }
    String ipv4 = attributes.get("AWS_INSTANCE_IPV4");
    if (ipv4 != null && !ipv4.matches("^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)$")) {
      throw new ApiException("InvalidInput", "AWS_INSTANCE_IPV4 must be an IPv4 address; got '" + ipv4 + "'.");
    }
  }

  private ObjectNode instance(ObjectNode service, String instanceId) {
    ObjectNode instance = ServiceInstances.find(state, Json.text(service, "Id"), instanceId);
    if (instance == null) {
      throw new ApiException("InstanceNotFound", "Instance " + instanceId + " is not registered in service "
          + Json.text(service, "Id") + ".");
    }
    return instance;
  }

  JsonNode deregister(JsonNode request, RequestContext context) {
    String serviceRef = Requests.required(request, "ServiceId", "InvalidInput");
    String instanceId = Requests.required(request, "InstanceId", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode service = services.service(context, serviceRef);
      instance(service, instanceId);
      String serviceId = Json.text(service, "Id");
      ServiceInstances.deregister(state, serviceId, instanceId);
      return operations.response(operations.record("DEREGISTER_INSTANCE", Map.of("SERVICE", serviceId,
          "INSTANCE", instanceId)));
    });
  }

  JsonNode get(JsonNode request, RequestContext context) {
    String serviceRef = Requests.required(request, "ServiceId", "InvalidInput");
    String instanceId = Requests.required(request, "InstanceId", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode service = services.service(context, serviceRef);
      ObjectNode response = Json.object();
      response.put("ResourceOwner", Arns.ACCOUNT);
      response.set("Instance", ServiceInstances.describe(instance(service, instanceId), true));
      return response;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String serviceRef = Requests.required(request, "ServiceId", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode service = services.service(context, serviceRef);
      List<ObjectNode> all = new ArrayList<>();
      for (ObjectNode instance : ServiceInstances.of(state, Json.text(service, "Id"))) {
        all.add(ServiceInstances.describe(instance, false));
      }
      Pages.Page<ObjectNode> page = Pages.of(all, Json.text(request, "NextToken"), Json.integer(request, "MaxResults"),
          100, 100, "InvalidInput");
      ObjectNode response = Json.object();
      response.put("ResourceOwner", Arns.ACCOUNT);
      ArrayNode out = response.putArray("Instances");
      page.items().forEach(out::add);
      Json.putIfPresent(response, "NextToken", page.nextToken());
      return response;
    });
  }

  JsonNode healthStatus(JsonNode request, RequestContext context) {
    String serviceRef = Requests.required(request, "ServiceId", "InvalidInput");
    List<String> wanted = Json.strings(request, "Instances");
    return state.atomically(() -> {
      ObjectNode service = services.service(context, serviceRef);
      List<ObjectNode> instances = new ArrayList<>();
      if (wanted.isEmpty()) {
        instances.addAll(ServiceInstances.of(state, Json.text(service, "Id")));
      } else {
        for (String id : wanted) {
          instances.add(instance(service, id));
        }
      }
      Pages.Page<ObjectNode> page = Pages.of(instances, Json.text(request, "NextToken"),
          Json.integer(request, "MaxResults"), 100, 100, "InvalidInput");
      ObjectNode response = Json.object();
      ObjectNode status = response.putObject("Status");
      page.items().forEach(i -> status.put(Json.text(i, "Id"), ServiceInstances.reportedHealth(service, i)));
      Json.putIfPresent(response, "NextToken", page.nextToken());
      return response;
    });
  }

  JsonNode updateCustomHealth(JsonNode request, RequestContext context) {
    String serviceRef = Requests.required(request, "ServiceId", "InvalidInput");
    String instanceId = Requests.required(request, "InstanceId", "InvalidInput");
    String status = Requests.required(request, "Status", "InvalidInput");
    if (!status.equals("HEALTHY") && !status.equals("UNHEALTHY")) {
      throw new ApiException("InvalidInput", "Status must be HEALTHY or UNHEALTHY; got " + status + ".");
    }
    return state.atomically(() -> {
      ObjectNode service = services.service(context, serviceRef);
      if (!service.hasNonNull("HealthCheckCustomConfig")) {
        throw new ApiException("CustomHealthNotFound", "Service " + serviceRef + " has no HealthCheckCustomConfig,"
            + " so its instances' health cannot be set.");
      }
      instance(service, instanceId);
      ServiceInstances.setHealth(state, Json.text(service, "Id"), instanceId, status);
      return Json.object();
    });
  }

  JsonNode discover(JsonNode request, RequestContext context) {
    int max = Json.integer(request, "MaxResults", 100);
    if (max < 1 || max > 1000) {
      throw new ApiException("InvalidInput", "MaxResults must be 1 to 1000; got " + max + ".");
    }
    String filter = Json.text(request, "HealthStatus", "HEALTHY");
    Map<String, String> query = Json.stringMap(request, "QueryParameters");
    Map<String, String> optional = Json.stringMap(request, "OptionalParameters");
    return state.atomically(() -> {
      ObjectNode namespace = namespaceNamed(context, Requests.required(request, "NamespaceName", "InvalidInput"));
      ObjectNode service = serviceNamed(namespace, Requests.required(request, "ServiceName", "InvalidInput"));
      List<ObjectNode> candidates = new ArrayList<>();
      for (ObjectNode instance : ServiceInstances.of(state, Json.text(service, "Id"))) {
        if (attributesMatch(instance, query)) {
          candidates.add(instance);
        }
      }
      List<ObjectNode> narrowed = candidates.stream().filter(i -> attributesMatch(i, optional)).toList();
      if (!narrowed.isEmpty()) {
        candidates = narrowed; // optional parameters narrow the answer only when something matches them
      }
      List<ObjectNode> chosen = byHealth(service, candidates, filter);
      ObjectNode response = Json.object();
      ArrayNode out = response.putArray("Instances");
      for (ObjectNode instance : chosen.subList(0, Math.min(max, chosen.size()))) {
        ObjectNode summary = out.addObject();
        summary.put("InstanceId", Json.text(instance, "Id"));
        summary.put("NamespaceName", Json.text(namespace, "Name"));
        summary.put("ServiceName", Json.text(service, "Name"));
        summary.put("HealthStatus", ServiceInstances.reportedHealth(service, instance));
        summary.set("Attributes", instance.path("Attributes").deepCopy());
      }
      response.put("InstancesRevision", ServiceInstances.revision(service));
      return response;
    });
  }

  JsonNode discoverRevision(JsonNode request, RequestContext context) {
    return state.atomically(() -> {
      ObjectNode namespace = namespaceNamed(context, Requests.required(request, "NamespaceName", "InvalidInput"));
      ObjectNode service = serviceNamed(namespace, Requests.required(request, "ServiceName", "InvalidInput"));
      ObjectNode response = Json.object();
      response.put("InstancesRevision", ServiceInstances.revision(service));
      return response;
    });
  }

  private static List<ObjectNode> byHealth(ObjectNode service, List<ObjectNode> instances, String filter) {
    if (!CloudMapServices.checksHealth(service)) {
      return instances; // without health checking every instance counts as healthy
    }
    List<ObjectNode> healthy = instances.stream()
        .filter(i -> ServiceInstances.HEALTHY.equals(ServiceInstances.health(i))).toList();
    return switch (filter) {
      case "HEALTHY" -> healthy;
      case "UNHEALTHY" -> instances.stream()
          .filter(i -> ServiceInstances.UNHEALTHY.equals(ServiceInstances.health(i))).toList();
      case "ALL" -> instances;
      case "HEALTHY_OR_ELSE_ALL" -> healthy.isEmpty() ? instances : healthy;
      default -> throw new ApiException("InvalidInput", "HealthStatus must be HEALTHY, UNHEALTHY, ALL or"
          + " HEALTHY_OR_ELSE_ALL; got " + filter + ".");
    };
  }

  private static boolean attributesMatch(ObjectNode instance, Map<String, String> wanted) {
    JsonNode attributes = instance.path("Attributes");
    for (Map.Entry<String, String> entry : wanted.entrySet()) {
      if (!entry.getValue().equals(Json.text(attributes, entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** DiscoverInstances names the namespace by its HTTP name (the namespace name for DNS namespaces). */
  private ObjectNode namespaceNamed(RequestContext context, String name) {
    for (ObjectNode namespace : state.namespaces.values()) {
      String httpName = Json.text(namespace.path("Properties").path("HttpProperties"), "HttpName",
          Json.text(namespace, "Name"));
      if (context.region().equals(Arns.regionOf(Json.text(namespace, "Arn"))) && name.equalsIgnoreCase(httpName)) {
        return namespace;
      }
    }
    throw new ApiException("NamespaceNotFound", "Namespace " + name + " not found.");
  }

  private ObjectNode serviceNamed(ObjectNode namespace, String name) {
    for (ObjectNode service : state.cloudMapServices.values()) {
      if (Json.text(namespace, "Id").equals(Json.text(service, "NamespaceId"))
          && name.equalsIgnoreCase(Json.text(service, "Name"))) {
        return service;
      }
    }
    throw new ApiException("ServiceNotFound", "Service " + name + " not found in namespace "
        + Json.text(namespace, "Name") + ".");
  }
}
