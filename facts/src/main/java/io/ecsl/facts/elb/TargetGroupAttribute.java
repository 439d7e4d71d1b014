package io.ecsl.facts.elb;

import java.util.List;
import java.util.Set;

/**
 * The target group attributes ECS users set (ecs-runtime-integrations §2.3, ELBv2 API
 * {@code TargetGroupAttribute.Key}): their keys, what values they take, their defaults and which
 * load balancers they apply to. Keys not listed here pass unchecked (AWS adds attributes over time).
 */
public enum TargetGroupAttribute {
  DEREGISTRATION_DELAY("deregistration_delay.timeout_seconds", new AttributeValue.Range(0, 3600, "seconds", false),
      "300", "300", all()),
  SLOW_START("slow_start.duration_seconds", new AttributeValue.Range(30, 900, "seconds", true), "0", null, alb()),
  ALGORITHM("load_balancing.algorithm.type",
      new AttributeValue.Choice(List.of("round_robin", "least_outstanding_requests", "weighted_random")), "round_robin", null,
      alb()),
  ANOMALY_MITIGATION("load_balancing.algorithm.anomaly_mitigation", new AttributeValue.Choice(List.of("on", "off")), "off",
      null, alb()),
  STICKINESS_ENABLED("stickiness.enabled", new AttributeValue.Bool(), "false", "false", all()),
  STICKINESS_TYPE("stickiness.type", new AttributeValue.Choice(List.of("lb_cookie", "app_cookie", "source_ip",
      "source_ip_dest_ip", "source_ip_dest_ip_proto")), "lb_cookie", "source_ip", all()),
  LB_COOKIE_DURATION("stickiness.lb_cookie.duration_seconds", new AttributeValue.Range(1, 604_800, "seconds", false), "86400",
      null, alb()),
  APP_COOKIE_DURATION("stickiness.app_cookie.duration_seconds", new AttributeValue.Range(1, 604_800, "seconds", false),
      "86400", null, alb()),
  APP_COOKIE_NAME("stickiness.app_cookie.cookie_name", new AttributeValue.Text(), null, null, alb()),
  CROSS_ZONE("load_balancing.cross_zone.enabled",
      new AttributeValue.Choice(List.of("true", "false", "use_load_balancer_configuration")), "use_load_balancer_configuration",
      "use_load_balancer_configuration", all()),
  MINIMUM_HEALTHY_TARGETS("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count",
      new AttributeValue.Range(1, 1_000_000, "targets", false), "1", "1", all()),
  CONNECTION_TERMINATION("deregistration_delay.connection_termination.enabled", new AttributeValue.Bool(), null, "false",
      nlb()),
  PROXY_PROTOCOL_V2("proxy_protocol_v2.enabled", new AttributeValue.Bool(), null, "false", nlb()),
  PRESERVE_CLIENT_IP("preserve_client_ip.enabled", new AttributeValue.Bool(), null, null, nlb()),
  WAF_FAIL_OPEN("waf.fail_open.enabled", new AttributeValue.Bool(), "false", null, alb());

  private final String key;
  private final AttributeValue value;
  private final String albDefault;
  private final String nlbDefault;
  private final Set<LoadBalancerType> appliesTo;

  TargetGroupAttribute(String key, AttributeValue value, String albDefault, String nlbDefault, Set<LoadBalancerType> appliesTo) {
    this.key = key;
    this.value = value;
    this.albDefault = albDefault;
    this.nlbDefault = nlbDefault;
    this.appliesTo = appliesTo;
  }

  private static Set<LoadBalancerType> all() {
    return Set.of(LoadBalancerType.APPLICATION, LoadBalancerType.NETWORK);
  }

  private static Set<LoadBalancerType> alb() {
    return Set.of(LoadBalancerType.APPLICATION);
  }

  private static Set<LoadBalancerType> nlb() {
    return Set.of(LoadBalancerType.NETWORK);
  }

  /** The key, e.g. {@code deregistration_delay.timeout_seconds}. */
  public String key() {
    return key;
  }

  /** What values it takes. */
  public AttributeValue value() {
    return value;
  }

  /** True when a target group of this load balancer type takes the attribute. */
  public boolean appliesTo(LoadBalancerType type) {
    return appliesTo.contains(type);
  }

  /** The value a new target group of this type has, or null when it depends on more than the type. */
  public String defaultFor(LoadBalancerType type) {
    return type == LoadBalancerType.APPLICATION ? albDefault : type == LoadBalancerType.NETWORK ? nlbDefault : null;
  }

  /** The attribute with this key, or null. */
  public static TargetGroupAttribute of(String key) {
    for (TargetGroupAttribute a : values()) {
      if (a.key.equals(key)) {
        return a;
      }
    }
    return null;
  }
}
