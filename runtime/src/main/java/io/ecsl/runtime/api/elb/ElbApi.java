package io.ecsl.runtime.api.elb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.elb.ElbLimit;
import io.ecsl.facts.elb.ElbName;
import io.ecsl.facts.elb.HealthCheckDefaults;
import io.ecsl.facts.elb.LoadBalancerType;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.api.query.QueryService;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.loadbalancing.TargetRegistry;
import io.ecsl.runtime.store.Tag;
import io.ecsl.schema.ServiceModel;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Elastic Load Balancing v2 subset the local runtime serves (Query protocol, version
 * 2015-12-01): load balancers, target groups, listeners, rules, target registration and health,
 * attributes and tags. Resources are kept in their API shape; the load-balancing edge
 * ({@code io.ecsl.runtime.loadbalancing}) proxies listeners and health-checks targets from them.
 */
public final class ElbApi implements QueryService {
  public static final String VERSION = "2015-12-01";
  static final String HOSTED_ZONE = "Z35SXDOTRQ7X7K";
  static final String VPC = "vpc-0ec51000000000000";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ControlPlane plane;
  private final RuntimeState state;
  private final ListenerAddresses addresses;

  public ElbApi(ControlPlane plane, ListenerAddresses addresses) {
    this.plane = plane;
    this.state = plane.state();
    this.addresses = addresses;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public String xmlNamespace() {
    return "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
  }

  @Override
  public String signingName() {
    return "elasticloadbalancing";
  }

  @Override
  public ServiceModel model() {
    return ServiceModel.get(ServiceModel.ELBV2);
  }

  @Override
  public JsonNode call(String operation, JsonNode request, RequestContext context) {
    String region = context.region();
    JsonNode result = switch (operation) {
      case "CreateLoadBalancer" -> createLoadBalancer(request, region);
      case "DescribeLoadBalancers" -> describeLoadBalancers(request, region);
      case "DeleteLoadBalancer" -> deleteLoadBalancer(request, region);
      case "DescribeLoadBalancerAttributes" -> attributes(loadBalancer(request, region), LB_ATTRIBUTES);
      case "ModifyLoadBalancerAttributes" -> modifyAttributes(loadBalancer(request, region), request, LB_ATTRIBUTES);
      case "CreateTargetGroup" -> createTargetGroup(request, region);
      case "DescribeTargetGroups" -> describeTargetGroups(request, region);
      case "ModifyTargetGroup" -> modifyTargetGroup(request, region);
      case "DeleteTargetGroup" -> deleteTargetGroup(request, region);
      case "DescribeTargetGroupAttributes" -> attributes(targetGroup(request, region), TG_ATTRIBUTES);
      case "ModifyTargetGroupAttributes" -> modifyAttributes(targetGroup(request, region), request, TG_ATTRIBUTES);
      case "CreateListener" -> createListener(request, region);
      case "DescribeListeners" -> describeListeners(request, region);
      case "ModifyListener" -> modifyListener(request, region);
      case "DeleteListener" -> deleteListener(request, region);
      case "CreateRule" -> createRule(request, region);
      case "DescribeRules" -> describeRules(request, region);
      case "ModifyRule" -> modifyRule(request, region);
      case "DeleteRule" -> deleteRule(request, region);
      case "SetRulePriorities" -> setRulePriorities(request, region);
      case "RegisterTargets" -> registerTargets(request, region);
      case "DeregisterTargets" -> deregisterTargets(request, region);
      case "DescribeTargetHealth" -> describeTargetHealth(request, region);
      case "AddTags" -> addTags(request, region);
      case "RemoveTags" -> removeTags(request, region);
      case "DescribeTags" -> describeTags(request, region);
      default -> throw new ApiException("InvalidAction", "The ecsl runtime does not serve ELBv2 " + operation
          + "; it serves load balancers, target groups, listeners, rules, targets, attributes and tags.");
    };
    plane.requestTick();
    return result;
  }

  // ---- load balancers -------------------------------------------------------------------------

  private JsonNode createLoadBalancer(JsonNode request, String region) {
    String name = Requests.required(request, "Name", "ValidationError");
    String problem = ElbName.problem(name, true);
    if (problem != null) {
      throw new ApiException("ValidationError", "Load balancer name '" + name + "' " + problem + ".");
    }
    LoadBalancerType type = LoadBalancerType.of(Json.text(request, "Type"));
    if (type == null || type == LoadBalancerType.GATEWAY) {
      throw new ApiException("ValidationError", "Load balancer type '" + Json.text(request, "Type") + "' is not"
          + " served by the ecsl runtime: use application or network.");
    }
    List<String> subnets = new ArrayList<>(Json.strings(request, "Subnets"));
    for (JsonNode mapping : Json.list(request, "SubnetMappings")) {
      subnets.add(Json.text(mapping, "SubnetId"));
    }
    if (type == LoadBalancerType.APPLICATION && subnets.size() < 2) {
      throw new ApiException("ValidationError", "At least two subnets in two different Availability Zones must be"
          + " specified for an Application Load Balancer.");
    }
    String scheme = Json.text(request, "Scheme", "internet-facing");
    List<Tag> tags = tags(request.get("Tags"));
    return state.atomically(() -> {
      ObjectNode existing = findByName(state.loadBalancers.values(), "LoadBalancerName", name, region);
      if (existing != null) {
        if (type.id().equals(Json.text(existing, "Type")) && scheme.equals(Json.text(existing, "Scheme"))) {
          return list("LoadBalancers", render(existing));
        }
        throw new ApiException("DuplicateLoadBalancerName", "A load balancer with the same name '" + name
            + "' exists, but with different settings");
      }
      String id = hex16();
      String arn = arn(region, "loadbalancer/" + (type == LoadBalancerType.APPLICATION ? "app" : "net") + "/" + name
          + "/" + id);
      ObjectNode lb = Json.object();
      lb.put("LoadBalancerArn", arn);
      lb.put("CanonicalHostedZoneId", HOSTED_ZONE);
      lb.put("CreatedTime", now());
      lb.put("LoadBalancerName", name);
      lb.put("Scheme", scheme);
      lb.put("VpcId", VPC);
      lb.putObject("State").put("Code", "active");
      lb.put("Type", type.id());
      ArrayNode zones = lb.putArray("AvailabilityZones");
      char zone = 'a';
      for (String subnet : subnets) {
        zones.addObject().put("ZoneName", region + zone).put("SubnetId", subnet);
        zone = (char) Math.min('f', zone + 1);
      }
      if (type == LoadBalancerType.APPLICATION) {
        lb.set("SecurityGroups", Json.arrayOf(Json.strings(request, "SecurityGroups")));
      }
      lb.put("IpAddressType", Json.text(request, "IpAddressType", "ipv4"));
      lb.put("_region", region);
      lb.put("_id", id);
      state.loadBalancers.put(arn, lb);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return list("LoadBalancers", render(lb));
    });
  }

  /** The load balancer as the API answers: its DNS name says where it is reachable on this machine. */
  private ObjectNode render(ObjectNode lb) {
    ObjectNode out = lb.deepCopy();
    out.put("DNSName", dnsName(lb));
    return out;
  }

  /**
   * EMU: {@code 127.0.0.1} when every listener serves at its own port on the loopback interface,
   * else {@code 127.0.0.1:PORT} of the first listener that had to take another port, so the one
   * place AWS puts an address tells where to send requests.
   */
  String dnsName(ObjectNode lb) {
    String arn = Json.text(lb, "LoadBalancerArn");
    for (ObjectNode listener : listenersOf(arn)) {
      Integer local = addresses.localPort(Json.text(listener, "ListenerArn"));
      if (local != null && local != Json.integer(listener, "Port", 0)) {
        return "127.0.0.1:" + local;
      }
    }
    return "127.0.0.1";
  }

  private JsonNode describeLoadBalancers(JsonNode request, String region) {
    List<String> arns = Json.strings(request, "LoadBalancerArns");
    List<String> names = Json.strings(request, "Names");
    return state.atomically(() -> {
      List<ObjectNode> found = new ArrayList<>();
      if (!arns.isEmpty()) {
        for (String arn : arns) {
          found.add(requireLoadBalancer(arn, region));
        }
      } else if (!names.isEmpty()) {
        for (String name : names) {
          ObjectNode lb = findByName(state.loadBalancers.values(), "LoadBalancerName", name, region);
          if (lb == null) {
            throw new ApiException("LoadBalancerNotFound", "Load balancers '[" + name + "]' not found");
          }
          found.add(lb);
        }
      } else {
        found.addAll(inRegion(state.loadBalancers.values(), region));
      }
      ArrayNode out = Json.array();
      found.forEach(lb -> out.add(render(lb)));
      ObjectNode response = Json.object();
      response.set("LoadBalancers", out);
      return response;
    });
  }

  private JsonNode deleteLoadBalancer(JsonNode request, String region) {
    String arn = Requests.required(request, "LoadBalancerArn", "ValidationError");
    return state.atomically(() -> {
      ObjectNode lb = state.loadBalancers.get(arn);
      if (lb == null || !region.equals(Json.text(lb, "_region"))) {
        return Json.object(); // deleting what is not there succeeds, as on AWS
      }
      for (ObjectNode listener : listenersOf(arn)) {
        removeListener(Json.text(listener, "ListenerArn"));
      }
      state.loadBalancers.remove(arn);
      state.deleteTags(arn);
      return Json.object();
    });
  }

  private ObjectNode loadBalancer(JsonNode request, String region) {
    String arn = Requests.required(request, "LoadBalancerArn", "ValidationError");
    return state.atomically(() -> requireLoadBalancer(arn, region));
  }

  private ObjectNode requireLoadBalancer(String arn, String region) {
    ObjectNode lb = state.loadBalancers.get(arn);
    if (lb == null || !region.equals(Json.text(lb, "_region"))) {
      throw new ApiException("LoadBalancerNotFound", "One or more load balancers not found: '" + arn + "'");
    }
    return lb;
  }

  // ---- attributes -----------------------------------------------------------------------------

  /**
   * Load balancer attributes with their defaults (ALB; {@link #attribute} answers a network load
   * balancer's own where they differ); others are refused as AWS refuses unknown keys.
   */
  static final Map<String, String> LB_ATTRIBUTES = ordered(
      "deletion_protection.enabled", "false",
      "idle_timeout.timeout_seconds", "60",
      "routing.http2.enabled", "true",
      "routing.http.drop_invalid_header_fields.enabled", "false",
      "routing.http.preserve_host_header.enabled", "false",
      "routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false",
      "routing.http.xff_client_port.enabled", "false",
      "routing.http.xff_header_processing.mode", "append",
      "access_logs.s3.enabled", "false",
      "access_logs.s3.bucket", "",
      "access_logs.s3.prefix", "",
      "load_balancing.cross_zone.enabled", "true",
      "client_keep_alive.seconds", "3600");

  /** Target group attributes with their defaults (§2.3). */
  public static final Map<String, String> TG_ATTRIBUTES = ordered(
      "deregistration_delay.timeout_seconds", "300",
      "stickiness.enabled", "false",
      "stickiness.type", "lb_cookie",
      "stickiness.lb_cookie.duration_seconds", "86400",
      "stickiness.app_cookie.cookie_name", "",
      "stickiness.app_cookie.duration_seconds", "86400",
      "slow_start.duration_seconds", "0",
      "load_balancing.algorithm.type", "round_robin",
      "load_balancing.algorithm.anomaly_mitigation", "off",
      "load_balancing.cross_zone.enabled", "use_load_balancer_configuration",
      "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1",
      "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off",
      "target_group_health.dns_failover.minimum_healthy_targets.count", "1",
      "target_group_health.dns_failover.minimum_healthy_targets.percentage", "off");

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The value of attribute {@code key} of a target group or load balancer document (its default when unset). */
  public static String attribute(ObjectNode resource, String key) {
    JsonNode set = resource.path("_attributes").get(key);
    if (set != null) {
      return set.asText();
    }
    // What AWS sets depends on the kind: an NLB has cross-zone off, a TCP group's stickiness is
    // source_ip. Plans reset a removed attribute to these same defaults (facts AttributeDefaults).
    String typed = resource.has("LoadBalancerName")
        ? io.ecsl.facts.elb.AttributeDefaults.loadBalancer(Json.text(resource, "Type")).get(key)
        : resource.has("TargetGroupArn") ? io.ecsl.facts.elb.AttributeDefaults.targetGroup(Json.text(resource, "Protocol")).get(key)
            : null;
    if (typed != null) {
      return typed;
    }
    String fallback = TG_ATTRIBUTES.get(key);
    return fallback != null ? fallback : LB_ATTRIBUTES.get(key);
  }

  private JsonNode attributes(ObjectNode resource, Map<String, String> known) {
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("Attributes");
    state.atomically(() -> known.keySet().forEach(key ->
        list.addObject().put("Key", key).put("Value", attribute(resource, key))));
    return response;
  }

  private JsonNode modifyAttributes(ObjectNode resource, JsonNode request, Map<String, String> known) {
    List<JsonNode> changes = Json.list(request, "Attributes");
    if (changes.isEmpty()) {
      throw new ApiException("ValidationError", "At least one attribute must be specified.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode change : changes) {
      String key = Json.text(change, "Key");
      String value = Json.text(change, "Value", "");
      if (!known.containsKey(key)) {
        throw new ApiException("ValidationError", "Attribute key '" + key + "' is not recognized; the keys are "
            + known.keySet() + ".");
      }
      ElbAttributes.check(key, value);
      values.put(key, value);
    }
    String arnField = resource.has("TargetGroupArn") ? "TargetGroupArn" : "LoadBalancerArn";
    String arn = Json.text(resource, arnField);
    return state.atomically(() -> {
      var table = arnField.equals("TargetGroupArn") ? state.targetGroups : state.loadBalancers;
      ObjectNode stored = table.copyOf(arn);
      if (stored == null) {
        throw new ApiException(arnField.equals("TargetGroupArn") ? "TargetGroupNotFound" : "LoadBalancerNotFound",
            "'" + arn + "' not found");
      }
      ObjectNode attributes = stored.has("_attributes") ? (ObjectNode) stored.get("_attributes")
          : stored.putObject("_attributes");
      values.forEach(attributes::put);
      ElbAttributes.checkCombination(stored);
      table.put(arn, stored);
      ObjectNode response = Json.object();
      ArrayNode list = response.putArray("Attributes");
      known.keySet().forEach(key -> list.addObject().put("Key", key).put("Value", attribute(stored, key)));
      return response;
    });
  }

  // ---- target groups --------------------------------------------------------------------------

  private JsonNode createTargetGroup(JsonNode request, String region) {
    String name = Requests.required(request, "Name", "ValidationError");
    String problem = ElbName.problem(name, false);
    if (problem != null) {
      throw new ApiException("ValidationError", "Target group name '" + name + "' " + problem + ".");
    }
    String targetType = Json.text(request, "TargetType", "instance");
    if (!targetType.equals("instance") && !targetType.equals("ip")) {
      throw new ApiException("ValidationError", "Target type '" + targetType + "' is not served by the ecsl"
          + " runtime: use ip (awsvpc tasks) or instance (bridge and host tasks).");
    }
    String protocol = Json.text(request, "Protocol");
    Integer port = Json.integer(request, "Port");
    if (protocol == null || port == null) {
      throw new ApiException("ValidationError", "A target group with target type '" + targetType + "' needs a"
          + " Protocol and a Port.");
    }
    LoadBalancerType family = LoadBalancerType.forProtocol(protocol);
    if (family == null || family == LoadBalancerType.GATEWAY) {
      throw new ApiException("ValidationError", "Protocol '" + protocol + "' is not served by the ecsl runtime:"
          + " use HTTP or HTTPS (Application Load Balancer) or TCP (Network Load Balancer).");
    }
    checkPort(port, "Port");
    ObjectNode tg = Json.object();
    tg.put("TargetGroupName", name);
    tg.put("Protocol", protocol);
    if (family == LoadBalancerType.APPLICATION) {
      tg.put("ProtocolVersion", Json.text(request, "ProtocolVersion", "HTTP1"));
    }
    tg.put("Port", port);
    tg.put("VpcId", Json.text(request, "VpcId", VPC));
    HealthCheckDefaults defaults = HealthCheckDefaults.forTargetGroup(protocol);
    tg.put("HealthCheckProtocol", Json.text(request, "HealthCheckProtocol", defaults.protocol()));
    tg.put("HealthCheckPort", Json.text(request, "HealthCheckPort", defaults.port()));
    tg.put("HealthCheckEnabled", Json.bool(request, "HealthCheckEnabled", true));
    tg.put("HealthCheckIntervalSeconds", Json.integer(request, "HealthCheckIntervalSeconds",
        defaults.intervalSeconds()));
    tg.put("HealthCheckTimeoutSeconds", Json.integer(request, "HealthCheckTimeoutSeconds",
        defaults.timeoutSeconds()));
    tg.put("HealthyThresholdCount", Json.integer(request, "HealthyThresholdCount", defaults.healthyThreshold()));
    tg.put("UnhealthyThresholdCount", Json.integer(request, "UnhealthyThresholdCount",
        defaults.unhealthyThreshold()));
    boolean httpCheck = !"TCP".equals(Json.text(tg, "HealthCheckProtocol"));
    if (httpCheck) {
      tg.put("HealthCheckPath", Json.text(request, "HealthCheckPath", defaults.path() == null ? "/" : defaults.path()));
      String code = request.path("Matcher").has("HttpCode") ? request.get("Matcher").get("HttpCode").asText()
          : HealthCheckDefaults.httpCode(protocol, Json.text(tg, "HealthCheckProtocol"));
      tg.putObject("Matcher").put("HttpCode", code);
    }
    tg.put("TargetType", targetType);
    tg.put("IpAddressType", Json.text(request, "IpAddressType", "ipv4"));
    ElbHealthCheck.validate(tg, family);
    List<Tag> tags = tags(request.get("Tags"));
    return state.atomically(() -> {
      ObjectNode existing = findByName(state.targetGroups.values(), "TargetGroupName", name, region);
      if (existing != null) {
        ObjectNode same = existing.deepCopy();
        same.remove(List.of("TargetGroupArn", "_region", "_attributes"));
        if (same.equals(tg)) {
          return list("TargetGroups", renderTargetGroup(existing));
        }
        throw new ApiException("DuplicateTargetGroupName", "A target group with the same name '" + name
            + "' exists, but with different settings");
      }
      String arn = arn(region, "targetgroup/" + name + "/" + hex16());
      ObjectNode stored = Json.object();
      stored.put("TargetGroupArn", arn);
      stored.setAll(tg);
      stored.put("_region", region);
      state.targetGroups.put(arn, stored);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return list("TargetGroups", renderTargetGroup(stored));
    });
  }

  private ObjectNode renderTargetGroup(ObjectNode tg) {
    ObjectNode out = tg.deepCopy();
    out.set("LoadBalancerArns", Json.arrayOf(new ArrayList<>(loadBalancersUsing(Json.text(tg, "TargetGroupArn")))));
    return out;
  }

  /** The load balancers whose listeners or rules forward to {@code tgArn} (caller holds the lock). */
  public Set<String> loadBalancersUsing(String tgArn) {
    Set<String> out = new LinkedHashSet<>();
    for (ObjectNode listener : state.listeners.values()) {
      if (forwardsTo(listener.get("DefaultActions"), tgArn)) {
        out.add(Json.text(listener, "LoadBalancerArn"));
      }
    }
    for (ObjectNode rule : state.listenerRules.values()) {
      if (forwardsTo(rule.get("Actions"), tgArn)) {
        ObjectNode listener = state.listeners.get(Json.text(rule, "_listenerArn"));
        if (listener != null) {
          out.add(Json.text(listener, "LoadBalancerArn"));
        }
      }
    }
    return out;
  }

  private static boolean forwardsTo(JsonNode actions, String tgArn) {
    if (actions == null) {
      return false;
    }
    for (JsonNode action : actions) {
      for (JsonNode group : action.path("ForwardConfig").path("TargetGroups")) {
        if (tgArn.equals(Json.text(group, "TargetGroupArn"))) {
          return true;
        }
      }
    }
    return false;
  }

  private JsonNode describeTargetGroups(JsonNode request, String region) {
    String lbArn = Json.text(request, "LoadBalancerArn");
    List<String> arns = Json.strings(request, "TargetGroupArns");
    List<String> names = Json.strings(request, "Names");
    return state.atomically(() -> {
      List<ObjectNode> found = new ArrayList<>();
      if (!arns.isEmpty()) {
        for (String arn : arns) {
          found.add(requireTargetGroup(arn, region));
        }
      } else if (!names.isEmpty()) {
        for (String name : names) {
          ObjectNode tg = findByName(state.targetGroups.values(), "TargetGroupName", name, region);
          if (tg == null) {
            throw new ApiException("TargetGroupNotFound", "Target groups '[" + name + "]' not found");
          }
          found.add(tg);
        }
      } else {
        if (lbArn != null) {
          requireLoadBalancer(lbArn, region);
        }
        for (ObjectNode tg : inRegion(state.targetGroups.values(), region)) {
          if (lbArn == null || loadBalancersUsing(Json.text(tg, "TargetGroupArn")).contains(lbArn)) {
            found.add(tg);
          }
        }
      }
      ArrayNode out = Json.array();
      found.forEach(tg -> out.add(renderTargetGroup(tg)));
      ObjectNode response = Json.object();
      response.set("TargetGroups", out);
      return response;
    });
  }

  private JsonNode modifyTargetGroup(JsonNode request, String region) {
    String arn = Requests.required(request, "TargetGroupArn", "ValidationError");
    return state.atomically(() -> {
      requireTargetGroup(arn, region);
      ObjectNode tg = state.targetGroups.copyOf(arn);
      for (String field : List.of("HealthCheckProtocol", "HealthCheckPort", "HealthCheckPath")) {
        if (request.hasNonNull(field)) {
          tg.put(field, request.get(field).asText());
        }
      }
      for (String field : List.of("HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds", "HealthyThresholdCount",
          "UnhealthyThresholdCount")) {
        if (request.hasNonNull(field)) {
          tg.put(field, request.get(field).asInt());
        }
      }
      if (request.hasNonNull("HealthCheckEnabled")) {
        tg.put("HealthCheckEnabled", request.get("HealthCheckEnabled").asBoolean());
      }
      if (request.path("Matcher").has("HttpCode")) {
        tg.putObject("Matcher").put("HttpCode", request.get("Matcher").get("HttpCode").asText());
      }
      ElbHealthCheck.validate(tg, LoadBalancerType.forProtocol(Json.text(tg, "Protocol")));
      state.targetGroups.put(arn, tg);
      return list("TargetGroups", renderTargetGroup(tg));
    });
  }

  private JsonNode deleteTargetGroup(JsonNode request, String region) {
    String arn = Requests.required(request, "TargetGroupArn", "ValidationError");
    return state.atomically(() -> {
      ObjectNode tg = state.targetGroups.get(arn);
      if (tg == null || !region.equals(Json.text(tg, "_region"))) {
        return Json.object();
      }
      if (!loadBalancersUsing(arn).isEmpty()) {
        throw new ApiException("ResourceInUse", "Target group '" + arn + "' is currently in use by a listener or a"
            + " rule");
      }
      for (String key : state.targets.ids()) {
        if (key.startsWith(arn + "|")) {
          state.targets.remove(key);
        }
      }
      state.targetGroups.remove(arn);
      state.deleteTags(arn);
      return Json.object();
    });
  }

  private ObjectNode targetGroup(JsonNode request, String region) {
    String arn = Requests.required(request, "TargetGroupArn", "ValidationError");
    return state.atomically(() -> requireTargetGroup(arn, region));
  }

  private ObjectNode requireTargetGroup(String arn, String region) {
    ObjectNode tg = state.targetGroups.get(arn);
    if (tg == null || !region.equals(Json.text(tg, "_region"))) {
      throw new ApiException("TargetGroupNotFound", "One or more target groups not found: '" + arn + "'");
    }
    return tg;
  }

  // ---- listeners ------------------------------------------------------------------------------

  private JsonNode createListener(JsonNode request, String region) {
    String lbArn = Requests.required(request, "LoadBalancerArn", "ValidationError");
    Integer port = Json.integer(request, "Port");
    return state.atomically(() -> {
      ObjectNode lb = requireLoadBalancer(lbArn, region);
      String type = Json.text(lb, "Type");
      String protocol = Json.text(request, "Protocol", type.equals("application") ? "HTTP" : "TCP");
      checkListenerProtocol(type, protocol, request);
      if (port == null) {
        throw new ApiException("ValidationError", "A listener needs a Port.");
      }
      checkPort(port, "Port");
      List<ObjectNode> existing = listenersOf(lbArn);
      for (ObjectNode other : existing) {
        if (Json.integer(other, "Port", 0) == port) {
          if (protocol.equals(Json.text(other, "Protocol"))) {
            return list("Listeners", other.deepCopy()); // the same listener again: AWS answers with it
          }
          throw new ApiException("DuplicateListener", "A listener already exists on this port for this load"
              + " balancer '" + lbArn + "'");
        }
      }
      if (existing.size() >= ElbLimit.LISTENERS_PER_LOAD_BALANCER.max()) {
        throw new ApiException("TooManyListeners", "You've reached the limit on the number of listeners per load"
            + " balancer: " + ElbLimit.LISTENERS_PER_LOAD_BALANCER.describe() + ".");
      }
      ArrayNode actions = ElbActions.normalize(state, request.get("DefaultActions"), region, type, new HashSet<>());
      String lbId = Json.text(lb, "_id");
      String arn = arn(region, "listener/" + (type.equals("application") ? "app" : "net") + "/"
          + Json.text(lb, "LoadBalancerName") + "/" + lbId + "/" + hex16());
      ObjectNode listener = Json.object();
      listener.put("ListenerArn", arn);
      listener.put("LoadBalancerArn", lbArn);
      listener.put("Port", port);
      listener.put("Protocol", protocol);
      if (request.has("Certificates")) {
        listener.set("Certificates", request.get("Certificates").deepCopy());
      }
      if (protocol.equals("HTTPS") || protocol.equals("TLS")) {
        listener.put("SslPolicy", Json.text(request, "SslPolicy", "ELBSecurityPolicy-2016-08"));
      }
      listener.set("DefaultActions", actions);
      listener.put("_region", region);
      listener.put("_defaultRuleArn", arn.replace(":listener/", ":listener-rule/") + "/" + hex16());
      state.listeners.put(arn, listener);
      List<Tag> tags = tags(request.get("Tags"));
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return list("Listeners", listener.deepCopy());
    });
  }

  private static void checkListenerProtocol(String lbType, String protocol, JsonNode request) {
    LoadBalancerType type = LoadBalancerType.of(lbType);
    if (!type.protocols().contains(protocol)) {
      throw new ApiException("UnsupportedProtocol", "Protocol '" + protocol + "' is not supported by an "
          + type.word() + "; it takes " + type.protocols() + ".");
    }
    if (!protocol.equals("HTTP") && !protocol.equals("TCP")) {
      if ((protocol.equals("HTTPS") || protocol.equals("TLS")) && !request.has("Certificates")) {
        throw new ApiException("ValidationError", "A certificate must be specified for " + protocol + " listeners");
      }
      if (!protocol.equals("HTTPS") && !protocol.equals("TLS")) {
        throw new ApiException("UnsupportedProtocol", "Protocol '" + protocol + "' is not served by the ecsl"
            + " runtime's proxies: use HTTP or HTTPS (Application) or TCP or TLS (Network).");
      }
    }
  }

  private JsonNode describeListeners(JsonNode request, String region) {
    String lbArn = Json.text(request, "LoadBalancerArn");
    List<String> arns = Json.strings(request, "ListenerArns");
    if (lbArn == null && arns.isEmpty()) {
      throw new ApiException("ValidationError", "You must specify either listener ARNs or a load balancer ARN");
    }
    return state.atomically(() -> {
      ArrayNode out = Json.array();
      if (!arns.isEmpty()) {
        for (String arn : arns) {
          out.add(requireListener(arn, region).deepCopy());
        }
      } else {
        requireLoadBalancer(lbArn, region);
        listenersOf(lbArn).forEach(listener -> out.add(listener.deepCopy()));
      }
      ObjectNode response = Json.object();
      response.set("Listeners", out);
      return response;
    });
  }

  private JsonNode modifyListener(JsonNode request, String region) {
    String arn = Requests.required(request, "ListenerArn", "ValidationError");
    return state.atomically(() -> {
      requireListener(arn, region);
      ObjectNode listener = state.listeners.copyOf(arn);
      ObjectNode lb = requireLoadBalancer(Json.text(listener, "LoadBalancerArn"), region);
      String type = Json.text(lb, "Type");
      if (request.hasNonNull("Port")) {
        int port = request.get("Port").asInt();
        checkPort(port, "Port");
        for (ObjectNode other : listenersOf(Json.text(lb, "LoadBalancerArn"))) {
          if (!Json.text(other, "ListenerArn").equals(arn) && Json.integer(other, "Port", 0) == port) {
            throw new ApiException("DuplicateListener", "A listener already exists on this port for this load"
                + " balancer");
          }
        }
        listener.put("Port", port);
      }
      if (request.hasNonNull("Protocol")) {
        checkListenerProtocol(type, Json.text(request, "Protocol"), request.has("Certificates") ? request : listener);
        listener.put("Protocol", Json.text(request, "Protocol"));
      }
      if (request.has("Certificates")) {
        listener.set("Certificates", request.get("Certificates").deepCopy());
      }
      if (request.has("DefaultActions")) {
        listener.set("DefaultActions", ElbActions.normalize(state, request.get("DefaultActions"), region, type,
            new HashSet<>()));
      }
      state.listeners.put(arn, listener);
      return list("Listeners", listener.deepCopy());
    });
  }

  private JsonNode deleteListener(JsonNode request, String region) {
    String arn = Requests.required(request, "ListenerArn", "ValidationError");
    return state.atomically(() -> {
      requireListener(arn, region);
      removeListener(arn);
      return Json.object();
    });
  }

  private void removeListener(String arn) {
    for (ObjectNode rule : state.listenerRules.values()) {
      if (arn.equals(Json.text(rule, "_listenerArn"))) {
        state.listenerRules.remove(Json.text(rule, "RuleArn"));
        state.deleteTags(Json.text(rule, "RuleArn"));
      }
    }
    state.listeners.remove(arn);
    state.deleteTags(arn);
  }

  private ObjectNode requireListener(String arn, String region) {
    ObjectNode listener = state.listeners.get(arn);
    if (listener == null || !region.equals(Json.text(listener, "_region"))) {
      throw new ApiException("ListenerNotFound", "One or more listeners not found: '" + arn + "'");
    }
    return listener;
  }

  private List<ObjectNode> listenersOf(String lbArn) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode listener : state.listeners.values()) {
      if (lbArn.equals(Json.text(listener, "LoadBalancerArn"))) {
        out.add(listener);
      }
    }
    return out;
  }

