package io.ecsl.facts.elb;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of Elastic Load Balancing v2 load balancer and the protocols each takes
 * (ecs-runtime-integrations §2.1; ELBv2 API {@code CreateListener}, {@code CreateTargetGroup}):
 * an Application Load Balancer speaks HTTP and HTTPS, a Network Load Balancer TCP, TLS, UDP,
 * TCP_UDP and QUIC, a Gateway Load Balancer GENEVE.
 */
public enum LoadBalancerType {
  APPLICATION("application", List.of("HTTP", "HTTPS"), List.of("HTTP", "HTTPS")),
  NETWORK("network", List.of("TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"), List.of("TCP", "HTTP", "HTTPS")),
  GATEWAY("gateway", List.of("GENEVE"), List.of("TCP", "HTTP", "HTTPS"));

  private final String id;
  private final List<String> protocols;
  private final List<String> healthCheckProtocols;

  LoadBalancerType(String id, List<String> protocols, List<String> healthCheckProtocols) {
    this.id = id;
    this.protocols = protocols;
    this.healthCheckProtocols = healthCheckProtocols;
  }

  /** The API's value: {@code application}, {@code network}, {@code gateway}. */
  public String id() {
    return id;
  }

  /** "Application Load Balancer". */
  public String word() {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1) + " Load Balancer";
  }

  /** The protocols its listeners and target groups take. */
  public List<String> protocols() {
    return protocols;
  }

  /** The health check protocols of its target groups. */
  public List<String> healthCheckProtocols() {
    return healthCheckProtocols;
  }

  /** The type of a load balancer as the API names it; {@code application} when unset (the API's default). */
  public static LoadBalancerType of(String type) {
    if (type == null) {
      return APPLICATION;
    }
    for (LoadBalancerType t : values()) {
      if (t.id.equals(type.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    return null;
  }

  /** The type whose listeners and target groups speak {@code protocol}, or null. */
  public static LoadBalancerType forProtocol(String protocol) {
    for (LoadBalancerType t : values()) {
      if (protocol != null && t.protocols.contains(protocol)) {
        return t;
      }
    }
    return null;
  }
}
