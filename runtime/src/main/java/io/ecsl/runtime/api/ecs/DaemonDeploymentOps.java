package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.daemons.DaemonDeployments;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DaemonEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** ListDaemonDeployments, DescribeDaemonDeployments and DescribeDaemonRevisions (integrations §7.4). */
final class DaemonDeploymentOps {
  private static final int MAX_DESCRIBED = 20;

  private final RuntimeState state;
  private final DaemonOps daemons;

  DaemonDeploymentOps(RuntimeState state, DaemonOps daemons) {
    this.state = state;
    this.daemons = daemons;
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String arn = Arns.inLocalAccount(Requests.required(request, "daemonArn"));
    List<String> statuses = Json.strings(request, "status");
    Instant after = Json.instant(request.path("createdAt").get("after"));
    Instant before = Json.instant(request.path("createdAt").get("before"));
    return state.atomically(() -> {
      DaemonEntity daemon = daemons.existing(context, arn);
      List<ObjectNode> summaries = new ArrayList<>();
      for (DaemonEntity.Deployment deployment : daemon.deployments) {
        boolean matches = (statuses.isEmpty() || statuses.contains(deployment.status))
            && (after == null || deployment.createdAt.isAfter(after))
            && (before == null || deployment.createdAt.isBefore(before));
        if (matches) {
          summaries.add(DaemonDeployments.summary(daemon, deployment));
        }
      }
      Pages.Page<ObjectNode> page = Pages.of(summaries, Json.text(request, "nextToken"),
          Json.integer(request, "maxResults"), 20, 100, "InvalidParameterException");
      ObjectNode response = Json.object();
      ArrayNode out = response.putArray("daemonDeployments");
      page.items().forEach(out::add);
      Json.putIfPresent(response, "nextToken", page.nextToken());
      return response;
    });
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    List<String> arns = arns(request, "daemonDeploymentArns", "DescribeDaemonDeployments");
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      ArrayNode found = response.putArray("daemonDeployments");
      ArrayNode failures = response.putArray("failures");
      for (String arn : arns) {
        DaemonEntity daemon = daemonOf(context, arn, ":daemon-deployment/");
        DaemonEntity.Deployment deployment = daemon == null ? null : daemon.deployment(arn);
        if (deployment == null) {
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        } else {
          found.add(DaemonDeployments.describe(daemon, deployment, DaemonDeployments.placements(state, daemon)));
        }
      }
      return response;
    });
  }

  JsonNode describeRevisions(JsonNode request, RequestContext context) {
    List<String> arns = arns(request, "daemonRevisionArns", "DescribeDaemonRevisions");
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      ArrayNode found = response.putArray("daemonRevisions");
      ArrayNode failures = response.putArray("failures");
      for (String arn : arns) {
        DaemonEntity daemon = daemonOf(context, arn, ":daemon-revision/");
        ObjectNode revision = daemon == null ? null : daemon.revision(arn);
        if (revision == null) {
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        } else {
          found.add(revision.deepCopy());
        }
      }
      return response;
    });
  }

  private static List<String> arns(JsonNode request, String member, String operation) {
    List<String> arns = Json.strings(request, member);
    if (arns.isEmpty() || arns.size() > MAX_DESCRIBED) {
      throw ApiException.invalidParameter(operation + " takes 1 to " + MAX_DESCRIBED + " " + member + "; got "
          + arns.size() + ".");
    }
    return arns;
  }

  /** The daemon a daemon-deployment or daemon-revision ARN belongs to, or null. */
  private DaemonEntity daemonOf(RequestContext context, String arn, String kind) {
    int at = arn.indexOf(kind);
    if (!Arns.isArn(arn) || at < 0) {
      throw ApiException.invalidParameter("Not a " + kind.replace(":", "").replace("/", "") + " ARN: " + arn + ".");
    }
    String[] parts = arn.substring(at + kind.length()).split("/");
    if (parts.length != 3 || !context.region().equals(Arns.regionOf(arn))) {
      return null;
    }
    return state.daemons.get(Arns.daemon(Arns.regionOf(arn), parts[0], parts[1]));
  }
}