  // ---- rules ----------------------------------------------------------------------------------

  private JsonNode createRule(JsonNode request, String region) {
    String listenerArn = Requests.required(request, "ListenerArn", "ValidationError");
    Integer priority = Json.integer(request, "Priority");
    if (priority == null || !ElbLimit.RULE_PRIORITY.allows(priority)) {
      throw new ApiException("ValidationError", "Priority " + priority + " is out of range: "
          + ElbLimit.RULE_PRIORITY.describe() + ".");
    }
    return state.atomically(() -> {
      ObjectNode listener = requireListener(listenerArn, region);
      ObjectNode lb = requireLoadBalancer(Json.text(listener, "LoadBalancerArn"), region);
      if (!"application".equals(Json.text(lb, "Type"))) {
        throw new ApiException("ValidationError", "Rules can only be created on Application Load Balancer"
            + " listeners.");
      }
      List<ObjectNode> rules = rulesOf(listenerArn);
      for (ObjectNode rule : rules) {
        if (String.valueOf(priority).equals(Json.text(rule, "Priority"))) {
          throw new ApiException("PriorityInUse", "Priority '" + priority + "' is currently in use");
        }
      }
      if (rules.size() >= ElbLimit.RULES_PER_LISTENER.max()) {
        throw new ApiException("TooManyRules", "You've reached the limit on the number of rules per listener: "
            + ElbLimit.RULES_PER_LISTENER.describe() + ".");
      }
      ArrayNode conditions = ElbActions.conditions(request.get("Conditions"));
      if (conditions.isEmpty()) {
        throw new ApiException("ValidationError", "A rule needs at least one condition.");
      }
      ArrayNode actions = ElbActions.normalize(state, request.get("Actions"), region, "application", new HashSet<>());
      String arn = listenerArn.replace(":listener/", ":listener-rule/") + "/" + hex16();
      ObjectNode rule = Json.object();
      rule.put("RuleArn", arn);
      rule.put("Priority", String.valueOf(priority));
      rule.set("Conditions", conditions);
      rule.set("Actions", actions);
      rule.put("IsDefault", false);
      rule.put("_listenerArn", listenerArn);
      rule.put("_region", region);
      state.listenerRules.put(arn, rule);
      List<Tag> tags = tags(request.get("Tags"));
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return list("Rules", rule.deepCopy());
    });
  }

