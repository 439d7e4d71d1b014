package io.ecsl.runtime.api.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.AwsService;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.ResourceTags;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Cloud Map API ({@code Route53AutoNaming_v20170314}) the CLI and SDKs use for service
 * discovery: namespaces, services and instances (integrations §3.1). Operations complete at once;
 * GetOperation reports them SUCCESS. The runtime registers ECS service tasks itself
 * ({@code io.ecsl.runtime.discovery.ServiceDiscovery}).
 */
public final class CloudMapApi implements AwsService {
  private static final Pattern HTTP_NAME = Pattern.compile("^(?!arn:)[!-~]{1,1024}$");
  private static final Pattern DNS_NAME = Pattern.compile("^(?!arn:)[!-~]{1,253}$");

  private final ControlPlane plane;
  private final RuntimeState state;

  private final ResourceTags tags;
  private final Operations operations;
  private final CloudMapServices services;
  private final CloudMapInstances instances;

  public CloudMapApi(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
    this.tags = new ResourceTags(state, ResourceTags.Form.KEY_VALUE_LIST, "InvalidInput", this::requireTaggableArn);
    this.operations = new Operations(state, plane.clock());
    this.services = new CloudMapServices(state, operations);
    this.instances = new CloudMapInstances(state, operations, services);
  }

  @Override
  public String targetPrefix() {
    return "Route53AutoNaming_v20170314";
  }

  @Override
  public String signingName() {
    return "servicediscovery";
  }

  @Override
  public String errorNamespace() {
    return "com.amazonaws.servicediscovery";
  }

  @Override
  public JsonNode call(String operation, JsonNode request, RequestContext context) {
    return switch (operation) {
      case "CreateHttpNamespace" -> create(request, context, "HTTP");
      case "CreatePrivateDnsNamespace" -> create(request, context, "DNS_PRIVATE");
      case "GetNamespace" -> get(request, context);
      case "ListNamespaces" -> list(request, context);
      case "DeleteNamespace" -> delete(request, context);
      case "GetOperation" -> getOperation(request);
      case "CreateService" -> {
        List<Tag> newTags = tags.parse(request.get("Tags"));
        yield services.create(request, context, newTags, arn -> {
          if (!newTags.isEmpty()) {
            state.putTags(arn, newTags);
          }
        });
      }
      case "GetService" -> services.get(request, context);
      case "ListServices" -> services.list(request, context);
      case "UpdateService" -> services.update(request, context);
      case "DeleteService" -> services.delete(request, context);
      case "RegisterInstance" -> instances.register(request, context);
      case "DeregisterInstance" -> instances.deregister(request, context);
      case "GetInstance" -> instances.get(request, context);
      case "ListInstances" -> instances.list(request, context);
      case "GetInstancesHealthStatus" -> instances.healthStatus(request, context);
      case "UpdateInstanceCustomHealthStatus" -> instances.updateCustomHealth(request, context);
      case "DiscoverInstances" -> instances.discover(request, context);
      case "DiscoverInstancesRevision" -> instances.discoverRevision(request, context);
      case "TagResource" -> tags.tag(request);
      case "UntagResource" -> tags.untag(request);
      case "ListTagsForResource" -> tags.list(request);
      default -> throw new ApiException("UnknownOperationException", "The ecsl runtime does not implement Cloud Map "
          + operation + "; it supports namespaces, services, instances, discovery, operations and tags.");
    };
  }

  private JsonNode create(JsonNode request, RequestContext context, String type) {
    String name = Requests.required(request, "Name", "InvalidInput");
    Pattern pattern = type.equals("HTTP") ? HTTP_NAME : DNS_NAME;
    if (!pattern.matcher(name).matches()) {
      throw new ApiException("InvalidInput", "Invalid namespace name '" + name + "' for a " + type + " namespace.");
    }
    if (type.equals("DNS_PRIVATE")) {
      Requests.required(request, "Vpc", "InvalidInput");
    }
    List<Tag> newTags = tags.parse(request.get("Tags"));
    String requestId = Json.text(request, "CreatorRequestId");
    return state.atomically(() -> {
      ObjectNode existing = Namespaces.find(state, context.region(), name);
      if (existing != null) {
        if (requestId != null && requestId.equals(Json.text(existing, "CreatorRequestId"))) {
          return operationResponse(findCreateOperation(Json.text(existing, "Id")));
        }
        throw new ApiException("NamespaceAlreadyExists", "Namespace " + name + " already exists (id "
            + Json.text(existing, "Id") + ").");
      }
      Instant now = plane.clock().instant();
      ObjectNode namespace = Namespaces.create(context.region(), name, type, Json.text(request, "Description"),
          requestId, now);
      String id = Json.text(namespace, "Id");
      state.namespaces.put(id, namespace);
      if (!newTags.isEmpty()) {
        state.putTags(Json.text(namespace, "Arn"), newTags);
      }
      return operationResponse(recordOperation("CREATE_NAMESPACE", id, now));
    });
  }

