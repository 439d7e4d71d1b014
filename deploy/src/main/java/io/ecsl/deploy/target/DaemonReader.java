package io.ecsl.deploy.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Managed Daemons (ecs-runtime-integrations §7.4) and their daemon task definitions,
 * projected onto {@code CreateDaemon} and {@code RegisterDaemonTaskDefinition} as the compiler
 * writes them.
 *
 * <p>A daemon task definition family is read at its latest ACTIVE revision
 * (ListDaemonTaskDefinitions with {@code LAST_REGISTERED}, then DescribeDaemonTaskDefinition and
 * its tags). A daemon is found by ListDaemons in each cluster the project declares, refers to or
 * owns; DescribeDaemon answers only its ARN, status and current revisions, so what CreateDaemon
 * took is put together from the revision the daemon runs (DescribeDaemonRevisions: task definition,
 * tag propagation, managed tags, execute command) and its latest deployment
 * (DescribeDaemonDeployments: the deployment configuration and capacity providers it targets; the
 * revision it rolled back to when it rolled back).
 *
 * <p>A target without the daemon API (moto_server answers HTTP 500) has no daemons: when the
 * project declares none, an error from the first call means nothing to read.
 */
final class DaemonReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AwsApi api;
  private final Refresher.Query q;
  private final LiveState state;
  private final ElbReader.ParallelMap parallel;

  DaemonReader(AwsApi api, Refresher.Query q, LiveState state, ElbReader.ParallelMap parallel) {
    this.api = api;
    this.q = q;
    this.state = state;
    this.parallel = parallel;
  }

  /** Reads daemon task definitions, then the daemons of {@code clusters} (names). */
  void read(Set<String> clusters) {
    boolean declared = q.wanted().stream()
        .anyMatch(id -> id.kind() == ResourceKind.DAEMON || id.kind() == ResourceKind.DAEMON_TASK_DEFINITION);
    List<JsonNode> summaries;
    try {
      ObjectNode req = JSON.objectNode().put("status", "ACTIVE").put("revision", "LAST_REGISTERED");
      summaries = paged("ListDaemonTaskDefinitions", req, "daemonTaskDefinitions");
    } catch (ApiException e) {
      if (declared) {
        throw new ApiException(e.service(), e.operation(), e.code(), "the target does not answer the Managed Daemons"
            + " API, which the project's daemons need: " + e.getMessage(), e);
      }
      return; // no daemon API here, and nothing of the project needs one
    }
    taskDefinitions(summaries);
    daemons(clusters);
  }

  private void taskDefinitions(List<JsonNode> summaries) {
    List<String> arns = new ArrayList<>();
    summaries.forEach(s -> arns.add(s.path("arn").asText()));
    List<JsonNode> described = parallel.map(arns, arn -> {
      try {
        return api.call("ecs", "DescribeDaemonTaskDefinition", JSON.objectNode().put("daemonTaskDefinition", arn))
            .path("daemonTaskDefinition");
      } catch (ApiException e) {
        return null; // deleted between the list and the describe
      }
    });
    List<Map<String, String>> tags = parallel.map(arns, this::tagsOf);
    for (int i = 0; i < arns.size(); i++) {
      JsonNode td = described.get(i);
      if (td == null || !td.isObject()) {
        continue;
      }
      String family = td.path("family").asText();
      if (!keep(ResourceKind.DAEMON_TASK_DEFINITION, null, family, tags.get(i))) {
        continue;
      }
      String arn = td.path("daemonTaskDefinitionArn").asText(arns.get(i));
      state.put(new LiveResource(new ResourceId(ResourceKind.DAEMON_TASK_DEFINITION, null, family),
          Map.of("RegisterDaemonTaskDefinition", (ObjectNode) td.deepCopy()), tags.get(i), arn, arn, Map.of()));
    }
  }

  private void daemons(Set<String> clusters) {
    List<String> names = new ArrayList<>(clusters);
    List<List<JsonNode>> listed = parallel.map(names, cluster -> {
      try {
        return paged("ListDaemons", JSON.objectNode().put("clusterArn", clusterRef(cluster)), "daemonSummariesList");
      } catch (ApiException e) {
        if (e.isNotFound()) {
          return List.of(); // a cluster that does not exist (yet) has no daemons
        }
        throw e;
      }
    });
    List<String> arns = new ArrayList<>();
    listed.forEach(list -> list.forEach(d -> {
      if (!"DELETE_IN_PROGRESS".equals(d.path("status").asText())) {
        arns.add(d.path("daemonArn").asText());
      }
    }));
    List<Map<String, String>> tags = parallel.map(arns, this::tagsOf);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < arns.size(); i++) {
      ResourceId id = idOf(arns.get(i), null);
      if (keep(ResourceKind.DAEMON, id.cluster(), id.name(), tags.get(i))) {
        kept.add(i);
      }
    }
    List<LiveResource> read = parallel.map(kept, i -> daemon(arns.get(i), tags.get(i)));
    read.stream().filter(r -> r != null).forEach(state::put);
  }

  /** One daemon, from DescribeDaemon, its latest deployment and the revision it runs; null when gone. */
  private LiveResource daemon(String arn, Map<String, String> tags) {
    JsonNode d;
    try {
      d = api.call("ecs", "DescribeDaemon", JSON.objectNode().put("daemonArn", arn)).path("daemon");
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
    if (!"ACTIVE".equals(d.path("status").asText("ACTIVE"))) {
      return null; // being deleted: nothing to plan but waiting for it
    }
    JsonNode deployment = JSON.objectNode();
    String deploymentArn = d.path("deploymentArn").asText(null);
    if (deploymentArn != null) {
      ObjectNode req = JSON.objectNode();
      req.putArray("daemonDeploymentArns").add(deploymentArn);
      deployment = api.call("ecs", "DescribeDaemonDeployments", req).path("daemonDeployments").path(0);
    }
    String status = deployment.path("status").asText("");
    boolean rolledBack = status.startsWith("ROLLBACK");
    String revisionArn = rolledBack ? deployment.path("rollback").path("rollbackTargetDaemonRevisionArn").asText(null)
        : deployment.path("targetDaemonRevision").path("arn").asText(null);
    if (revisionArn == null) {
      revisionArn = d.path("currentRevisions").path(0).path("arn").asText(null);
    }
    JsonNode revision = JSON.objectNode();
    if (revisionArn != null) {
      ObjectNode req = JSON.objectNode();
      req.putArray("daemonRevisionArns").add(revisionArn);
      revision = api.call("ecs", "DescribeDaemonRevisions", req).path("daemonRevisions").path(0);
    }
    ResourceId id = idOf(arn, d.path("clusterArn").asText(null));
    ObjectNode body = JSON.objectNode().put("daemonName", id.name());
    body.put("clusterArn", d.path("clusterArn").asText(revision.path("clusterArn").asText(id.cluster())));
    Refresher.copy(revision, body, "daemonTaskDefinitionArn");
    body.set("capacityProviderArns", capacityProviders(d, deployment, revisionArn, rolledBack));
    Refresher.copy(deployment, body, "deploymentConfiguration");
    Refresher.copy(revision, body, "propagateTags", "enableECSManagedTags", "enableExecuteCommand");
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("deploymentStatus", status);
    ids.put("deploymentStatusReason", deployment.path("statusReason").asText(""));
    if (deploymentArn != null) {
      ids.put("deploymentArn", deploymentArn);
    }
    return new LiveResource(id, Map.of("CreateDaemon", body), tags, arn, d.path("updatedAt").asText(null), ids);
  }

  /**
   * The capacity providers the daemon runs on: those its latest deployment targets, those it rolled
   * back to, or (with no deployment to tell) those of the revision it runs.
   */
  private static ArrayNode capacityProviders(JsonNode daemon, JsonNode deployment, String revisionArn, boolean rolledBack) {
    Set<String> arns = new LinkedHashSet<>();
    if (rolledBack) {
      deployment.path("rollback").path("rollbackCapacityProviders").forEach(a -> arns.add(a.asText()));
    } else {
      deployment.path("targetDaemonRevision").path("capacityProviders").forEach(c -> arns.add(c.path("arn").asText()));
    }
    if (arns.isEmpty()) {
      for (JsonNode r : daemon.path("currentRevisions")) {
        if (revisionArn == null || revisionArn.equals(r.path("arn").asText())) {
          r.path("capacityProviders").forEach(c -> arns.add(c.path("arn").asText()));
        }
      }
    }
    ArrayNode out = JSON.arrayNode();
    arns.forEach(out::add);
    return out;
  }

  /**
   * A daemon's id from its ARN ({@code arn:aws:ecs:REGION:ACCOUNT:daemon/CLUSTER/NAME}); the
   * cluster from {@code clusterArn} when the ARN does not hold it.
   */
  static ResourceId idOf(String daemonArn, String clusterArn) {
    String resource = daemonArn.substring(daemonArn.indexOf(':', daemonArn.indexOf(":ecs:") + 5) + 1);
    String[] parts = resource.split("/");
    String name = parts[parts.length - 1];
    String cluster = parts.length >= 3 ? parts[parts.length - 2] : Refresher.lastSegment(clusterArn);
    return new ResourceId(ResourceKind.DAEMON, cluster, name);
  }

  /** The cluster as ListDaemons takes it: its ARN when the refresh read it, else its name. */
  private String clusterRef(String name) {
    LiveResource c = state.get(new ResourceId(ResourceKind.CLUSTER, null, name));
    return c != null && c.arn() != null ? c.arn() : name;
  }

  private boolean keep(ResourceKind kind, String cluster, String name, Map<String, String> tags) {
    return q.wanted().contains(new ResourceId(kind, cluster, name)) || q.project().equals(tags.get(Refresher.OWNER_TAG));
  }

  private Map<String, String> tagsOf(String arn) {
    try {
      return Refresher.tags(api.call("ecs", "ListTagsForResource", JSON.objectNode().put("resourceArn", arn)).path("tags"),
          "key", "value");
    } catch (ApiException e) {
      return Map.of();
    }
  }

  private List<JsonNode> paged(String op, ObjectNode req, String items) {
    List<JsonNode> out = new ArrayList<>();
    ObjectNode r = req.deepCopy();
    while (true) {
      JsonNode page = api.call("ecs", op, r);
      page.path(items).forEach(out::add);
      String next = page.path("nextToken").asText(null);
      if (next == null || next.isEmpty()) {
        return out;
      }
      r.put("nextToken", next);
    }
  }
}
