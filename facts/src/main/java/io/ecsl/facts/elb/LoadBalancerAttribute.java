package io.ecsl.facts.elb;

import java.util.List;
import java.util.Set;

/**
 * The load balancer attributes ecsl gives first-class syntax to, or checks (ELBv2 API
 * {@code LoadBalancerAttribute.Key}): key, values, defaults, which load balancers take them.
 * Other keys pass unchecked.
 */
public enum LoadBalancerAttribute {
  IDLE_TIMEOUT("idle_timeout.timeout_seconds", new AttributeValue.Range(1, 4000, "seconds", false), "60", null, alb()),
  DELETION_PROTECTION("deletion_protection.enabled", new AttributeValue.Bool(), "false", "false", all()),
  HTTP2("routing.http2.enabled", new AttributeValue.Bool(), "true", null, alb()),
  CROSS_ZONE("load_balancing.cross_zone.enabled", new AttributeValue.Bool(), null, "false", nlb()),
  ACCESS_LOGS("access_logs.s3.enabled", new AttributeValue.Bool(), "false", "false", all()),
  ACCESS_LOGS_BUCKET("access_logs.s3.bucket", new AttributeValue.Text(), null, null, all()),
  ACCESS_LOGS_PREFIX("access_logs.s3.prefix", new AttributeValue.Text(), null, null, all()),
  DROP_INVALID_HEADERS("routing.http.drop_invalid_header_fields.enabled", new AttributeValue.Bool(), "false", null, alb()),
  DESYNC_MITIGATION("routing.http.desync_mitigation_mode",
      new AttributeValue.Choice(List.of("monitor", "defensive", "strictest")), "defensive", null, alb());

  private final String key;
  private final AttributeValue value;
  private final String albDefault;
  private final String nlbDefault;
  private final Set<LoadBalancerType> appliesTo;

  LoadBalancerAttribute(String key, AttributeValue value, String albDefault, String nlbDefault, Set<LoadBalancerType> appliesTo) {
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

  public String key() {
    return key;
  }

  public AttributeValue value() {
    return value;
  }

  public boolean appliesTo(LoadBalancerType type) {
    return appliesTo.contains(type);
  }

  /** The value a new load balancer of this type has, or null when unknown. */
  public String defaultFor(LoadBalancerType type) {
    return type == LoadBalancerType.APPLICATION ? albDefault : type == LoadBalancerType.NETWORK ? nlbDefault : null;
  }

  public static LoadBalancerAttribute of(String key) {
    for (LoadBalancerAttribute a : values()) {
      if (a.key.equals(key)) {
        return a;
      }
    }
    return null;
  }
}