  private JsonNode describeRules(JsonNode request, String region) {
    String listenerArn = Json.text(request, "ListenerArn");
    List<String> arns = Json.strings(request, "RuleArns");
    if (listenerArn == null && arns.isEmpty()) {
      throw new ApiException("ValidationError", "You must specify either listener rule ARNs or a listener ARN");
    }
    return state.atomically(() -> {
      ArrayNode out = Json.array();
      if (!arns.isEmpty()) {
        for (String arn : arns) {
          out.add(requireRuleOrDefault(arn, region));
        }
      } else {
        ObjectNode listener = requireListener(listenerArn, region);
        rulesOf(listenerArn).forEach(rule -> out.add(rule.deepCopy()));
        out.add(defaultRule(listener));
      }
      ObjectNode response = Json.object();
      response.set("Rules", out);
      return response;
    });
  }

  private static ObjectNode defaultRule(ObjectNode listener) {
    ObjectNode rule = Json.object();
    rule.put("RuleArn", Json.text(listener, "_defaultRuleArn"));
    rule.put("Priority", "default");
    rule.putArray("Conditions");
    rule.set("Actions", listener.get("DefaultActions").deepCopy());
    rule.put("IsDefault", true);
    return rule;
  }

  private ObjectNode requireRuleOrDefault(String arn, String region) {
    ObjectNode rule = state.listenerRules.get(arn);
    if (rule != null && region.equals(Json.text(rule, "_region"))) {
      return rule.deepCopy();
    }
    for (ObjectNode listener : state.listeners.values()) {
      if (arn.equals(Json.text(listener, "_defaultRuleArn")) && region.equals(Json.text(listener, "_region"))) {
        return defaultRule(listener);
      }
    }
    throw new ApiException("RuleNotFound", "One or more rules not found: '" + arn + "'");
  }

