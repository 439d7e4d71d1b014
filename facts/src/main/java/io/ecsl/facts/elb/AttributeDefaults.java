package io.ecsl.facts.elb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Elastic Load Balancing sets an attribute to when nobody sets it (ecs-runtime-integrations
 * §2.3; ELBv2 API {@code TargetGroupAttribute} and {@code LoadBalancerAttribute}), for the
 * attributes the language writes with their own syntax ({@code deregistration_delay},
 * {@code slow_start}, {@code algorithm}, {@code stickiness}, {@code cross_zone},
 * {@code idle_timeout}, {@code deletion_protection}, {@code http2}). A plan puts such an attribute
 * back to this value when its declaration no longer sets it, as removing it means; attributes
 * outside these tables (access logs, WAF fail-open, …) are left as they are.
 */
public final class AttributeDefaults {
  private AttributeDefaults() {}

  /** The defaults of a target group of {@code protocol} (HTTP when null). */
  public static Map<String, String> targetGroup(String protocol) {
    String p = protocol == null ? "HTTP" : protocol;
    boolean http = p.equals("HTTP") || p.equals("HTTPS");
    Map<String, String> out = new LinkedHashMap<>();
    out.put("deregistration_delay.timeout_seconds", "300");
    out.put("stickiness.enabled", "false");
    if (http) {
      out.put("stickiness.type", "lb_cookie");
      out.put("stickiness.lb_cookie.duration_seconds", "86400");
      out.put("slow_start.duration_seconds", "0");
      out.put("load_balancing.algorithm.type", "round_robin");
    } else if (p.equals("TCP") || p.equals("UDP") || p.equals("TCP_UDP")) {
      out.put("stickiness.type", "source_ip");
    }
    out.put("load_balancing.cross_zone.enabled", "use_load_balancer_configuration");
    return out;
  }

  /**
   * The defaults of a load balancer of {@code type} ({@code application} when null). An
   * Application Load Balancer's cross-zone balancing is always on and not an attribute one resets.
   */
  public static Map<String, String> loadBalancer(String type) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("deletion_protection.enabled", "false");
    if (type == null || type.equals("application")) {
      out.put("idle_timeout.timeout_seconds", "60");
      out.put("routing.http2.enabled", "true");
    } else if (type.equals("network")) {
      out.put("load_balancing.cross_zone.enabled", "false");
    }
    return out;
  }
}
