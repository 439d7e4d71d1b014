package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.AwsApi;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the service deployment {@code ecsl deploy continue|stop} acts on: the one named by ARN,
 * else the newest PENDING or IN_PROGRESS deployment of the service, in its cluster (given, or the
 * one cluster that has the service).
 */
final class ServiceDeploymentLookup {
  /** A user's mistake, worded for the terminal. */
  static final class Problem extends RuntimeException {
    Problem(String message) {
      super(message);
    }
  }

  private ServiceDeploymentLookup() {}

  /** DescribeServiceDeployments' view of the deployment. */
  static JsonNode find(AwsApi api, ServiceDeploymentOptions options) {
    String arn = options.deploymentArn;
    if (arn == null) {
      if (options.service == null) {
        throw new Problem("name the service whose deployment is in progress (ecsl deploy continue SERVICE), or give"
            + " --deployment ARN");
      }
      arn = inProgress(api, options.service, options.cluster);
    }
    ObjectNode request = Json.object();
    request.putArray("serviceDeploymentArns").add(arn);
    JsonNode described = api.call("ecs", "DescribeServiceDeployments", request);
    JsonNode deployment = described.path("serviceDeployments").path(0);
    if (deployment.isMissingNode()) {
      throw new Problem("no service deployment " + arn + " (ListServiceDeployments lists a service's deployments)");
    }
    return deployment;
  }

  private static String inProgress(AwsApi api, String service, String cluster) {
    List<String> clusters = new ArrayList<>();
    if (cluster != null) {
      clusters.add(cluster);
    } else {
      api.call("ecs", "ListClusters", Json.object()).path("clusterArns").forEach(c -> clusters.add(c.asText()));
    }
    List<String> found = new ArrayList<>();
    List<String> clustersWithService = new ArrayList<>();
    for (String c : clusters) {
      ObjectNode request = Json.object().put("service", service).put("cluster", c);
      request.putArray("status").add("PENDING").add("IN_PROGRESS");
      JsonNode listed;
      try {
        listed = api.call("ecs", "ListServiceDeployments", request);
      } catch (ApiException e) {
        if (cluster == null && ("ServiceNotFoundException".equals(e.code()) || "ClusterNotFoundException".equals(e.code()))) {
          continue;
        }
        throw e;
      }
      clustersWithService.add(c);
      JsonNode newest = listed.path("serviceDeployments").path(0);
      if (!newest.isMissingNode()) {
        found.add(newest.path("serviceDeploymentArn").asText());
      }
    }
    if (clustersWithService.isEmpty()) {
      throw new Problem("no service " + service + (cluster == null ? " in any cluster" : " in cluster " + cluster)
          + " of the target");
    }
    if (clustersWithService.size() > 1) {
      throw new Problem("service " + service + " exists in several clusters; pick one with --cluster");
    }
    if (found.isEmpty()) {
      throw new Problem("service " + service + " has no deployment in progress (its last one has ended; see"
          + " `ecsl events " + service + "` or ListServiceDeployments)");
    }
    return found.get(0);
  }
}
