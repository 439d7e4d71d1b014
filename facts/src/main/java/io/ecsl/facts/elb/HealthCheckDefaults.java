package io.ecsl.facts.elb;

/**
 * What a target group's health check is when CreateTargetGroup leaves it out
 * (ecs-runtime-integrations §2.1; ALB guide {@code target-group-health-checks.md}; what AWS and
 * moto return for instance and ip targets): every 30 s, healthy after 5 passes, unhealthy after 2
 * failures, on the traffic port; HTTP(S) target groups check {@code /} and expect 200. The timeout
 * is 5 s for HTTP(S) target groups and 10 s for the TCP family. (The current API model text says 6 s
 * for HTTP on a Network Load Balancer; the guide and moto say 5: see §9 of the integrations notes.)
 *
 * @param protocol the health check protocol
 * @param intervalSeconds seconds between checks
 * @param timeoutSeconds seconds a check may take
 * @param healthyThreshold passes to become healthy again
 * @param unhealthyThreshold failures to become unhealthy
 * @param path the HTTP path, null for TCP checks
 * @param port {@code traffic-port} or a port number
 * @param httpCode the matcher, null for TCP checks
 */
public record HealthCheckDefaults(String protocol, int intervalSeconds, int timeoutSeconds, int healthyThreshold,
    int unhealthyThreshold, String path, String port, String httpCode) {

  public static final String TRAFFIC_PORT = "traffic-port";

  /** The defaults of a target group of {@code protocol} (HTTP when null) with ip or instance targets. */
  public static HealthCheckDefaults forTargetGroup(String protocol) {
    String p = protocol == null ? "HTTP" : protocol;
    boolean http = p.equals("HTTP") || p.equals("HTTPS");
    String checkProtocol = http ? p : "TCP";
    return new HealthCheckDefaults(checkProtocol, 30, http ? 5 : 10, 5, 2, http ? "/" : null, TRAFFIC_PORT,
        http ? "200" : null);
  }

  /** The matcher an HTTP(S) health check of a target group of {@code protocol} expects. */
  public static String httpCode(String protocol, String healthCheckProtocol) {
    boolean alb = protocol == null || protocol.equals("HTTP") || protocol.equals("HTTPS");
    return alb ? "200" : "200-399";
  }
}
