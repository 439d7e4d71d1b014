package io.ecsl.deploy.plan;

import static io.ecsl.deploy.plan.PlanContext.obj;
import static io.ecsl.deploy.plan.PlanContext.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.facts.elb.AttributeDefaults;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Target groups, load balancers, listeners and listener rules. ELBv2 names them by ARN, so every
 * step after the Create call names the live ARN; what cannot change in place (a target group's
 * protocol, port, VPC or target type, a load balancer's type or scheme) forces a replacement, the
 * rest is changed by the API's own calls: ModifyTargetGroup (the health check), SetSubnets,
 * SetSecurityGroups and SetIpAddressType, ModifyListener, ModifyRule; tags by AddTags / RemoveTags.
 */
final class ElbPlans {
  private ElbPlans() {}

  /** Members whose change ELBv2 cannot make in place, by kind. */
  private static final Map<ResourceKind, Set<String>> IMMUTABLE = Map.of(
      ResourceKind.TARGET_GROUP, Set.of("Name", "Protocol", "ProtocolVersion", "Port", "VpcId", "TargetType", "IpAddressType"),
      ResourceKind.LOAD_BALANCER, Set.of("Name", "Type", "Scheme", "CustomerOwnedIpv4Pool", "SubnetMappings"),
      ResourceKind.LISTENER, Set.of("LoadBalancerArn"),
      ResourceKind.LISTENER_RULE, Set.of("ListenerArn", "Priority"));

  /** What ModifyTargetGroup takes besides the ARN. */
  private static final List<String> HEALTH_CHECK = List.of("HealthCheckProtocol", "HealthCheckPort", "HealthCheckPath",
      "HealthCheckEnabled", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds", "HealthyThresholdCount",
      "UnhealthyThresholdCount", "Matcher");

  static boolean isElb(ResourceKind kind) {
    return IMMUTABLE.containsKey(kind);
  }

  static ResourcePlan plan(PlanContext ctx, Resource declared, LiveResource live, List<String> dependsOn) {
    ResourceId id = ResourceId.of(declared);
    String source = PlanContext.source(declared);
    ApiRequest request = declared.primary();
    Shape shape = PlanContext.shape(request);
    ObjectNode liveBody = live == null ? null : live.requests().get(request.operation());
    Comparison c = Comparison.of(shape, Comparison.withoutTags(request.body(), shape), liveBody, declared.ownedElsewhere());
    List<Step> create = new ArrayList<>();
    create.add(step(request.service(), request.operation(), Tags.withOwner(request.body(), shape, ctx.project)));
    for (ApiRequest attributes : declared.requests().subList(1, declared.requests().size())) {
      create.add(step(attributes.service(), attributes.operation(), attributes.body()));
    }
    if (live == null) {
      return new ResourcePlan(id, Action.CREATE, List.of(), List.of(), c.ignored(), dependsOn, null, source,
          declared.ownedElsewhere(), create);
    }
    Map<String, Comparison> compared = new java.util.LinkedHashMap<>();
    compared.put(request.operation(), c);
    List<FieldChange> all = new ArrayList<>(c.changes());
    List<Step> attributeSteps = new ArrayList<>();
    for (ApiRequest attributes : withResets(declared, live)) {
      // Compared on the declared keys only, so not handed to the fingerprint, which digests all of them.
      Comparison a = compareAttributes(attributes, live.requests().get(attributes.operation()));
      List<String> keys = new ArrayList<>(new java.util.TreeSet<>(attributes.body().path("Attributes").findValuesAsText("Key")));
      a.changes().forEach(fc -> all.add(new FieldChange(fc.pointer(), "attributes:" + attributeName(fc.path(), keys), fc.before(),
          fc.after(), fc.sensitive())));
      if (!a.changes().isEmpty()) {
        attributeSteps.add(step(attributes.service(), attributes.operation(), attributes.body()));
      }
    }
    ResourcePlan.Observed observed = ctx.observed(live.version(), live, declared.ownedElsewhere(), compared);
    Map<String, String> desiredTags = Tags.desired(request.body(), shape, ctx.project);
    all.addAll(Tags.diff(live.tags(), desiredTags, "Tags"));
    if (all.isEmpty()) {
      return new ResourcePlan(id, Action.NO_CHANGE, List.of(), List.of(), c.ignored(), dependsOn, observed, source,
          declared.ownedElsewhere(), List.of());
    }
    List<String> fixed = new ArrayList<>();
    for (String member : PlanContext.topMembers(c.changes())) {
      if (IMMUTABLE.get(declared.kind()).contains(member)) {
        fixed.add("`" + member + "`");
      }
    }
    if (!fixed.isEmpty()) {
      List<Step> steps = new ArrayList<>(deleteSteps(live));
      steps.addAll(create);
      String why = String.join(", ", fixed) + " cannot change in place: forces replacement"
          + (declared.kind() == ResourceKind.TARGET_GROUP ? " (ELB refuses to delete a target group a listener or rule"
              + " still forwards to)" : "");
      return new ResourcePlan(id, Action.REPLACE, List.of(why), all, c.ignored(), dependsOn, observed, source,
          declared.ownedElsewhere(), steps);
    }
    List<Step> steps = c.changes().isEmpty() ? new ArrayList<>() : updateSteps(declared.kind(), c, live);
    steps.addAll(attributeSteps);
    steps.addAll(tagSteps(live, desiredTags));
    return new ResourcePlan(id, Action.UPDATE, List.of(), all, c.ignored(), dependsOn, observed, source,
        declared.ownedElsewhere(), steps);
  }

  /**
   * {@code Attributes[0].Value} as the key it is the value of ({@code deregistration_delay.timeout_seconds}):
   * both sides are compared sorted by key, so the index is the key's place among the declared keys.
   */
  private static String attributeName(String path, List<String> sortedKeys) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Attributes\\[(\\d+)\\]\\.Value").matcher(path);
    if (m.matches() && Integer.parseInt(m.group(1)) < sortedKeys.size()) {
      return sortedKeys.get(Integer.parseInt(m.group(1)));
    }
    return path;
  }

  /**
   * The declared attribute requests, with every attribute the language has its own syntax for that
   * the declaration does not set but the target holds at another value than ELB's default put back
   * to that default ({@link AttributeDefaults}): removing {@code deregistration_delay = 15s} from a
   * target group means 300 s again, as a new one would have. A resource declaring no attributes
   * gets a request of its own for the resets, naming the live ARN.
   */
  private static List<ApiRequest> withResets(Resource declared, LiveResource live) {
    String operation = declared.kind() == ResourceKind.TARGET_GROUP ? "ModifyTargetGroupAttributes" : "ModifyLoadBalancerAttributes";
    Map<String, String> defaults = declared.kind() == ResourceKind.TARGET_GROUP
        ? AttributeDefaults.targetGroup(declared.primary().body().path("Protocol").asText(null))
        : declared.kind() == ResourceKind.LOAD_BALANCER
            ? AttributeDefaults.loadBalancer(declared.primary().body().path("Type").asText(null)) : Map.of();
    List<ApiRequest> declaredAttributes = declared.requests().subList(1, declared.requests().size());
    ObjectNode liveAttributes = live.requests().get(operation);
    if (defaults.isEmpty() || liveAttributes == null) {
      return declaredAttributes;
    }
    ApiRequest mine = declaredAttributes.stream().filter(q -> q.operation().equals(operation)).findFirst().orElse(null);
    Set<String> set = new java.util.HashSet<>();
    if (mine != null) {
      mine.body().path("Attributes").forEach(a -> set.add(a.path("Key").asText()));
    }
    ArrayNode resets = PlanContext.JSON.arrayNode();
    for (JsonNode a : liveAttributes.path("Attributes")) {
      String key = a.path("Key").asText();
      String fallback = defaults.get(key);
      if (fallback != null && !set.contains(key) && !fallback.equals(a.path("Value").asText())) {
        resets.addObject().put("Key", key).put("Value", fallback);
      }
    }
    if (resets.isEmpty()) {
      return declaredAttributes;
    }
    ObjectNode body;
    if (mine != null) {
      body = mine.body().deepCopy();
    } else {
      body = obj().put(declared.kind() == ResourceKind.TARGET_GROUP ? "TargetGroupArn" : "LoadBalancerArn", live.arn());
      body.putArray("Attributes");
    }
    ((ArrayNode) body.get("Attributes")).addAll(resets);
    List<ApiRequest> out = new ArrayList<>();
    for (ApiRequest q : declaredAttributes) {
      out.add(q == mine ? new ApiRequest(q.service(), q.operation(), body, q.spans(), q.file()) : q);
    }
    if (mine == null) {
      out.add(new ApiRequest("elbv2", operation, body, new io.ecsl.model.SpanIndex(declared.span()), null));
    }
    return out;
  }

  /**
   * The declared attributes against the live ones: only the keys the declaration sets are compared
   * (ELB answers with every attribute, most of them its defaults), each list in key order.
   */
  private static Comparison compareAttributes(ApiRequest declared, ObjectNode live) {
    Shape shape = PlanContext.shape(declared);
    java.util.Set<String> keys = new java.util.HashSet<>();
    declared.body().path("Attributes").forEach(a -> keys.add(a.path("Key").asText()));
    ObjectNode liveView = null;
    if (live != null) {
      liveView = live.deepCopy();
      liveView.set("Attributes", sortedByKey(live.path("Attributes"), keys));
    }
    ObjectNode declaredView = declared.body().deepCopy();
    declaredView.set("Attributes", sortedByKey(declared.body().path("Attributes"), keys));
    return Comparison.of(shape, declaredView, liveView == null ? PlanContext.obj() : liveView, Map.of());
  }

  private static ArrayNode sortedByKey(JsonNode attributes, java.util.Set<String> keys) {
    java.util.TreeMap<String, JsonNode> byKey = new java.util.TreeMap<>();
    attributes.forEach(a -> {
      if (keys.contains(a.path("Key").asText())) {
        byKey.put(a.path("Key").asText(), a);
      }
    });
    ArrayNode out = PlanContext.JSON.arrayNode();
    byKey.values().forEach(out::add);
    return out;
  }

  private static List<Step> updateSteps(ResourceKind kind, Comparison c, LiveResource live) {
    ObjectNode want = c.effective();
    List<String> changed = PlanContext.topMembers(c.changes());
    List<Step> steps = new ArrayList<>();
    switch (kind) {
      case TARGET_GROUP -> {
        if (changed.stream().anyMatch(HEALTH_CHECK::contains)) {
          ObjectNode body = obj().put("TargetGroupArn", live.arn());
          copy(want, body, HEALTH_CHECK);
          steps.add(step("elbv2", "ModifyTargetGroup", body));
        }
      }
      case LOAD_BALANCER -> {
        if (changed.contains("Subnets")) {
          steps.add(step("elbv2", "SetSubnets", with(obj().put("LoadBalancerArn", live.arn()), "Subnets", want)));
        }
        if (changed.contains("SecurityGroups")) {
          steps.add(step("elbv2", "SetSecurityGroups", with(obj().put("LoadBalancerArn", live.arn()), "SecurityGroups", want)));
        }
        if (changed.contains("IpAddressType")) {
          steps.add(step("elbv2", "SetIpAddressType", obj().put("LoadBalancerArn", live.arn())
              .put("IpAddressType", want.path("IpAddressType").asText("ipv4"))));
        }
      }
      case LISTENER -> {
        ObjectNode body = obj().put("ListenerArn", live.arn());
        copy(want, body, List.of("Port", "Protocol", "SslPolicy", "Certificates", "DefaultActions", "AlpnPolicy",
            "MutualAuthentication"));
        steps.add(step("elbv2", "ModifyListener", body));
      }
      case LISTENER_RULE -> {
        ObjectNode body = obj().put("RuleArn", live.arn());
        copy(want, body, List.of("Conditions", "Actions", "Transforms"));
        steps.add(step("elbv2", "ModifyRule", body));
      }
      default -> throw new IllegalArgumentException("not an Elastic Load Balancing resource: " + kind);
    }
    return steps;
  }

  private static ObjectNode with(ObjectNode body, String member, ObjectNode from) {
    body.set(member, from.has(member) ? from.get(member).deepCopy() : PlanContext.JSON.arrayNode());
    return body;
  }

  private static void copy(ObjectNode from, ObjectNode to, List<String> members) {
    for (String m : members) {
      JsonNode v = from.get(m);
      if (v != null && !v.isNull()) {
        to.set(m, v.deepCopy());
      }
    }
  }

  /** ELBv2 tags by ARN lists: AddTags sets keys (adding or overwriting), RemoveTags drops them. */
  private static List<Step> tagSteps(LiveResource live, Map<String, String> desired) {
    List<Step> steps = new ArrayList<>();
    ArrayNode add = Tags.list(live.tags(), desired, false);
    if (!add.isEmpty()) {
      ObjectNode body = obj();
      body.putArray("ResourceArns").add(live.arn());
      body.set("Tags", add);
      steps.add(step("elbv2", "AddTags", body));
    }
    ArrayNode removed = Tags.removed(live.tags(), desired);
    if (!removed.isEmpty()) {
      ObjectNode body = obj();
      body.putArray("ResourceArns").add(live.arn());
      body.set("TagKeys", removed);
      steps.add(step("elbv2", "RemoveTags", body));
    }
    return steps;
  }

  static List<Step> deleteSteps(LiveResource live) {
    return switch (live.id().kind()) {
      case TARGET_GROUP -> List.of(step("elbv2", "DeleteTargetGroup", obj().put("TargetGroupArn", live.arn())));
      case LOAD_BALANCER -> List.of(step("elbv2", "DeleteLoadBalancer", obj().put("LoadBalancerArn", live.arn())));
      case LISTENER -> List.of(step("elbv2", "DeleteListener", obj().put("ListenerArn", live.arn())));
      case LISTENER_RULE -> List.of(step("elbv2", "DeleteRule", obj().put("RuleArn", live.arn())));
      default -> throw new IllegalArgumentException("not an Elastic Load Balancing resource: " + live.id());
    };
  }

  static ResourcePlan delete(PlanContext ctx, LiveResource live) {
    return new ResourcePlan(live.id(), Action.DELETE, List.of(ctx.whyDeleted()), List.of(), List.of(), List.of(),
        ctx.observed(live.version(), live, Map.of(), Map.of()), null, Map.of(), deleteSteps(live));
  }
}
