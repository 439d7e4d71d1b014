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
 * After an apply to the local runtime: where each load balancer's listeners and each service answer
 * on this machine, read from the runtime's listener proxies and the running tasks' network bindings
 * (as {@code ecsl ps} shows them).
 */
final class Reachable {
  private Reachable() {}

  static void print(Plan plan, AwsApi api, io.ecsl.runtime.client.RuntimeClient runtime, PrintWriter out) {
    List<String> lines = new ArrayList<>(listeners(plan, runtime));
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

  /** A line per load balancer of the plan: its listeners' addresses (port 80 may be served elsewhere). */
  private static List<String> listeners(Plan plan, io.ecsl.runtime.client.RuntimeClient runtime) {
    java.util.Set<String> declared = new java.util.LinkedHashSet<>();
    for (ResourcePlan r : plan.resources()) {
      if (r.id().kind() == ResourceKind.LOAD_BALANCER && r.action() != Action.DELETE) {
        declared.add(r.id().name());
      }
    }
    List<String> lines = new ArrayList<>();
    if (declared.isEmpty()) {
      return lines;
    }
    JsonNode described;
    try {
      described = runtime.loadBalancers();
    } catch (RuntimeException e) {
      lines.add("  load balancers  (could not list them: " + e.getMessage() + ")");
      return lines;
    }
    for (JsonNode lb : described.path("loadBalancers")) {
      String name = lb.path("name").asText();
      if (!declared.contains(name)) {
        continue;
      }
      List<String> addresses = new ArrayList<>();
      for (JsonNode listener : lb.path("listeners")) {
        String protocol = listener.path("protocol").asText();
        String address = listener.path("address").asText(null);
        String where = address == null ? "(not served)"
            : (protocol.startsWith("HTTP") ? "http://" : "tcp://") + address;
        addresses.add(where + " (" + protocol + ":" + listener.path("port").asInt() + ")");
      }
      if (!addresses.isEmpty()) {
        lines.add("  load balancer " + name + "  " + String.join("  ", addresses));
      }
    }
    return lines;
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