  private ObjectNode requireRule(String arn, String region) {
    ObjectNode rule = state.listenerRules.get(arn);
    if (rule == null || !region.equals(Json.text(rule, "_region"))) {
      requireRuleOrDefault(arn, region);
      throw new ApiException("OperationNotPermitted", "The default rule of a listener cannot be changed this way;"
          + " use ModifyListener (DefaultActions).");
    }
    return rule;
  }

  private JsonNode modifyRule(JsonNode request, String region) {
    String arn = Requests.required(request, "RuleArn", "ValidationError");
    return state.atomically(() -> {
      requireRule(arn, region);
      ObjectNode rule = state.listenerRules.copyOf(arn);
      if (request.has("Conditions")) {
        rule.set("Conditions", ElbActions.conditions(request.get("Conditions")));
      }
      if (request.has("Actions")) {
        rule.set("Actions", ElbActions.normalize(state, request.get("Actions"), region, "application",
            new HashSet<>()));
      }
      state.listenerRules.put(arn, rule);
      return list("Rules", rule.deepCopy());
    });
  }

  private JsonNode deleteRule(JsonNode request, String region) {
    String arn = Requests.required(request, "RuleArn", "ValidationError");
    return state.atomically(() -> {
      requireRule(arn, region);
      state.listenerRules.remove(arn);
      state.deleteTags(arn);
      return Json.object();
    });
  }

