package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.AwsApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Managed Daemons part of the ECS API in memory, for fast tests of what plan and apply do with
 * it (moto has no daemon API; the local runtime's is tested on Docker): daemon task definition
 * revisions, daemons with revisions and deployments, and tags. Its account is not the
 * declarations' (as on the local runtime), and a daemon created without a drain percent gets one
 * ECS chose. A deployment ends at once: SUCCESSFUL, or rolled back with {@link #rollBackNext} as
 * its reason. Every other operation answers an empty document (a target with nothing else), or,
 * with {@link #withoutDaemonApi}, the daemon operations fail as moto's do. Calls are recorded.
 */
final class FakeDaemonApi implements AwsApi {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final String PREFIX = "arn:aws:ecs:us-east-1:000000000000:";
  /** What this target chooses when CreateDaemon names no drain percent. */
  static final int CHOSEN_DRAIN_PERCENT = 20;

  final List<String> calls = new ArrayList<>();
  final Map<String, ObjectNode> requests = new LinkedHashMap<>();
  /** Every call as sent: operation and request. */
  final List<Map.Entry<String, ObjectNode>> sent = new ArrayList<>();
  /** family → revision → the definition (with status). */
  final Map<String, Map<Integer, ObjectNode>> definitions = new LinkedHashMap<>();
  final Map<String, ObjectNode> daemons = new LinkedHashMap<>();
  final Map<String, ObjectNode> revisions = new LinkedHashMap<>();
  final Map<String, ObjectNode> deployments = new LinkedHashMap<>();
  final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  String rollBackNext;
  boolean withoutDaemonApi;

  @Override
  public synchronized JsonNode call(String service, String operation, ObjectNode request) {
    calls.add(operation);
    requests.put(operation, request.deepCopy());
    sent.add(Map.entry(operation, request.deepCopy()));
    if (withoutDaemonApi && (operation.contains("Daemon"))) {
      throw new ApiException(service, operation, null, "HTTP 500 Internal Server Error", null);
    }
    return switch (operation) {
      case "RegisterDaemonTaskDefinition" -> register(request);
      case "ListDaemonTaskDefinitions" -> listDefinitions(request);
      case "DescribeDaemonTaskDefinition" -> JSON.objectNode().set("daemonTaskDefinition",
          definition(request.path("daemonTaskDefinition").asText()).deepCopy());
      case "DeleteDaemonTaskDefinition" -> {
        ObjectNode td = definition(request.path("daemonTaskDefinition").asText());
        td.put("status", "DELETE_IN_PROGRESS");
        yield JSON.objectNode().put("daemonTaskDefinitionArn", td.path("daemonTaskDefinitionArn").asText());
      }
      case "CreateDaemon" -> create(request);
      case "UpdateDaemon" -> update(request);
      case "DeleteDaemon" -> {
        ObjectNode d = daemon(request.path("daemonArn").asText());
        daemons.remove(d.path("daemonArn").asText());
        yield JSON.objectNode().put("daemonArn", d.path("daemonArn").asText()).put("status", "DELETE_IN_PROGRESS");
      }
      case "DescribeDaemon" -> JSON.objectNode().set("daemon", daemon(request.path("daemonArn").asText()).deepCopy());
      case "ListDaemons" -> {
        String cluster = name(request.path("clusterArn").asText());
        ObjectNode out = JSON.objectNode();
        ArrayNode list = out.putArray("daemonSummariesList");
        daemons.values().stream().filter(d -> name(d.path("clusterArn").asText()).equals(cluster))
            .forEach(d -> list.addObject().put("daemonArn", d.path("daemonArn").asText()).put("status", "ACTIVE"));
        yield out;
      }
      case "DescribeDaemonRevisions" -> byArn(request.path("daemonRevisionArns"), revisions, "daemonRevisions");
      case "DescribeDaemonDeployments" -> byArn(request.path("daemonDeploymentArns"), deployments, "daemonDeployments");
      case "ListTagsForResource" -> {
        ObjectNode out = JSON.objectNode();
        ArrayNode list = out.putArray("tags");
        tags.getOrDefault(request.path("resourceArn").asText(), Map.of())
            .forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        yield out;
      }
      case "TagResource" -> {
        Map<String, String> t = tags.computeIfAbsent(request.path("resourceArn").asText(), k -> new LinkedHashMap<>());
        request.path("tags").forEach(e -> t.put(e.path("key").asText(), e.path("value").asText()));
        yield JSON.objectNode();
      }
      case "UntagResource" -> {
        Map<String, String> t = tags.computeIfAbsent(request.path("resourceArn").asText(), k -> new LinkedHashMap<>());
        request.path("tagKeys").forEach(k -> t.remove(k.asText()));
        yield JSON.objectNode();
      }
      default -> JSON.objectNode();
    };
  }

  private ObjectNode register(ObjectNode request) {
    String family = request.path("family").asText();
    Map<Integer, ObjectNode> revs = definitions.computeIfAbsent(family, k -> new LinkedHashMap<>());
    int revision = revs.size() + 1;
    String arn = PREFIX + "daemon-task-definition/" + family + ":" + revision;
    ObjectNode td = request.deepCopy();
    td.remove("tags");
    td.put("daemonTaskDefinitionArn", arn).put("revision", revision).put("status", "ACTIVE");
    // what DescribeDaemonTaskDefinition fills in
    td.withArray("containerDefinitions").forEach(c -> {
      if (!c.has("essential")) {
        ((ObjectNode) c).put("essential", true);
      }
      ((ObjectNode) c).put("cpu", c.path("cpu").asInt(0));
    });
    revs.put(revision, td);
    setTags(arn, request.path("tags"));
    return JSON.objectNode().put("daemonTaskDefinitionArn", arn);
  }

  private ObjectNode listDefinitions(ObjectNode request) {
    ObjectNode out = JSON.objectNode();
    ArrayNode list = out.putArray("daemonTaskDefinitions");
    definitions.forEach((family, revs) -> {
      if (request.has("family") && !request.path("family").asText().equals(family)) {
        return;
      }
      List<ObjectNode> active = revs.values().stream().filter(td -> td.path("status").asText().equals("ACTIVE")).toList();
      if (request.path("revision").asText().equals("LAST_REGISTERED") && !active.isEmpty()) {
        active = List.of(active.get(active.size() - 1));
      }
      active.forEach(td -> list.addObject().put("arn", td.path("daemonTaskDefinitionArn").asText()).put("status", "ACTIVE"));
    });
    return out;
  }

  private ObjectNode definition(String ref) {
    String s = ref.substring(ref.lastIndexOf('/') + 1);
    String family = s.substring(0, s.indexOf(':'));
    ObjectNode td = definitions.getOrDefault(family, Map.of()).get(Integer.parseInt(s.substring(s.indexOf(':') + 1)));
    if (td == null) {
      throw new ApiException("ecs", "DescribeDaemonTaskDefinition", "ClientException", "not found: " + ref, null);
    }
    return td;
  }

  private ObjectNode create(ObjectNode request) {
    String cluster = name(request.path("clusterArn").asText());
    String arn = PREFIX + "daemon/" + cluster + "/" + request.path("daemonName").asText();
    ObjectNode d = JSON.objectNode().put("daemonArn", arn).put("clusterArn", PREFIX + "cluster/" + cluster)
        .put("status", "ACTIVE");
    daemons.put(arn, d);
    setTags(arn, request.path("tags"));
    return deploy(d, request, null);
  }

  private ObjectNode update(ObjectNode request) {
    ObjectNode d = daemon(request.path("daemonArn").asText());
    return deploy(d, request, d.path("currentRevisions").path(0).path("arn").asText(null));
  }

  /** A new revision and its deployment, ended at once. */
  private ObjectNode deploy(ObjectNode d, ObjectNode request, String previous) {
    String td = request.path("daemonTaskDefinitionArn").asText();
    if (td.startsWith("${")) {
      throw new ApiException("ecs", "CreateDaemon", "ClientException", "unresolved placeholder " + td, null);
    }
    definition(td);
    String daemonArn = d.path("daemonArn").asText();
    String revisionArn = daemonArn.replace(":daemon/", ":daemon-revision/") + "/" + (revisions.size() + 1);
    ObjectNode revision = JSON.objectNode().put("daemonRevisionArn", revisionArn).put("daemonArn", daemonArn)
        .put("clusterArn", d.path("clusterArn").asText()).put("daemonTaskDefinitionArn", td)
        .put("propagateTags", request.path("propagateTags").asText("NONE"))
        .put("enableECSManagedTags", request.path("enableECSManagedTags").asBoolean(false))
        .put("enableExecuteCommand", request.path("enableExecuteCommand").asBoolean(false));
    revisions.put(revisionArn, revision);
    ObjectNode config = request.path("deploymentConfiguration").isObject()
        ? request.path("deploymentConfiguration").deepCopy() : JSON.objectNode();
    if (!config.has("drainPercent")) {
      config.put("drainPercent", CHOSEN_DRAIN_PERCENT);
    }
    if (!config.has("bakeTimeInMinutes")) {
      config.put("bakeTimeInMinutes", 0);
    }
    String deploymentArn = daemonArn.replace(":daemon/", ":daemon-deployment/") + "/" + (deployments.size() + 1);
    ObjectNode deployment = JSON.objectNode().put("daemonDeploymentArn", deploymentArn)
        .put("clusterArn", d.path("clusterArn").asText());
    deployment.set("deploymentConfiguration", config);
    ObjectNode target = deployment.putObject("targetDaemonRevision").put("arn", revisionArn);
    ArrayNode providers = target.putArray("capacityProviders");
    request.path("capacityProviderArns").forEach(p -> providers.addObject()
        .put("arn", PREFIX + "capacity-provider/" + name(p.asText())).put("runningInstanceCount", 2));
    String running = revisionArn;
    if (rollBackNext != null && previous != null) {
      deployment.put("status", "ROLLBACK_SUCCESSFUL").put("statusReason", rollBackNext);
      deployment.putObject("rollback").put("reason", rollBackNext).put("rollbackTargetDaemonRevisionArn", previous)
          .putArray("rollbackCapacityProviders").addAll(currentProviders(d));
      target.put("totalRunningInstanceCount", 0);
      running = previous;
      rollBackNext = null;
    } else {
      deployment.put("status", "SUCCESSFUL");
      target.put("totalRunningInstanceCount", 2 * providers.size());
    }
    deployments.put(deploymentArn, deployment);
    d.put("deploymentArn", deploymentArn);
    ArrayNode current = JSON.arrayNode();
    ObjectNode currentRevision = current.addObject().put("arn", running);
    currentRevision.set("capacityProviders", running.equals(revisionArn) ? providers.deepCopy()
        : d.path("currentRevisions").path(0).path("capacityProviders").deepCopy());
    d.set("currentRevisions", current);
    return JSON.objectNode().put("daemonArn", daemonArn).put("status", "ACTIVE").put("deploymentArn", deploymentArn);
  }

  private static ArrayNode currentProviders(ObjectNode d) {
    ArrayNode out = JSON.arrayNode();
    d.path("currentRevisions").path(0).path("capacityProviders").forEach(p -> out.add(p.path("arn").asText()));
    return out;
  }

  private ObjectNode daemon(String arn) {
    ObjectNode d = daemons.get(arn);
    if (d == null) {
      throw new ApiException("ecs", "DescribeDaemon", "ResourceNotFoundException", "daemon not found: " + arn, null);
    }
    return d;
  }

  private void setTags(String arn, JsonNode list) {
    Map<String, String> t = new LinkedHashMap<>();
    list.forEach(e -> t.put(e.path("key").asText(), e.path("value").asText()));
    tags.put(arn, t);
  }

  private static ObjectNode byArn(JsonNode arns, Map<String, ObjectNode> from, String member) {
    ObjectNode out = JSON.objectNode();
    ArrayNode list = out.putArray(member);
    arns.forEach(a -> {
      if (from.containsKey(a.asText())) {
        list.add(from.get(a.asText()).deepCopy());
      }
    });
    return out;
  }

  static String name(String arnOrName) {
    return arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
  }

  /** How many times an operation was called. */
  long count(String operation) {
    return calls.stream().filter(operation::equals).count();
  }
}
