package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A connection to the running local runtime, with the ECS reads the CLI's commands share. */
final class RuntimeConnection {
  /** The runtime is not running, or a resource the user named does not exist: one line for stderr. */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }
  }

  private final RuntimeClient client;

  private RuntimeConnection(RuntimeClient client) {
    this.client = client;
  }

  static RuntimeConnection open(Path dataDir) {
    RuntimeStatus status = LocalRuntime.status(dataDir);
    if (!status.running()) {
      throw new UserError("the local runtime is not running (data directory " + dataDir
          + "); start it with: ecsl runtime start");
    }
    return new RuntimeConnection(LocalRuntime.client(dataDir));
  }

  RuntimeClient client() {
    return client;
  }

  List<String> clusterArns() {
    List<String> out = new ArrayList<>();
    client.ecs("ListClusters", Json.object()).get("clusterArns").forEach(a -> out.add(a.asText()));
    return out;
  }

  /** Tasks of a cluster: desired RUNNING, plus STOPPED ones when {@code all}. */
  List<JsonNode> tasks(String cluster, boolean all) {
    List<String> arns = new ArrayList<>();
    for (String status : all ? List.of("RUNNING", "STOPPED") : List.of("RUNNING")) {
      String next = null;
      do {
        ObjectNode request = Json.object().put("cluster", cluster).put("desiredStatus", status);
        if (next != null) {
          request.put("nextToken", next);
        }
        JsonNode page = client.ecs("ListTasks", request);
        page.get("taskArns").forEach(a -> arns.add(a.asText()));
        next = Json.text(page, "nextToken");
      } while (next != null);
    }
    List<JsonNode> out = new ArrayList<>();
    for (int from = 0; from < arns.size(); from += 100) {
      ObjectNode request = Json.object().put("cluster", cluster);
      request.set("tasks", Json.arrayOf(arns.subList(from, Math.min(arns.size(), from + 100))));
      client.ecs("DescribeTasks", request).get("tasks").forEach(out::add);
    }
    return out;
  }

  /** The service named {@code name} in {@code cluster}, or in whichever cluster has it. */
  JsonNode service(String cluster, String name) {
    List<JsonNode> found = new ArrayList<>();
    for (String arn : cluster != null ? List.of(cluster) : clusterArns()) {
      ObjectNode request = Json.object().put("cluster", arn);
      request.putArray("services").add(name);
      JsonNode services;
      try {
        services = client.ecs("DescribeServices", request).get("services");
      } catch (RuntimeClient.ApiError e) {
        if (e.type().equals("ClusterNotFoundException")) {
          throw new UserError("cluster " + cluster + " does not exist in the local runtime");
        }
        throw e;
      }
      services.forEach(found::add);
    }
    if (found.isEmpty()) {
      throw new UserError("no service named " + name + (cluster == null ? " in any cluster" : " in cluster " + cluster)
          + " of the local runtime; list tasks and services with: ecsl ps");
    }
    if (found.size() > 1) {
      throw new UserError("service " + name + " exists in several clusters; pick one with --cluster");
    }
    return found.get(0);
  }

  /**
   * The tasks {@code target} names: a task by id, id prefix (4 characters at least) or ARN, else a
   * service's running tasks (or its newest task when none runs).
   */
  List<JsonNode> findTasks(String cluster, String target) {
    List<String> clusters = cluster != null ? List.of(cluster) : clusterArns();
    List<JsonNode> byId = new ArrayList<>();
    for (String each : clusters) {
      for (JsonNode task : tasks(each, true)) {
        String arn = task.get("taskArn").asText();
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        if (arn.equals(target) || (target.length() >= 4 && id.startsWith(target))) {
          byId.add(task);
        }
      }
    }
    if (byId.size() > 1) {
      throw new RuntimeConnection.UserError("task id prefix " + target + " matches " + byId.size()
          + " tasks; give more characters");
    }
    if (byId.size() == 1) {
      return byId;
    }
    JsonNode service = service(cluster, target);
    String clusterArn = service.get("clusterArn").asText();
    List<JsonNode> tasks = tasks(clusterArn, true).stream()
        .filter(t -> ("service:" + target).equals(Json.text(t, "group"))).toList();
    List<JsonNode> running = tasks.stream().filter(t -> "RUNNING".equals(Json.text(t, "desiredStatus"))).toList();
    if (!running.isEmpty()) {
      return running;
    }
    return tasks.stream().max(Comparator.comparing(t -> t.path("createdAt").asDouble())).map(List::of)
        .orElse(List.of());
  }

  static String shortId(String taskArn) {
    String id = taskArn.substring(taskArn.lastIndexOf('/') + 1);
    return id.substring(0, Math.min(12, id.length()));
  }
}
