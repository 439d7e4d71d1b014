package io.ecsl.runtime.api.elb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.elb.ElbLimit;
import io.ecsl.runtime.api.ApiException;
import java.util.Set;

/** The values ELBv2 accepts for the attributes the runtime acts on (§2.3), and their combinations. */
final class ElbAttributes {
  private ElbAttributes() {}

  static void check(String key, String value) {
    switch (key) {
      case "deregistration_delay.timeout_seconds" -> range(key, value, ElbLimit.DEREGISTRATION_DELAY_SECONDS, false);
      case "slow_start.duration_seconds" -> range(key, value, ElbLimit.SLOW_START_SECONDS, true);
      case "stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.duration_seconds" ->
          range(key, value, ElbLimit.STICKINESS_SECONDS, false);
      case "idle_timeout.timeout_seconds" -> range(key, value, ElbLimit.ALB_IDLE_TIMEOUT_SECONDS, false);
      case "load_balancing.algorithm.type" -> oneOf(key, value, Set.of("round_robin", "least_outstanding_requests",
          "weighted_random"));
      case "stickiness.type" -> oneOf(key, value, Set.of("lb_cookie", "app_cookie", "source_ip"));
      case "load_balancing.algorithm.anomaly_mitigation" -> oneOf(key, value, Set.of("on", "off"));
      default -> {
        if (key.endsWith(".enabled") && !key.startsWith("load_balancing.cross_zone")) {
          oneOf(key, value, Set.of("true", "false"));
        }
      }
    }
  }

  /** Slow start and least outstanding requests cannot be combined (ALB guide). */
  static void checkCombination(ObjectNode tg) {
    if ("least_outstanding_requests".equals(ElbApi.attribute(tg, "load_balancing.algorithm.type"))
        && !"0".equals(ElbApi.attribute(tg, "slow_start.duration_seconds"))) {
      throw new ApiException("InvalidConfigurationRequest", "Slow start mode and the least outstanding requests"
          + " algorithm cannot be enabled on the same target group");
    }
  }

  private static void range(String key, String value, ElbLimit limit, boolean zeroTurnsOff) {
    try {
      long number = Long.parseLong(value);
      if ((zeroTurnsOff && number == 0) || limit.allows(number)) {
        return;
      }
    } catch (NumberFormatException e) {
      // falls through to the error
    }
    throw new ApiException("ValidationError", "'" + value + "' is not a valid value for " + key + ": "
        + limit.describe() + (zeroTurnsOff ? " (0 turns it off)" : "") + ".");
  }

  private static void oneOf(String key, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw new ApiException("ValidationError", "'" + value + "' is not a valid value for " + key + ": one of "
          + new java.util.TreeSet<>(allowed) + ".");
    }
  }
}
