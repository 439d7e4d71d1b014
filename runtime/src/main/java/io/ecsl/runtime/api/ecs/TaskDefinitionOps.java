package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** RegisterTaskDefinition, DeregisterTaskDefinition, DeleteTaskDefinitions, Describe/List*. */
final class TaskDefinitionOps {
  private final ControlPlane plane;
  private final RuntimeState state;
  private final EcsResolver resolver;

  TaskDefinitionOps(ControlPlane plane, EcsResolver resolver) {
    this.plane = plane;
    this.state = plane.state();
    this.resolver = resolver;
  }

  JsonNode register(JsonNode request, RequestContext context) {
    ObjectNode definition = ((ObjectNode) request).deepCopy();
    List<Tag> tags = Requests.ecsTags(definition.remove("tags"));
    TaskDefinitionValidator.validate(definition);
    EcsResolver.requireHostAccess(plane.hostAccess(), definition);
    fillDefaults(definition);
    return state.atomically(() -> {
      String family = Json.text(definition, "family");
      int revision = state.nextRevision(context.region(), family);
      String arn = Arns.taskDefinition(context.region(), family, revision);
      ObjectNode stored = Json.object();
      stored.put("taskDefinitionArn", arn);
      stored.setAll(definition);
      stored.put("revision", revision);
      stored.put("status", "ACTIVE");
      stored.set("requiresAttributes", requiresAttributes(definition));
      stored.set("compatibilities", compatibilities(definition));
      stored.set("registeredAt", Json.timestamp(plane.clock().instant()));
      stored.put("registeredBy", Arns.ROOT_PRINCIPAL);
      state.taskDefinitions.put(arn, stored);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      ObjectNode response = Json.object();
      response.set("taskDefinition", stored);
      response.set("tags", EcsRenderer.tags(tags));
      return response;
    });
  }

  /** ECS returns omitted collections as empty lists and fills container defaults. */
  private static void fillDefaults(ObjectNode definition) {
    String networkMode = Json.text(definition, "networkMode");
    for (JsonNode node : Json.list(definition, "containerDefinitions")) {
      ObjectNode container = (ObjectNode) node;
      fillContainerDefaults(container, List.of("portMappings", "environment", "mountPoints", "volumesFrom"));
      for (JsonNode mapping : Json.list(container, "portMappings")) {
        ObjectNode port = (ObjectNode) mapping;
        if (!port.has("protocol") && port.has("containerPort")) {
          port.put("protocol", "tcp");
        }
        if (("awsvpc".equals(networkMode) || "host".equals(networkMode)) && port.has("containerPort")) {
          port.put("hostPort", port.get("containerPort").asInt());
        }
      }
    }
    for (String list : List.of("volumes", "placementConstraints")) {
      if (!definition.has(list)) {
        definition.putArray(list);
      }
    }
  }

  /** A container's defaults as ECS fills them (daemon containers too): cpu 0, essential, empty lists. */
  static void fillContainerDefaults(ObjectNode container, List<String> lists) {
    if (!container.has("cpu")) {
      container.put("cpu", 0);
    }
    if (!container.has("essential")) {
      container.put("essential", true);
    }
    for (String list : lists) {
      if (!container.has(list)) {
        container.putArray(list);
      }
    }
  }

  private static ArrayNode requiresAttributes(JsonNode definition) {
    TreeSet<String> names = new TreeSet<>();
    if ("awsvpc".equals(Json.text(definition, "networkMode"))) {
      names.add("ecs.capability.task-eni");
    }
    for (JsonNode container : Json.list(definition, "containerDefinitions")) {
      if (container.has("healthCheck")) {
        names.add("ecs.capability.container-health-check");
      }
      if (!Json.list(container, "dependsOn").isEmpty()) {
        names.add("ecs.capability.container-ordering");
      }
      for (JsonNode secret : Json.list(container, "secrets")) {
        names.add(Json.text(secret, "valueFrom", "").startsWith("arn:aws:ssm:")
            ? "ecs.capability.secrets.ssm.environment-variables"
            : "ecs.capability.secrets.asm.environment-variables");
      }
      if (container.has("dockerLabels")) {
        names.add("com.amazonaws.ecs.capability.docker-remote-api.1.18");
      }
    }
    ArrayNode out = Json.array();
    names.forEach(name -> out.addObject().put("name", name));
    return out;
  }

  private static ArrayNode compatibilities(JsonNode definition) {
    String networkMode = Json.text(definition, "networkMode");
    ArrayNode out = Json.array();
    out.add("EC2");
    if (!"awsvpc".equals(networkMode)) {
      out.add("EXTERNAL");
    }
    boolean sized = definition.has("cpu") && definition.has("memory");
    if ("awsvpc".equals(networkMode) && sized) {
      out.add("FARGATE");
    }
    // Managed Instances run a task only with a network mode given, and not bridge (EMU: the mode decides).
    if (networkMode != null && List.of("awsvpc", "host", "none").contains(networkMode)) {
      out.add("MANAGED_INSTANCES");
    }
    return out;
  }

