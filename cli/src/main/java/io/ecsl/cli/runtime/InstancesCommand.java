package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecsl runtime instances}: the local runtime's container instances (what each has left
 * and runs) and its simulated Auto Scaling groups (desired capacity, CapacityProviderReservation).
 */
@Command(name = "instances", mixinStandardHelpOptions = true,
    description = {"List the local runtime's container instances: zone, type, status, CPU and memory left, tasks;"
        + " and its simulated Auto Scaling groups with their desired capacity and CapacityProviderReservation."})
final class InstancesCommand extends RuntimeReadCommand<InstancesCommand.Found> {
  @Option(names = "--cluster", paramLabel = "NAME", description = "Only this cluster (default: all).")
  String cluster;

  /** The container instances described, and the simulated Auto Scaling groups. */
  record Found(List<JsonNode> instances, JsonNode groups) {}

  @Override
  Found read(RuntimeConnection runtime) {
    RuntimeClient client = runtime.client();
    List<JsonNode> instances = new ArrayList<>();
    for (String arn : runtime.clusterArns(cluster)) {
      JsonNode listed = client.ecs("ListContainerInstances", Json.object().put("cluster", arn));
      if (listed.get("containerInstanceArns").isEmpty()) {
        continue;
      }
      ObjectNode describe = Json.object().put("cluster", arn);
      describe.set("containerInstances", listed.get("containerInstanceArns"));
      client.ecs("DescribeContainerInstances", describe).get("containerInstances").forEach(instances::add);
    }
    return new Found(instances, client.autoScalingGroups());
  }

  @Override
  JsonNode json(Found found) {
    ObjectNode json = Json.object();
    ArrayNode rows = json.putArray("containerInstances");
    found.instances().forEach(i -> rows.add(summary(i)));
    json.set("autoScalingGroups", found.groups());
    return json;
  }

  @Override
  void printText(Found found, RuntimeConnection runtime, PrintWriter out) {
    Table table = new Table("INSTANCE", "EC2 INSTANCE", "CLUSTER", "TYPE", "ZONE", "STATUS", "CPU", "MEMORY", "TASKS",
        "PROVIDER");
    for (JsonNode instance : found.instances()) {
      ObjectNode row = summary(instance);
      table.add(row.get("instance").asText(), row.get("ec2InstanceId").asText(), row.get("cluster").asText(),
          row.get("type").asText(), row.get("zone").asText(), row.get("status").asText(),
          row.get("cpuLeft").asInt() + "/" + row.get("cpu").asInt(),
          row.get("memoryLeft").asInt() + "/" + row.get("memory").asInt() + " MiB",
          Integer.toString(row.get("tasks").asInt()), row.path("capacityProvider").asText("-"));
    }
    table.print(out);
    if (found.groups().isEmpty()) {
      return;
    }
    out.println();
    Table asgs = new Table("AUTO SCALING GROUP", "TYPE", "DESIRED", "IN SERVICE", "MIN", "MAX", "RESERVATION");
    for (JsonNode group : found.groups()) {
      long inService = 0;
      for (JsonNode member : Json.list(group, "instances")) {
        inService += "InService".equals(Json.text(member, "lifecycleState")) ? 1 : 0;
      }
      JsonNode metric = group.get("capacityProviderReservation");
      asgs.add(Json.text(group, "name"), Json.text(group, "instanceType"),
          Integer.toString(Json.integer(group, "desiredCapacity", 0)), Long.toString(inService),
          Integer.toString(Json.integer(group, "minSize", 0)), Integer.toString(Json.integer(group, "maxSize", 0)),
          metric == null || metric.isNull() ? "-" : Math.round(metric.asDouble()) + "%");
    }
    asgs.print(out);
  }

  private static ObjectNode summary(JsonNode instance) {
    ObjectNode row = Json.object();
    String arn = instance.get("containerInstanceArn").asText();
    row.put("instance", RuntimeConnection.shortId(arn));
    row.put("containerInstanceArn", arn);
    row.put("ec2InstanceId", instance.get("ec2InstanceId").asText());
    String[] parts = arn.split("/");
    row.put("cluster", parts.length >= 3 ? parts[parts.length - 2] : "");
    row.put("type", attribute(instance, "ecs.instance-type"));
    row.put("zone", attribute(instance, "ecs.availability-zone"));
    row.put("status", instance.get("status").asText());
    row.put("cpu", resource(instance, "registeredResources", "CPU"));
    row.put("cpuLeft", resource(instance, "remainingResources", "CPU"));
    row.put("memory", resource(instance, "registeredResources", "MEMORY"));
    row.put("memoryLeft", resource(instance, "remainingResources", "MEMORY"));
    row.put("tasks", instance.get("runningTasksCount").asInt());
    Json.putIfPresent(row, "capacityProvider", Json.text(instance, "capacityProviderName"));
    return row;
  }

  private static String attribute(JsonNode instance, String name) {
    for (JsonNode attribute : instance.get("attributes")) {
      if (name.equals(Json.text(attribute, "name"))) {
        return Json.text(attribute, "value", "");
      }
    }
    return "";
  }

  private static int resource(JsonNode instance, String list, String name) {
    for (JsonNode resource : instance.get(list)) {
      if (name.equals(Json.text(resource, "name"))) {
        return Json.integer(resource, "integerValue", 0);
      }
    }
    return 0;
  }
}