  private JsonNode setRulePriorities(JsonNode request, String region) {
    List<JsonNode> changes = Json.list(request, "RulePriorities");
    return state.atomically(() -> {
      Map<String, ObjectNode> changed = new LinkedHashMap<>();
      for (JsonNode change : changes) {
        String arn = Json.text(change, "RuleArn");
        int priority = change.path("Priority").asInt(0);
        if (!ElbLimit.RULE_PRIORITY.allows(priority)) {
          throw new ApiException("ValidationError", "Priority " + priority + " is out of range: "
              + ElbLimit.RULE_PRIORITY.describe() + ".");
        }
        requireRule(arn, region);
        ObjectNode rule = state.listenerRules.copyOf(arn);
        rule.put("Priority", String.valueOf(priority));
        changed.put(arn, rule);
      }
      Map<String, Set<String>> used = new LinkedHashMap<>();
      for (ObjectNode rule : state.listenerRules.values()) {
        ObjectNode effective = changed.getOrDefault(Json.text(rule, "RuleArn"), rule);
        if (!used.computeIfAbsent(Json.text(rule, "_listenerArn"), k -> new HashSet<>())
            .add(Json.text(effective, "Priority"))) {
          throw new ApiException("PriorityInUse", "Priority '" + Json.text(effective, "Priority")
              + "' is currently in use");
        }
      }
      ArrayNode out = Json.array();
      changed.forEach((arn, rule) -> {
        state.listenerRules.put(arn, rule);
        out.add(rule.deepCopy());
      });
      ObjectNode response = Json.object();
      response.set("Rules", out);
      return response;
    });
  }

