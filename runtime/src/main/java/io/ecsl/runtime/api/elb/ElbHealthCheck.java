package io.ecsl.runtime.api.elb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.elb.ElbLimit;
import io.ecsl.facts.elb.LoadBalancerType;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.loadbalancing.HttpCodeMatcher;

/** A target group's health check settings checked as ELBv2 checks them (ranges from {@link ElbLimit}). */
final class ElbHealthCheck {
  private ElbHealthCheck() {}

  static void validate(ObjectNode tg, LoadBalancerType family) {
    if (!Json.bool(tg, "HealthCheckEnabled", true)) {
      throw new ApiException("ValidationError", "Health checks cannot be disabled for target groups with target"
          + " type '" + Json.text(tg, "TargetType") + "'; they are always on for instance and ip targets.");
    }
    range(tg, "HealthCheckIntervalSeconds", ElbLimit.HEALTH_CHECK_INTERVAL_SECONDS);
    range(tg, "HealthCheckTimeoutSeconds", ElbLimit.HEALTH_CHECK_TIMEOUT_SECONDS);
    range(tg, "HealthyThresholdCount", ElbLimit.HEALTH_CHECK_THRESHOLD);
    range(tg, "UnhealthyThresholdCount", ElbLimit.HEALTH_CHECK_THRESHOLD);
    int interval = Json.integer(tg, "HealthCheckIntervalSeconds", 30);
    int timeout = Json.integer(tg, "HealthCheckTimeoutSeconds", 5);
    if (timeout >= interval) {
      throw new ApiException("ValidationError", "Health check interval must be greater than the timeout ("
          + interval + " s interval, " + timeout + " s timeout).");
    }
    String protocol = Json.text(tg, "HealthCheckProtocol");
    if (family != null && !family.healthCheckProtocols().contains(protocol)) {
      throw new ApiException("ValidationError", "Health check protocol '" + protocol + "' is not supported for"
          + " target groups of protocol " + Json.text(tg, "Protocol") + "; use one of "
          + family.healthCheckProtocols() + ".");
    }
    String port = Json.text(tg, "HealthCheckPort");
    if (!"traffic-port".equals(port)) {
      try {
        if (!ElbLimit.PORT.allows(Integer.parseInt(port))) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new ApiException("ValidationError", "Health check port '" + port + "' must be traffic-port or a port"
            + " from 1 to 65535.");
      }
    }
    String path = Json.text(tg, "HealthCheckPath");
    if (path != null && (!path.startsWith("/") || !ElbLimit.HEALTH_CHECK_PATH_LENGTH.allows(path.length()))) {
      throw new ApiException("ValidationError", "Health check path '" + path + "' must start with / and be "
          + ElbLimit.HEALTH_CHECK_PATH_LENGTH.describe() + ".");
    }
    String code = tg.path("Matcher").path("HttpCode").asText(null);
    if (code != null) {
      ElbLimit limit = family == LoadBalancerType.NETWORK ? ElbLimit.NLB_HTTP_CODE : ElbLimit.ALB_HTTP_CODE;
      String problem = HttpCodeMatcher.problem(code, (int) limit.min(), (int) limit.max());
      if (problem != null) {
        throw new ApiException("ValidationError", "Health check matcher HttpCode '" + code + "' " + problem + ".");
      }
    }
  }

  private static void range(ObjectNode tg, String field, ElbLimit limit) {
    Integer value = Json.integer(tg, field);
    if (value != null && !limit.allows(value)) {
      throw new ApiException("ValidationError", field + " " + value + " is out of range: " + limit.describe() + ".");
    }
  }
}