  private String findCreateOperation(String namespaceId) {
    for (ObjectNode operation : state.operations.values()) {
      if ("CREATE_NAMESPACE".equals(Json.text(operation, "Type"))
          && namespaceId.equals(Json.text(operation.path("Targets"), "NAMESPACE"))) {
        return Json.text(operation, "Id");
      }
    }
    return recordOperation("CREATE_NAMESPACE", namespaceId, plane.clock().instant());
  }

  private String recordOperation(String type, String namespaceId, Instant now) {
    return operations.record(type, java.util.Map.of("NAMESPACE", namespaceId));
  }

  private static ObjectNode operationResponse(String operationId) {
    ObjectNode response = Json.object();
    response.put("OperationId", operationId);
    return response;
  }

  private ObjectNode namespace(RequestContext context, String id) {
    ObjectNode namespace = state.namespaces.get(id);
    if (namespace == null || !context.region().equals(Arns.regionOf(Json.text(namespace, "Arn")))) {
      throw new ApiException("NamespaceNotFound", "Namespace " + id + " not found.");
    }
    return namespace;
  }

  private JsonNode get(JsonNode request, RequestContext context) {
    String id = Requests.required(request, "Id", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      response.set("Namespace", namespace(context, id).deepCopy());
      return response;
    });
  }

  private JsonNode list(JsonNode request, RequestContext context) {
    List<JsonNode> filters = Json.list(request, "Filters");
    return state.atomically(() -> {
      List<ObjectNode> matches = new ArrayList<>();
      for (ObjectNode namespace : state.namespaces.values()) {
        if (context.region().equals(Arns.regionOf(Json.text(namespace, "Arn"))) && matches(namespace, filters)) {
          ObjectNode summary = namespace.deepCopy();
          summary.remove("CreatorRequestId");
          matches.add(summary);
        }
      }
      return Pages.response(Paging.CLOUD_MAP, request, matches, "Namespaces", 100, 100);
    });
  }

  /** NamespaceFilter: TYPE (EQ/IN), NAME (EQ/BEGINS_WITH), HTTP_NAME (EQ). */
  private static boolean matches(ObjectNode namespace, List<JsonNode> filters) {
    for (JsonNode filter : filters) {
      String field = switch (Json.text(filter, "Name", "")) {
        case "TYPE" -> Json.text(namespace, "Type");
        case "NAME" -> Json.text(namespace, "Name");
        case "HTTP_NAME" -> Json.text(namespace.path("Properties").path("HttpProperties"), "HttpName");
        default -> throw new ApiException("InvalidInput", "Unknown namespace filter " + Json.text(filter, "Name")
            + "; use TYPE, NAME or HTTP_NAME.");
      };
      List<String> values = Json.strings(filter, "Values");
      String condition = Json.text(filter, "Condition", "EQ");
      boolean ok = switch (condition) {
        case "BEGINS_WITH" -> values.stream().anyMatch(v -> field != null && field.startsWith(v));
        default -> values.contains(field);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private JsonNode delete(JsonNode request, RequestContext context) {
    String id = Requests.required(request, "Id", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode namespace = namespace(context, id);
      String arn = Json.text(namespace, "Arn");
      for (ObjectNode service : state.cloudMapServices.values()) {
        if (id.equals(Json.text(service, "NamespaceId"))) {
          throw new ApiException("ResourceInUse", "Namespace " + id + " still has service " + Json.text(service, "Name")
              + " (" + Json.text(service, "Id") + "); delete its services first.");
        }
      }
      state.namespaces.remove(id);
      state.deleteTags(arn);
      return operationResponse(recordOperation("DELETE_NAMESPACE", id, plane.clock().instant()));
    });
  }

  private JsonNode getOperation(JsonNode request) {
    String id = Requests.required(request, "OperationId", "InvalidInput");
    return state.atomically(() -> {
      ObjectNode operation = state.operations.get(id);
      if (operation == null) {
        throw new ApiException("OperationNotFound", "Operation " + id + " not found.");
      }
      ObjectNode response = Json.object();
      response.set("Operation", operation.deepCopy());
      return response;
    });
  }

  private void requireTaggableArn(String arn) {
    boolean exists = state.namespaces.values().stream().anyMatch(n -> arn.equals(Json.text(n, "Arn")))
        || state.cloudMapServices.values().stream().anyMatch(s -> arn.equals(Json.text(s, "Arn")));
    if (!exists) {
      throw ApiException.resourceNotFound("The resource " + arn + " was not found.");
    }
  }
}
