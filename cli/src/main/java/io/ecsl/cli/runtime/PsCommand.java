package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsl ps}: the local runtime's tasks, their status, health and where their ports are reachable. */
@Command(name = "ps", mixinStandardHelpOptions = true,
    description = "List the local runtime's tasks: status, health, and where each port is reachable.")
public final class PsCommand extends RuntimeReadCommand<List<JsonNode>> {
  @Option(names = "--cluster", paramLabel = "NAME", description = "Only this cluster (default: all).")
  String cluster;

  @Option(names = {"-a", "--all"}, description = "Include stopped tasks.")
  boolean all;

  @Override
  List<JsonNode> read(RuntimeConnection runtime) {
    List<JsonNode> tasks = new ArrayList<>();
    for (String arn : runtime.clusterArns(cluster)) {
      tasks.addAll(runtime.tasks(arn, all));
    }
    return tasks;
  }

  @Override
  JsonNode json(List<JsonNode> tasks) {
    ArrayNode json = Json.array();
    tasks.forEach(task -> json.add(summary(task)));
    return json;
  }

  @Override
  void printText(List<JsonNode> tasks, RuntimeConnection runtime, PrintWriter out) {
    Table table = new Table("TASK", "CLUSTER", "GROUP", "DEFINITION", "STATUS", "HEALTH", "PROVIDER", "ZONE",
        "PORTS");
    for (JsonNode task : tasks) {
      ObjectNode row = summary(task);
      table.add(row.get("task").asText(), row.get("cluster").asText(), row.get("group").asText(),
          row.get("taskDefinition").asText(), row.get("status").asText(), row.get("health").asText(),
          row.path("capacityProvider").asText(row.path("launchType").asText("-")),
          row.path("availabilityZone").asText("-"),
          String.join(", ", Json.strings(row, "ports")));
    }
    table.print(out);
    printListeners(runtime, out);
  }

  /** Where each load balancer listener is served on this machine, and how many of its targets are healthy. */
  private void printListeners(RuntimeConnection runtime, PrintWriter out) {
    JsonNode described = runtime.client().loadBalancers();
    Table listeners = new Table("LOAD BALANCER", "LISTENER", "ADDRESS", "TARGETS");
    int rows = 0;
    for (JsonNode lb : Json.list(described, "loadBalancers")) {
      for (JsonNode listener : Json.list(lb, "listeners")) {
        String address = Json.text(listener, "address");
        String url = address == null ? "(not served)"
            : ("HTTP".equals(Json.text(listener, "protocol")) || "HTTPS".equals(Json.text(listener, "protocol"))
                ? "http://" : "tcp://") + address;
        listeners.add(Json.text(lb, "name"), Json.text(listener, "protocol") + ":" + Json.integer(listener, "port", 0),
            url, healthy(described, Json.strings(listener, "targetGroups")));
        rows++;
      }
    }
    if (rows > 0) {
      out.println();
      listeners.print(out);
    }
  }

  private static String healthy(JsonNode described, List<String> groups) {
    int healthy = 0;
    int total = 0;
    for (JsonNode group : Json.list(described, "targetGroups")) {
      if (!groups.contains(Json.text(group, "arn"))) {
        continue;
      }
      for (JsonNode target : Json.list(group, "targets")) {
        total++;
        if ("healthy".equals(Json.text(target, "state"))) {
          healthy++;
        }
      }
    }
    return healthy + "/" + total + " healthy";
  }

  private static ObjectNode summary(JsonNode task) {
    ObjectNode row = Json.object();
    row.put("task", RuntimeConnection.shortId(task.get("taskArn").asText()));
    row.put("taskArn", task.get("taskArn").asText());
    String clusterArn = task.get("clusterArn").asText();
    row.put("cluster", clusterArn.substring(clusterArn.lastIndexOf('/') + 1));
    row.put("group", Json.text(task, "group", ""));
    String definition = task.get("taskDefinitionArn").asText();
    row.put("taskDefinition", definition.substring(definition.lastIndexOf('/') + 1));
    String status = task.get("lastStatus").asText();
    if (task.has("stopCode")) {
      status += " (" + task.get("stopCode").asText() + ")";
    }
    row.put("status", status);
    row.put("health", Json.text(task, "healthStatus", "UNKNOWN"));
    // where it runs: the capacity provider (or launch type), and for EC2 its container instance
    Json.putIfPresent(row, "capacityProvider", Json.text(task, "capacityProviderName"));
    Json.putIfPresent(row, "launchType", Json.text(task, "launchType"));
    Json.putIfPresent(row, "availabilityZone", Json.text(task, "availabilityZone"));
    String instance = Json.text(task, "containerInstanceArn");
    if (instance != null) {
      row.put("containerInstance", RuntimeConnection.shortId(instance));
    }
    ArrayNode ports = row.putArray("ports");
    for (JsonNode container : task.get("containers")) {
      for (JsonNode binding : Json.list(container, "networkBindings")) {
        ports.add(binding.get("bindIP").asText() + ":" + binding.get("hostPort").asInt() + "->"
            + binding.get("containerPort").asInt() + "/" + Json.text(binding, "protocol", "tcp"));
      }
    }
    return row;
  }
}
