package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.plan.Action;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.target.AwsApi;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.model.ResourceKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * After an apply to the local runtime: where each service answers on this machine, read from the
 * running tasks' network bindings (as {@code ecsl ps} shows them).
 */
final class Reachable {
  private Reachable() {}

  static void print(Plan plan, AwsApi api, PrintWriter out) {
    List<String> lines = new ArrayList<>();
    for (ResourcePlan r : plan.resources()) {
      if (r.id().kind() != ResourceKind.SERVICE || r.action() == Action.DELETE) {
        continue;
      }
      try {
        List<String> addresses = addresses(api, r.id().cluster(), r.id().name());
        if (!addresses.isEmpty()) {
          lines.add("  " + r.id().address() + "  " + String.join("  ", addresses));
        }
      } catch (ApiException e) {
        lines.add("  " + r.id().address() + "  (could not list its tasks: " + e.getMessage() + ")");
      }
    }
    if (!lines.isEmpty()) {
      out.println();
      out.println("Reachable on this machine (see also `ecsl ps`):");
      lines.forEach(out::println);
    }
  }

  private static List<String> addresses(AwsApi api, String cluster, String service) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("cluster", cluster);
    list.put("serviceName", service);
    list.put("desiredStatus", "RUNNING");
    JsonNode arns = api.call("ecs", "ListTasks", list).path("taskArns");
    List<String> out = new ArrayList<>();
    if (arns.isEmpty()) {
      return out;
    }
    ObjectNode describe = JsonNodeFactory.instance.objectNode();
    describe.put("cluster", cluster);
    describe.set("tasks", arns);
    for (JsonNode task : api.call("ecs", "DescribeTasks", describe).path("tasks")) {
      for (JsonNode container : task.path("containers")) {
        for (JsonNode b : container.path("networkBindings")) {
          String protocol = b.path("protocol").asText("tcp");
          String host = b.path("bindIP").asText("127.0.0.1") + ":" + b.path("hostPort").asInt();
          out.add((protocol.equals("tcp") ? "http://" + host : host + "/" + protocol) + " (" + container.path("name").asText()
              + ":" + b.path("containerPort").asInt() + ")");
        }
      }
    }
    return out;
  }
}
