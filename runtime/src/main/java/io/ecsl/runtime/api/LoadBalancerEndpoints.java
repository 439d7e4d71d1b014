package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ecsl.runtime.loadbalancing.LoadBalancing;
import io.ecsl.runtime.loadbalancing.TargetRegistry;
import io.ecsl.runtime.loadbalancing.Traffic;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import java.io.IOException;

/**
 * {@code GET /_ecsl/load-balancers}: every load balancer with where each listener is served on
 * this machine, and each target group's targets with their health, requests in flight and
 * requests served (what {@code ecsl ps} shows, and the count {@code ALBRequestCountPerTarget} is
 * made of).
 */
public final class LoadBalancerEndpoints {
  private final RuntimeState state;
  private final LoadBalancing loadBalancing;

  public LoadBalancerEndpoints(RuntimeState state, LoadBalancing loadBalancing) {
    this.state = state;
    this.loadBalancing = loadBalancing;
  }

  public void addTo(InternalEndpoints internal) {
    internal.add("load-balancers", this::list);
  }

  private void list(HttpExchange exchange, byte[] body) throws IOException {
    InternalEndpoints.requireMethod(exchange, "GET");
    ObjectNode out = state.atomically(this::describe);
    InternalEndpoints.send(exchange, 200, Json.write(out));
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode actions, java.util.Set<String> into) {
    if (actions != null) {
      for (var action : actions) {
        for (var group : action.path("ForwardConfig").path("TargetGroups")) {
          into.add(group.path("TargetGroupArn").asText());
        }
      }
    }
  }

  private ObjectNode describe() {
    Traffic traffic = loadBalancing.traffic();
    ObjectNode out = Json.object();
    ArrayNode balancers = out.putArray("loadBalancers");
    for (ObjectNode lb : state.loadBalancers.values()) {
      ObjectNode entry = balancers.addObject();
      String lbArn = Json.text(lb, "LoadBalancerArn");
      entry.put("name", Json.text(lb, "LoadBalancerName"));
      entry.put("arn", lbArn);
      entry.put("type", Json.text(lb, "Type"));
      entry.put("region", Json.text(lb, "_region"));
      ArrayNode listeners = entry.putArray("listeners");
      for (ObjectNode listener : state.listeners.values()) {
        if (!lbArn.equals(Json.text(listener, "LoadBalancerArn"))) {
          continue;
        }
        ObjectNode l = listeners.addObject();
        l.put("arn", Json.text(listener, "ListenerArn"));
        l.put("protocol", Json.text(listener, "Protocol"));
        l.put("port", Json.integer(listener, "Port", 0));
        Integer local = loadBalancing.localPort(Json.text(listener, "ListenerArn"));
        Json.putIfPresent(l, "address", local == null ? null : "127.0.0.1:" + local);
        java.util.Set<String> forwardsTo = new java.util.LinkedHashSet<>();
        collect(listener.get("DefaultActions"), forwardsTo);
        for (ObjectNode rule : state.listenerRules.values()) {
          if (Json.text(listener, "ListenerArn").equals(Json.text(rule, "_listenerArn"))) {
            collect(rule.get("Actions"), forwardsTo);
          }
        }
        l.set("targetGroups", Json.arrayOf(new java.util.ArrayList<>(forwardsTo)));
      }
    }
    ArrayNode groups = out.putArray("targetGroups");
    for (ObjectNode tg : state.targetGroups.values()) {
      String arn = Json.text(tg, "TargetGroupArn");
      ObjectNode group = groups.addObject();
      group.put("name", Json.text(tg, "TargetGroupName"));
      group.put("arn", arn);
      group.put("region", Json.text(tg, "_region"));
      group.put("requestCount", traffic.requestCount(arn));
      ArrayNode targets = group.putArray("targets");
      for (ObjectNode target : TargetRegistry.of(state, arn)) {
        String key = arn + "|" + Json.text(target, "Id") + "|" + Json.integer(target, "Port", 0);
        ObjectNode t = targets.addObject();
        t.put("id", Json.text(target, "Id"));
        t.put("port", Json.integer(target, "Port", 0));
        t.put("state", Json.text(target, "State"));
        Json.putIfPresent(t, "reason", Json.text(target, "Reason"));
        Json.putIfPresent(t, "taskArn", Json.text(target, "_task"));
        t.put("address", Json.text(target, "_host") + ":" + Json.integer(target, "_port", 0));
        t.put("inFlight", traffic.inFlight(key));
        t.put("requestCount", traffic.targetRequestCount(key));
      }
    }
    return out;
  }
}
