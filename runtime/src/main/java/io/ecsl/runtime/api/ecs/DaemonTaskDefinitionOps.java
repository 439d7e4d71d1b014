package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.daemon.DaemonLimits;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.daemons.DaemonTaskDefinitions;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RegisterDaemonTaskDefinition, DescribeDaemonTaskDefinition, ListDaemonTaskDefinitions and
 * DeleteDaemonTaskDefinition (integrations §7.4). A daemon task definition is a family of its own:
 * its revisions count apart from the task definitions' and its ARN is {@code daemon-task-definition/}.
 */
final class DaemonTaskDefinitionOps {
  static final String ACTIVE = "ACTIVE";
  static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";
  static final String DELETED = "DELETED";

  private final ControlPlane plane;
  private final RuntimeState state;

  DaemonTaskDefinitionOps(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
  }

  JsonNode register(JsonNode request, RequestContext context) {
    ObjectNode definition = ((ObjectNode) request).deepCopy();
    List<Tag> tags = Requests.ecsTags(definition.remove("tags"));
    String family = Requests.required(request, "family", "ClientException");
    if (!EcsName.DAEMON_TASK_DEFINITION_FAMILY.isValid(family)) {
      throw ApiException.client("Invalid family '" + family + "': use 1 to 255 letters, digits, hyphens and underscores.");
    }
    for (String mode : List.of("pidMode", "ipcMode")) {
      String value = Json.text(definition, mode);
      if (value != null && !DaemonLimits.NAMESPACE_MODES.contains(value)) {
        throw ApiException.invalidParameter("Invalid " + mode + " '" + value + "' for daemon task definition " + family
            + ": the valid values are " + String.join(" and ", DaemonLimits.NAMESPACE_MODES) + ".");
      }
    }
    // A daemon container takes a subset of a task's container members: the same rules hold for them.
    TaskDefinitionValidator.validate(definition);
    // What its tasks will take from the host: `shared` namespaces are the host's.
    EcsResolver.requireHostAccess(plane.hostAccess(), DaemonTaskDefinitions.asTaskDefinition(definition));
    fillDefaults(definition);
    return state.atomically(() -> {
      int revision = state.nextDaemonRevision(context.region(), family);
      String arn = Arns.daemonTaskDefinition(context.region(), family, revision);
      ObjectNode stored = Json.object();
      stored.put("daemonTaskDefinitionArn", arn);
      stored.setAll(definition);
      stored.put("revision", revision);
      stored.put("status", ACTIVE);
      stored.set("registeredAt", Json.timestamp(plane.clock().instant()));
      stored.put("registeredBy", Arns.ROOT_PRINCIPAL);
      state.daemonTaskDefinitions.put(arn, stored);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return Json.object().put("daemonTaskDefinitionArn", arn);
    });
  }

