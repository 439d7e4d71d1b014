package io.ecsl.deploy.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the Elastic Load Balancing resources of a target: target groups and load balancers (a page
 * of 400 a call), their tags (20 ARNs a call), the listeners of the load balancers the project
 * declares or owns, and their rules. Each is projected onto the request that creates it
 * ({@code CreateTargetGroup}, {@code CreateLoadBalancer}, {@code CreateListener},
 * {@code CreateRule}), named as the compiler names it ({@code public:80}, {@code public:80:10}), with
 * what ELBv2 returns in two spellings brought to the one the compiler writes: a forward action to
 * one target group is {@code TargetGroupArn} alone, a condition is its {@code …Config} alone, an
 * action's {@code Order} is left out where it is the list's own order.
 *
 * <p>A target without the ELBv2 API (a local runtime that does not run load balancers) has none:
 * when the project declares no ELB resource, an error from the first call means nothing to read.
 */
final class ElbReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String ELBV2 = "elbv2";

  /** Request members of CreateTargetGroup that DescribeTargetGroups returns. */
  private static final String[] TARGET_GROUP_MEMBERS = {"Protocol", "ProtocolVersion", "Port", "VpcId", "HealthCheckProtocol",
      "HealthCheckPort", "HealthCheckEnabled", "HealthCheckPath", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
      "HealthyThresholdCount", "UnhealthyThresholdCount", "Matcher", "TargetType", "IpAddressType"};

  private final AwsApi api;
  private final Refresher.Query q;
  private final LiveState state;
  private final ParallelMap parallel;

  /** Runs a function over items, perhaps at once; answers in the items' order. */
  interface ParallelMap {
    <T, R> List<R> map(List<T> items, Function<T, R> f);
  }

  ElbReader(AwsApi api, Refresher.Query q, LiveState state, ParallelMap parallel) {
    this.api = api;
    this.q = q;
    this.state = state;
    this.parallel = parallel;
  }

  void read() {
    boolean declared = q.wanted().stream().anyMatch(id -> isElb(id.kind()));
    List<JsonNode> groups;
    try {
      groups = paged("DescribeTargetGroups", "TargetGroups");
    } catch (ApiException e) {
      if (declared) {
        throw new ApiException(e.service(), e.operation(), e.code(), "the target does not answer the Elastic Load"
            + " Balancing (elbv2) API, which the project's load balancers and target groups need: "
            + e.getMessage(), e);
      }
      return; // no ELBv2 API here, and nothing of the project needs one
    }
    List<JsonNode> balancers = paged("DescribeLoadBalancers", "LoadBalancers");
    Map<String, Map<String, String>> tags = tags(arns(groups, "TargetGroupArn", balancers, "LoadBalancerArn"));
    List<JsonNode> keptGroups = new ArrayList<>();
    for (JsonNode g : groups) {
      if (keep(ResourceKind.TARGET_GROUP, g.path("TargetGroupName").asText(), tags.get(g.path("TargetGroupArn").asText()))) {
        keptGroups.add(g);
      }
    }
    List<JsonNode> groupAttributes = parallel.map(keptGroups, g -> api.call(ELBV2, "DescribeTargetGroupAttributes",
        JSON.objectNode().put("TargetGroupArn", g.path("TargetGroupArn").asText())));
    for (int i = 0; i < keptGroups.size(); i++) {
      JsonNode g = keptGroups.get(i);
      String arn = g.path("TargetGroupArn").asText();
      String name = g.path("TargetGroupName").asText();
      ObjectNode body = JSON.objectNode().put("Name", name);
      Refresher.copy(g, body, TARGET_GROUP_MEMBERS);
      ObjectNode attributes = JSON.objectNode().put("TargetGroupArn", arn);
      attributes.set("Attributes", groupAttributes.get(i).path("Attributes").deepCopy());
      put(ResourceKind.TARGET_GROUP, name, Map.of("CreateTargetGroup", body, "ModifyTargetGroupAttributes", attributes),
          tags.get(arn), arn);
    }
    List<JsonNode> mine = new ArrayList<>();
    for (JsonNode b : balancers) {
      if (keep(ResourceKind.LOAD_BALANCER, b.path("LoadBalancerName").asText(), tags.get(b.path("LoadBalancerArn").asText()))) {
        mine.add(b);
      }
    }
    List<JsonNode> balancerAttributes = parallel.map(mine, b -> api.call(ELBV2, "DescribeLoadBalancerAttributes",
        JSON.objectNode().put("LoadBalancerArn", b.path("LoadBalancerArn").asText())));
    for (int i = 0; i < mine.size(); i++) {
      JsonNode b = mine.get(i);
      String arn = b.path("LoadBalancerArn").asText();
      String name = b.path("LoadBalancerName").asText();
      ObjectNode body = JSON.objectNode().put("Name", name);
      ArrayNode subnets = body.putArray("Subnets");
      b.path("AvailabilityZones").forEach(z -> subnets.add(z.path("SubnetId").asText()));
      Refresher.copy(b, body, "SecurityGroups", "Scheme", "Type", "IpAddressType", "CustomerOwnedIpv4Pool");
      ObjectNode attributes = JSON.objectNode().put("LoadBalancerArn", arn);
      attributes.set("Attributes", balancerAttributes.get(i).path("Attributes").deepCopy());
      put(ResourceKind.LOAD_BALANCER, name, Map.of("CreateLoadBalancer", body, "ModifyLoadBalancerAttributes", attributes),
          tags.get(arn), arn);
    }
    listeners(mine);
  }

  /** The listeners of the project's load balancers, and their rules. */
  private void listeners(List<JsonNode> balancers) {
    List<List<JsonNode>> perBalancer = parallel.map(balancers, b -> paged("DescribeListeners", "Listeners",
        JSON.objectNode().put("LoadBalancerArn", b.path("LoadBalancerArn").asText())));
    record Found(String name, JsonNode listener) {}
    List<Found> listeners = new ArrayList<>();
    for (int i = 0; i < balancers.size(); i++) {
      String balancer = balancers.get(i).path("LoadBalancerName").asText();
      perBalancer.get(i).forEach(l -> listeners.add(new Found(balancer + ":" + l.path("Port").asInt(), l)));
    }
    List<List<JsonNode>> rules = parallel.map(listeners, l -> paged("DescribeRules", "Rules",
        JSON.objectNode().put("ListenerArn", l.listener().path("ListenerArn").asText())));
    List<String> arns = new ArrayList<>();
    listeners.forEach(l -> arns.add(l.listener().path("ListenerArn").asText()));
    rules.forEach(list -> list.forEach(r -> {
      if (!r.path("IsDefault").asBoolean(false)) {
        arns.add(r.path("RuleArn").asText());
      }
    }));
    Map<String, Map<String, String>> tags = tags(arns);
    for (int i = 0; i < listeners.size(); i++) {
      Found l = listeners.get(i);
      String arn = l.listener().path("ListenerArn").asText();
      if (keep(ResourceKind.LISTENER, l.name(), tags.get(arn))) {
        ObjectNode body = JSON.objectNode();
        Refresher.copy(l.listener(), body, "LoadBalancerArn", "Protocol", "Port", "SslPolicy", "Certificates", "AlpnPolicy",
            "MutualAuthentication");
        body.set("DefaultActions", actions(l.listener().path("DefaultActions")));
        put(ResourceKind.LISTENER, l.name(), "CreateListener", body, tags.get(arn), arn);
      }
      for (JsonNode r : rules.get(i)) {
        String ruleArn = r.path("RuleArn").asText();
        String name = l.name() + ":" + r.path("Priority").asText();
        if (r.path("IsDefault").asBoolean(false) || !keep(ResourceKind.LISTENER_RULE, name, tags.get(ruleArn))) {
          continue;
        }
        ObjectNode body = JSON.objectNode().put("ListenerArn", arn);
        body.set("Conditions", conditions(r.path("Conditions")));
        body.put("Priority", Integer.parseInt(r.path("Priority").asText()));
        body.set("Actions", actions(r.path("Actions")));
        Refresher.copy(r, body, "Transforms");
        put(ResourceKind.LISTENER_RULE, name, "CreateRule", body, tags.get(ruleArn), ruleArn);
      }
    }
  }

  /**
   * Actions as the compiler writes them: ELB answers a forward to one target group with both
   * {@code TargetGroupArn} and a {@code ForwardConfig} of that group (weight 1, no stickiness),
   * and numbers every action's {@code Order}.
   */
  static ArrayNode actions(JsonNode live) {
    ArrayNode out = JSON.arrayNode();
    int i = 0;
    for (JsonNode a : live) {
      i++;
      ObjectNode action = a.deepCopy();
      if (action.path("Order").asInt(-1) == i) {
        action.remove("Order");
      }
      JsonNode forward = action.path("ForwardConfig");
      if (action.hasNonNull("TargetGroupArn") && forward.isObject()) {
        JsonNode groups = forward.path("TargetGroups");
        boolean sticky = forward.path("TargetGroupStickinessConfig").path("Enabled").asBoolean(false);
        if (!sticky && groups.size() == 1 && groups.get(0).path("TargetGroupArn").asText().equals(action.path("TargetGroupArn").asText())) {
          action.remove("ForwardConfig");
        }
      } else if (forward.isObject() && forward.path("TargetGroups").size() == 1 && !action.hasNonNull("TargetGroupArn")
          && !forward.path("TargetGroupStickinessConfig").path("Enabled").asBoolean(false)
          && forward.path("TargetGroups").get(0).path("Weight").asInt(1) == 1) {
        action.put("TargetGroupArn", forward.path("TargetGroups").get(0).path("TargetGroupArn").asText());
        action.remove("ForwardConfig");
      }
      out.add(action);
    }
    return out;
  }

  /** Conditions with their {@code …Config} only: ELB also answers with the old {@code Values} list. */
  static ArrayNode conditions(JsonNode live) {
    ArrayNode out = JSON.arrayNode();
    for (JsonNode c : live) {
      ObjectNode condition = c.deepCopy();
      boolean configured = false;
      for (var it = condition.fieldNames(); it.hasNext(); ) {
        configured |= it.next().endsWith("Config");
      }
      if (configured) {
        condition.remove("Values");
      }
      out.add(condition);
    }
    return out;
  }

  private static boolean isElb(ResourceKind kind) {
    return kind == ResourceKind.TARGET_GROUP || kind == ResourceKind.LOAD_BALANCER || kind == ResourceKind.LISTENER
        || kind == ResourceKind.LISTENER_RULE;
  }

  private boolean keep(ResourceKind kind, String name, Map<String, String> tags) {
    return q.wanted().contains(new ResourceId(kind, null, name))
        || tags != null && q.project().equals(tags.get(Refresher.OWNER_TAG));
  }

  private void put(ResourceKind kind, String name, String operation, ObjectNode body, Map<String, String> tags, String arn) {
    put(kind, name, Map.of(operation, body), tags, arn);
  }

  /** {@code requests} in the order the build writes them: the Create request first (LiveResource#primary). */
  private void put(ResourceKind kind, String name, Map<String, ObjectNode> requests, Map<String, String> tags, String arn) {
    Map<String, ObjectNode> ordered = new java.util.LinkedHashMap<>();
    requests.keySet().stream().sorted((a, b) -> Boolean.compare(!a.startsWith("Create"), !b.startsWith("Create")))
        .forEach(k -> ordered.put(k, requests.get(k)));
    state.put(new LiveResource(new ResourceId(kind, null, name), ordered, tags == null ? Map.of() : tags, arn, arn, Map.of()));
  }

  private static List<String> arns(List<JsonNode> a, String aMember, List<JsonNode> b, String bMember) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.path(aMember).asText()));
    b.forEach(n -> out.add(n.path(bMember).asText()));
    return out;
  }

  /** ARN → tags, 20 ARNs a call (DescribeTags takes no more). */
  private Map<String, Map<String, String>> tags(List<String> arns) {
    Map<String, Map<String, String>> out = new HashMap<>();
    List<JsonNode> answers = parallel.map(Refresher.batches(arns, 20), batch -> {
      ObjectNode req = JSON.objectNode();
      ArrayNode list = req.putArray("ResourceArns");
      batch.forEach(list::add);
      return api.call(ELBV2, "DescribeTags", req);
    });
    for (JsonNode answer : answers) {
      for (JsonNode d : answer.path("TagDescriptions")) {
        out.put(d.path("ResourceArn").asText(), Refresher.tags(d.path("Tags"), "Key", "Value"));
      }
    }
    return out;
  }

  private List<JsonNode> paged(String operation, String items) {
    return paged(operation, items, JSON.objectNode());
  }

  /** Every page of a Describe call (Marker / NextMarker), as many items a page as the API gives. */
  private List<JsonNode> paged(String operation, String items, ObjectNode request) {
    List<JsonNode> out = new ArrayList<>();
    ObjectNode r = request.deepCopy();
    r.put("PageSize", 400); // the most each of these Describe calls gives
    while (true) {
      JsonNode page = api.call(ELBV2, operation, r);
      page.path(items).forEach(out::add);
      String next = page.path("NextMarker").asText(null);
      if (next == null || next.isEmpty()) {
        return out;
      }
      r.put("Marker", next);
    }
  }
}