  private List<ObjectNode> rulesOf(String listenerArn) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode rule : state.listenerRules.values()) {
      if (listenerArn.equals(Json.text(rule, "_listenerArn"))) {
        out.add(rule);
      }
    }
    out.sort(java.util.Comparator.comparingInt(rule -> Integer.parseInt(Json.text(rule, "Priority"))));
    return out;
  }

  // ---- targets --------------------------------------------------------------------------------

  private JsonNode registerTargets(JsonNode request, String region) {
    String arn = Requests.required(request, "TargetGroupArn", "ValidationError");
    List<JsonNode> given = Json.list(request, "Targets");
    if (given.isEmpty()) {
      throw new ApiException("ValidationError", "At least one target must be specified.");
    }
    return state.atomically(() -> {
      ObjectNode tg = requireTargetGroup(arn, region);
      for (JsonNode target : given) {
        TargetRegistry.register(state, tg, TargetRegistry.target(tg, target), null, plane.clock().instant());
      }
      return Json.object();
    });
  }

  private JsonNode deregisterTargets(JsonNode request, String region) {
    String arn = Requests.required(request, "TargetGroupArn", "ValidationError");
    List<JsonNode> given = Json.list(request, "Targets");
    return state.atomically(() -> {
      ObjectNode tg = requireTargetGroup(arn, region);
      for (JsonNode target : given) {
        TargetRegistry.Target t = TargetRegistry.target(tg, target);
        if (!TargetRegistry.deregister(state, tg, t, plane.clock().instant())) {
          throw new ApiException("InvalidTarget", "The target '" + t.id() + ":" + t.port() + "' is not registered"
              + " with target group '" + Json.text(tg, "TargetGroupName") + "'");
        }
      }
      return Json.object();
    });
  }

  private JsonNode describeTargetHealth(JsonNode request, String region) {
    String arn = Requests.required(request, "TargetGroupArn", "ValidationError");
    List<JsonNode> asked = Json.list(request, "Targets");
    return state.atomically(() -> {
      ObjectNode tg = requireTargetGroup(arn, region);
      boolean inUse = !loadBalancersUsing(arn).isEmpty();
      ArrayNode out = Json.array();
      if (asked.isEmpty()) {
        for (ObjectNode target : TargetRegistry.of(state, arn)) {
          out.add(TargetRegistry.describe(tg, target, inUse));
        }
      } else {
        for (JsonNode given : asked) {
          TargetRegistry.Target t = TargetRegistry.target(tg, given);
          ObjectNode target = state.targets.get(TargetRegistry.key(arn, t));
          out.add(target == null ? TargetRegistry.notRegistered(tg, t) : TargetRegistry.describe(tg, target, inUse));
        }
      }
      ObjectNode response = Json.object();
      response.set("TargetHealthDescriptions", out);
      return response;
    });
  }

  // ---- tags -----------------------------------------------------------------------------------

  private JsonNode addTags(JsonNode request, String region) {
    List<String> arns = Json.strings(request, "ResourceArns");
    List<Tag> tags = tags(request.get("Tags"));
    return state.atomically(() -> {
      for (String arn : arns) {
        requireResource(arn, region);
        Set<String> keys = new HashSet<>();
        state.tags(arn).forEach(tag -> keys.add(tag.key()));
        tags.forEach(tag -> keys.add(tag.key()));
        if (keys.size() > 50) {
          throw new ApiException("TooManyTags", "The quota for the number of tags that can be assigned to a load"
              + " balancing resource has been reached (50)");
        }
        state.putTags(arn, tags);
      }
      return Json.object();
    });
  }

  private JsonNode removeTags(JsonNode request, String region) {
    List<String> arns = Json.strings(request, "ResourceArns");
    List<String> keys = Json.strings(request, "TagKeys");
    return state.atomically(() -> {
      for (String arn : arns) {
        requireResource(arn, region);
        state.removeTags(arn, keys);
      }
      return Json.object();
    });
  }

  private JsonNode describeTags(JsonNode request, String region) {
    List<String> arns = Json.strings(request, "ResourceArns");
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      ArrayNode descriptions = response.putArray("TagDescriptions");
      for (String arn : arns) {
        requireResource(arn, region);
        ObjectNode description = descriptions.addObject();
        description.put("ResourceArn", arn);
        ArrayNode list = description.putArray("Tags");
        state.tags(arn).forEach(tag -> list.addObject().put("Key", tag.key()).put("Value", tag.value()));
      }
      return response;
    });
  }

  private void requireResource(String arn, String region) {
    if (arn.contains(":loadbalancer/")) {
      requireLoadBalancer(arn, region);
    } else if (arn.contains(":targetgroup/")) {
      requireTargetGroup(arn, region);
    } else if (arn.contains(":listener-rule/")) {
      requireRuleOrDefault(arn, region);
    } else if (arn.contains(":listener/")) {
      requireListener(arn, region);
    } else {
      throw new ApiException("ValidationError", "'" + arn + "' is not the ARN of a load balancer, target group,"
          + " listener or rule.");
    }
  }

  private static List<Tag> tags(JsonNode tags) {
    List<Tag> out = Requests.pascalTags(tags, "ValidationError");
    Set<String> keys = new HashSet<>();
    for (Tag tag : out) {
      if (!keys.add(tag.key())) {
        throw new ApiException("DuplicateTagKeys", "A tag key was specified more than once: '" + tag.key() + "'");
      }
    }
    return out;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static void checkPort(int port, String member) {
    if (!ElbLimit.PORT.allows(port)) {
      throw new ApiException("ValidationError", member + " " + port + " is out of range: " + ElbLimit.PORT.describe()
          + ".");
    }
  }

  private static ObjectNode findByName(List<ObjectNode> all, String field, String name, String region) {
    for (ObjectNode node : all) {
      if (name.equals(Json.text(node, field)) && region.equals(Json.text(node, "_region"))) {
        return node;
      }
    }
    return null;
  }

  private static List<ObjectNode> inRegion(List<ObjectNode> all, String region) {
    return all.stream().filter(node -> region.equals(Json.text(node, "_region"))).toList();
  }

  private static ObjectNode list(String field, ObjectNode element) {
    ObjectNode response = Json.object();
    response.putArray(field).add(element);
    return response;
  }

  static String arn(String region, String resource) {
    return "arn:aws:elasticloadbalancing:" + region + ":" + Arns.ACCOUNT + ":" + resource;
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(plane.clock().instant().truncatedTo(ChronoUnit.MILLIS));
  }

  private static String hex16() {
    return String.format("%016x", RANDOM.nextLong());
  }
}
