package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.plan.Action;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.AwsApi;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revision policy for daemon task definitions, as for task definitions: after a new revision,
 * the newest {@code keep} ACTIVE revisions of the family stay (a rollback target) and older ones are
 * deleted (DeleteDaemonTaskDefinition), but never one a daemon runs; destroying the family deletes
 * every ACTIVE revision ({@code keep} 0).
 */
final class DaemonRevisions {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AwsApi api;

  DaemonRevisions(AwsApi api) {
    this.api = api;
  }

  /** Deletes ACTIVE revisions of {@code family} beyond the newest {@code keep}, except those in {@code inUse}. */
  void delete(String family, int keep, Set<String> inUse, String address, ApplyListener listener) {
    List<String> arns = new ArrayList<>();
    ObjectNode req = JSON.objectNode().put("family", family).put("status", "ACTIVE");
    while (true) {
      JsonNode page = api.call("ecs", "ListDaemonTaskDefinitions", req);
      for (JsonNode s : page.path("daemonTaskDefinitions")) {
        String arn = s.path("arn").asText();
        String rev = arn.substring(arn.lastIndexOf('/') + 1);
        if (rev.contains(":") && rev.substring(0, rev.lastIndexOf(':')).equals(family)) {
          arns.add(arn);
        }
      }
      String next = page.path("nextToken").asText(null);
      if (next == null || next.isEmpty()) {
        break;
      }
      req.put("nextToken", next);
    }
    arns.sort(Comparator.comparingInt(DaemonRevisions::revision).reversed());
    List<String> gone = new ArrayList<>();
    for (int i = keep; i < arns.size(); i++) {
      if (inUse.contains(arns.get(i))) {
        continue;
      }
      try {
        api.call("ecs", "DeleteDaemonTaskDefinition", JSON.objectNode().put("daemonTaskDefinition", arns.get(i)));
      } catch (ApiException e) {
        if (!e.isNotFound()) {
          throw e;
        }
      }
      gone.add(arns.get(i).substring(arns.get(i).lastIndexOf('/') + 1));
    }
    if (!gone.isEmpty()) {
      listener.progress(address, (keep > 0 ? "revision policy (keep " + keep + "): " : "") + "deleted " + String.join(", ", gone));
    }
  }

  /** The daemon task definition revisions the plan's daemons run now (any of their current revisions). */
  Set<String> inUse(Plan plan) {
    Set<String> clusters = new TreeSet<>();
    for (ResourcePlan r : plan.resources()) {
      if (r.id().kind() == ResourceKind.DAEMON && r.action() != Action.DELETE) {
        clusters.add(r.id().cluster());
      }
    }
    Set<String> out = new HashSet<>();
    for (String cluster : clusters) {
      JsonNode list = api.call("ecs", "ListDaemons", JSON.objectNode().put("clusterArn", cluster));
      for (JsonNode summary : list.path("daemonSummariesList")) {
        JsonNode daemon = api.call("ecs", "DescribeDaemon", JSON.objectNode().put("daemonArn",
            summary.path("daemonArn").asText())).path("daemon");
        ObjectNode req = JSON.objectNode();
        var arns = req.putArray("daemonRevisionArns");
        daemon.path("currentRevisions").forEach(c -> arns.add(c.path("arn").asText()));
        if (arns.isEmpty()) {
          continue;
        }
        for (JsonNode revision : api.call("ecs", "DescribeDaemonRevisions", req).path("daemonRevisions")) {
          out.add(revision.path("daemonTaskDefinitionArn").asText());
        }
      }
    }
    return out;
  }

  private static int revision(String arn) {
    try {
      return Integer.parseInt(arn.substring(arn.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
