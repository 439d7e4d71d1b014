package io.ecsl.runtime.loadbalancing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What the proxies route by, rebuilt from the state every pass and swapped in whole, so a request
 * never sees half an update: each listener's rules in priority order and its default actions, and
 * each target group's algorithm and registered targets.
 */
public record Routing(Map<String, ListenerRoute> listeners, Map<String, GroupRoute> groups) {
  public static final Routing EMPTY = new Routing(Map.of(), Map.of());

  /** A rule: its ARN, conditions and actions (the default rule has no conditions). */
  public record Rule(String arn, JsonNode conditions, JsonNode actions) {}

  public record ListenerRoute(String arn, String loadBalancerName, String type, int port, String protocol,
      List<Rule> rules, int idleTimeoutSeconds) {}

  public record GroupRoute(String arn, String algorithm, List<TargetSelector.Candidate> targets) {}
}