  /** ECS fills a container's defaults, as for task definitions. */
  private static void fillDefaults(ObjectNode definition) {
    for (JsonNode node : Json.list(definition, "containerDefinitions")) {
      // A daemon container has no port mappings or volumesFrom.
      TaskDefinitionOps.fillContainerDefaults((ObjectNode) node, List.of("environment", "mountPoints"));
    }
    if (!definition.has("volumes")) {
      definition.putArray("volumes");
    }
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "daemonTaskDefinition", "ClientException");
    return state.atomically(() -> {
      ObjectNode definition = find(state, context, reference);
      if (definition == null || DELETED.equals(Json.text(definition, "status"))) {
        throw ApiException.client("Unable to describe daemon task definition " + reference + ": it is not registered"
            + " (register it with RegisterDaemonTaskDefinition; list them with ListDaemonTaskDefinitions).");
      }
      ObjectNode response = Json.object();
      response.set("daemonTaskDefinition", definition.deepCopy());
      return response;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String prefix = Json.text(request, "familyPrefix");
    String family = Json.text(request, "family");
    String status = Json.text(request, "status", ACTIVE);
    if (!List.of(ACTIVE, DELETE_IN_PROGRESS, "ALL").contains(status)) {
      throw ApiException.invalidParameter("Invalid status '" + status + "': use ACTIVE, DELETE_IN_PROGRESS or ALL.");
    }
    String revisionFilter = Json.text(request, "revision");
    if (revisionFilter != null && !"LAST_REGISTERED".equals(revisionFilter)) {
      throw ApiException.invalidParameter("Invalid revision '" + revisionFilter + "': the valid value is LAST_REGISTERED.");
    }
    boolean descending = "DESC".equals(Json.text(request, "sort"));
    return state.atomically(() -> {
      List<ObjectNode> matches = new ArrayList<>();
      for (ObjectNode definition : state.daemonTaskDefinitions.values()) {
        String itsFamily = Json.text(definition, "family");
        boolean inRegion = context.region().equals(Arns.regionOf(Json.text(definition, "daemonTaskDefinitionArn")));
        boolean familyMatches = (prefix == null || itsFamily.startsWith(prefix)) && (family == null || itsFamily.equals(family));
        String itsStatus = Json.text(definition, "status");
        boolean statusMatches = "ALL".equals(status) ? !DELETED.equals(itsStatus) : status.equals(itsStatus);
        if (inRegion && familyMatches && statusMatches) {
          matches.add(definition);
        }
      }
      if (revisionFilter != null) {
        Map<String, ObjectNode> last = new LinkedHashMap<>();
        for (ObjectNode definition : matches) {
          last.merge(Json.text(definition, "family"), definition,
              (a, b) -> Json.integer(a, "revision", 0) >= Json.integer(b, "revision", 0) ? a : b);
        }
        matches = new ArrayList<>(last.values());
      }
      Comparator<ObjectNode> order = Comparator.comparing((ObjectNode d) -> Json.text(d, "family"))
          .thenComparingInt(d -> Json.integer(d, "revision", 0));
      matches.sort(descending ? order.reversed() : order);
      List<ObjectNode> summaries = matches.stream().map(DaemonTaskDefinitionOps::summary).toList();
      return Pages.response(Paging.ECS, request, summaries, "daemonTaskDefinitions", 100, 100);
    });
  }

  private static ObjectNode summary(ObjectNode definition) {
    ObjectNode summary = Json.object();
    summary.put("arn", Json.text(definition, "daemonTaskDefinitionArn"));
    summary.set("registeredAt", definition.get("registeredAt"));
    summary.put("registeredBy", Json.text(definition, "registeredBy"));
    if (definition.has("deleteRequestedAt")) {
      summary.set("deleteRequestedAt", definition.get("deleteRequestedAt"));
    }
    summary.put("status", Json.text(definition, "status"));
    return summary;
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "daemonTaskDefinition", "ClientException");
    return state.atomically(() -> {
      if (!Arns.isArn(reference) && !reference.contains(":")) {
        throw ApiException.invalidParameter("Give a revision to delete: " + reference + ":REVISION or the daemon task"
            + " definition ARN.");
      }
      ObjectNode definition = find(state, context, reference);
      if (definition == null || DELETED.equals(Json.text(definition, "status"))) {
        throw ApiException.client("Unable to delete daemon task definition " + reference + ": it is not registered.");
      }
      if (!ACTIVE.equals(Json.text(definition, "status"))) {
        throw ApiException.client("The daemon task definition " + Json.text(definition, "daemonTaskDefinitionArn")
            + " is " + Json.text(definition, "status") + ": only an ACTIVE daemon task definition can be deleted.");
      }
      ObjectNode updated = definition.deepCopy();
      updated.put("status", DELETE_IN_PROGRESS);
      updated.set("deleteRequestedAt", Json.timestamp(plane.clock().instant()));
      state.daemonTaskDefinitions.put(Json.text(updated, "daemonTaskDefinitionArn"), updated);
      return Json.object().put("daemonTaskDefinitionArn", Json.text(updated, "daemonTaskDefinitionArn"));
    });
  }

  /**
   * A daemon task definition by ARN, {@code family:revision} or {@code family} (its latest ACTIVE
   * revision); null if none matches. Callers hold the state lock.
   */
  static ObjectNode find(RuntimeState state, RequestContext context, String reference) {
    if (Arns.isArn(reference)) {
      return state.daemonTaskDefinitions.get(reference);
    }
    int colon = reference.lastIndexOf(':');
    if (colon > 0) {
      try {
        int revision = Integer.parseInt(reference.substring(colon + 1));
        return state.daemonTaskDefinitions.get(Arns.daemonTaskDefinition(context.region(),
            reference.substring(0, colon), revision));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    ObjectNode latest = null;
    for (ObjectNode definition : state.daemonTaskDefinitions.values()) {
      boolean candidate = reference.equals(Json.text(definition, "family")) && ACTIVE.equals(Json.text(definition, "status"))
          && context.region().equals(Arns.regionOf(Json.text(definition, "daemonTaskDefinitionArn")));
      if (candidate && (latest == null || Json.integer(definition, "revision", 0) > Json.integer(latest, "revision", 0))) {
        latest = definition;
      }
    }
    return latest;
  }
}
