package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.MetricHistory;
import io.ecsl.runtime.metrics.TaskUsage;
import io.ecsl.runtime.model.Arns;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_ecsl/stats}: the newest reading of every running task's CPU and memory against its
 * reservation, and each service's sum (its utilization, as ECS computes it), for {@code ecsl top}.
 */
public final class StatsEndpoints {
  private final MetricHistory history;

  public StatsEndpoints(MetricHistory history) {
    this.history = history;
  }

  public void addTo(InternalEndpoints internal) {
    internal.add("stats", this::stats);
  }

  private void stats(HttpExchange exchange, byte[] body) throws IOException {
    InternalEndpoints.requireMethod(exchange, "GET");
    List<TaskUsage> usages = history.latest();
    ObjectNode out = Json.object();
    Json.putIfPresent(out, "sampledAt", history.lastSampleAt() == null ? null : history.lastSampleAt().toString());
    out.put("periodSeconds", history.period().toMillis() / 1000.0);
    ArrayNode tasks = out.putArray("tasks");
    Map<String, double[]> services = new LinkedHashMap<>();
    for (TaskUsage usage : usages) {
      ObjectNode task = tasks.addObject();
      task.put("taskArn", usage.taskArn());
      task.put("cluster", Arns.lastSegment(usage.clusterArn()));
      Json.putIfPresent(task, "service", usage.serviceName());
      Json.putIfPresent(task, "group", usage.group());
      put(task, usage.cpuUnits(), usage.reservation().cpuUnits(), usage.memoryMiB(), usage.reservation().memoryMiB());
      if (usage.serviceName() != null) {
        double[] sums = services.computeIfAbsent(usage.clusterArn() + "|" + usage.serviceName(), k -> new double[5]);
        sums[0] += usage.cpuUnits();
        sums[1] += usage.reservation().cpuUnits();
        sums[2] += usage.memoryMiB();
        sums[3] += usage.reservation().memoryMiB();
        sums[4]++;
      }
    }
    ArrayNode serviceList = out.putArray("services");
    services.forEach((key, sums) -> {
      ObjectNode service = serviceList.addObject();
      service.put("cluster", Arns.lastSegment(key.substring(0, key.indexOf('|'))));
      service.put("service", key.substring(key.indexOf('|') + 1));
      service.put("tasks", (int) sums[4]);
      put(service, sums[0], sums[1], sums[2], sums[3]);
    });
    InternalEndpoints.send(exchange, 200, Json.write(out));
  }

  private static void put(ObjectNode node, double cpuUnits, double cpuReserved, double memoryMiB, double memoryReserved) {
    node.put("cpuUnits", round(cpuUnits));
    node.put("cpuReservedUnits", (long) cpuReserved);
    if (cpuReserved > 0) {
      node.put("cpuPercent", round(100 * cpuUnits / cpuReserved));
    }
    node.put("memoryMiB", round(memoryMiB));
    node.put("memoryReservedMiB", (long) memoryReserved);
    if (memoryReserved > 0) {
      node.put("memoryPercent", round(100 * memoryMiB / memoryReserved));
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
