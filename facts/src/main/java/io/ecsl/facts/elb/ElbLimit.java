package io.ecsl.facts.elb;

import io.ecsl.facts.limits.Limit;

/**
 * Elastic Load Balancing's numeric limits: the ranges the ELBv2 API states (health checks, rule
 * priorities, forward weights) and the quotas (listeners per load balancer, rules per listener,
 * target groups per forward action), from ecs-runtime-integrations §2.1–§2.3 and the ELBv2 API
 * reference. Each has a name, so the compiler's rules and the local runtime's checks agree.
 */
public enum ElbLimit implements Limit {
  NAME_LENGTH(1, 32, "characters in a load balancer or target group name", false),
  HEALTH_CHECK_INTERVAL_SECONDS(5, 300, "seconds between health checks", false),
  HEALTH_CHECK_TIMEOUT_SECONDS(2, 120, "seconds a health check may take", false),
  HEALTH_CHECK_THRESHOLD(2, 10, "consecutive health check results", false),
  HEALTH_CHECK_PATH_LENGTH(1, 1024, "characters in a health check path", false),
  /** ALB matchers take 200–499; NLB matchers 200–599; gRPC codes 0–99. */
  ALB_HTTP_CODE(200, 499, "HTTP codes an Application Load Balancer health check accepts", false),
  NLB_HTTP_CODE(200, 599, "HTTP codes a Network Load Balancer health check accepts", false),
  GRPC_CODE(0, 99, "gRPC codes a health check accepts", false),
  PORT(1, 65535, "port", false),
  RULE_PRIORITY(1, 50_000, "listener rule priority", false),
  RULES_PER_LISTENER(0, 100, "rules per listener, the default rule not counted", true),
  LISTENERS_PER_LOAD_BALANCER(0, 50, "listeners per load balancer", true),
  TARGET_GROUPS_PER_FORWARD_ACTION(1, 5, "target groups per forward action", false),
  FORWARD_WEIGHT(0, 999, "target group weight in a forward action", false),
  CONDITION_VALUES_PER_RULE(0, 5, "condition values per rule", true),
  FIXED_RESPONSE_BODY_LENGTH(0, 1024, "characters in a fixed response body", false),
  DEREGISTRATION_DELAY_SECONDS(0, 3600, "seconds of deregistration delay", false),
  /** 0 turns slow start off. */
  SLOW_START_SECONDS(30, 900, "seconds of slow start", false),
  STICKINESS_SECONDS(1, 604_800, "seconds a stickiness cookie lasts", false),
  ALB_IDLE_TIMEOUT_SECONDS(1, 4000, "seconds of Application Load Balancer idle timeout", false),
  /** Weighted forwarding's own stickiness ({@code TargetGroupStickinessConfig.DurationSeconds}). */
  FORWARD_STICKINESS_SECONDS(1, 604_800, "seconds of target group stickiness in a forward action", false);

  private final Range range;

  ElbLimit(long min, long max, String counts, boolean adjustable) {
    this.range = new Range(min, max, counts, adjustable);
  }

  @Override
  public Range range() {
    return range;
  }
}