  JsonNode deregister(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "taskDefinition", "ClientException");
    return state.atomically(() -> {
      ObjectNode definition = requireExact(context, reference);
      ObjectNode updated = definition.deepCopy();
      if ("ACTIVE".equals(Json.text(updated, "status"))) {
        updated.put("status", "INACTIVE");
        updated.set("deregisteredAt", Json.timestamp(plane.clock().instant()));
        state.taskDefinitions.put(Json.text(updated, "taskDefinitionArn"), updated);
      }
      ObjectNode response = Json.object();
      response.set("taskDefinition", updated);
      return response;
    });
  }

  private ObjectNode requireExact(RequestContext context, String reference) {
    if (!Arns.isArn(reference) && !reference.contains(":")) {
      throw ApiException.invalidParameter("Give a revision to deregister: " + reference + ":REVISION or the"
          + " task definition ARN.");
    }
    ObjectNode definition = resolver.taskDefinition(context, reference);
    if (definition == null) {
      throw new ApiException("ClientException", "Unable to describe task definition " + reference
          + ": no such family and revision.");
    }
    return definition;
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    List<String> references = Json.strings(request, "taskDefinitions");
    if (references.isEmpty()) {
      throw ApiException.invalidParameter("taskDefinitions must list 1 to 10 task definition ARNs or"
          + " family:revision values.");
    }
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      ArrayNode deleted = response.putArray("taskDefinitions");
      ArrayNode failures = response.putArray("failures");
      Instant now = plane.clock().instant();
      for (String reference : references) {
        ObjectNode definition = reference.contains(":") ? resolver.taskDefinition(context, reference) : null;
        if (definition == null) {
          failures.addObject().put("arn", reference).put("reason", "TASK_DEFINITION_NOT_FOUND")
              .put("detail", "The specified task definition does not exist.");
          continue;
        }
        if ("ACTIVE".equals(Json.text(definition, "status"))) {
          failures.addObject().put("arn", Json.text(definition, "taskDefinitionArn"))
              .put("reason", "The specified task definition is still in ACTIVE status. Please deregister the"
                  + " target and try again.");
          continue;
        }
        ObjectNode updated = definition.deepCopy();
        updated.put("status", "DELETE_IN_PROGRESS");
        updated.set("deleteRequestedAt", Json.timestamp(now));
        state.taskDefinitions.put(Json.text(updated, "taskDefinitionArn"), updated);
        deleted.add(updated);
      }
      return response;
    });
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "taskDefinition", "ClientException");
    boolean includeTags = Json.strings(request, "include").contains("TAGS");
    return state.atomically(() -> {
      ObjectNode definition = resolver.taskDefinition(context, reference);
      if (definition == null || "DELETE_IN_PROGRESS".equals(Json.text(definition, "status"))) {
        throw new ApiException("ClientException", "Unable to describe task definition: " + reference
            + " is not registered (register it with RegisterTaskDefinition).");
      }
      ObjectNode response = Json.object();
      response.set("taskDefinition", definition.deepCopy());
      if (includeTags) {
        response.set("tags", EcsRenderer.tags(state.tags(Json.text(definition, "taskDefinitionArn"))));
      }
      return response;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String prefix = Json.text(request, "familyPrefix");
    String status = Json.text(request, "status", "ACTIVE");
    boolean descending = "DESC".equals(Json.text(request, "sort"));
    return state.atomically(() -> {
      List<ObjectNode> matches = new ArrayList<>();
      for (ObjectNode definition : state.taskDefinitions.values()) {
        boolean inRegion = context.region().equals(Arns.regionOf(Json.text(definition, "taskDefinitionArn")));
        boolean family = prefix == null || Json.text(definition, "family").equals(prefix);
        if (inRegion && family && status.equals(Json.text(definition, "status"))) {
          matches.add(definition);
        }
      }
      Comparator<ObjectNode> order = Comparator.comparing((ObjectNode d) -> Json.text(d, "family"))
          .thenComparingInt(d -> Json.integer(d, "revision", 0));
      matches.sort(descending ? order.reversed() : order);
      List<String> arns = matches.stream().map(d -> Json.text(d, "taskDefinitionArn")).toList();
      return Pages.response(Paging.ECS, request, arns, "taskDefinitionArns", 100, 100);
    });
  }

  JsonNode listFamilies(JsonNode request, RequestContext context) {
    String prefix = Json.text(request, "familyPrefix", "");
    String status = Json.text(request, "status", "ACTIVE");
    return state.atomically(() -> {
      TreeSet<String> families = new TreeSet<>();
      TreeSet<String> active = new TreeSet<>();
      for (ObjectNode definition : state.taskDefinitions.values()) {
        String family = Json.text(definition, "family");
        boolean inRegion = context.region().equals(Arns.regionOf(Json.text(definition, "taskDefinitionArn")));
        if (inRegion && family.startsWith(prefix)) {
          families.add(family);
          if ("ACTIVE".equals(Json.text(definition, "status"))) {
            active.add(family);
          }
        }
      }
      List<String> result = switch (status) {
        case "ALL" -> new ArrayList<>(families);
        case "INACTIVE" -> families.stream().filter(f -> !active.contains(f)).toList();
        default -> new ArrayList<>(active);
      };
      return Pages.response(Paging.ECS, request, result, "families", 100, 100);
    });
  }
}
