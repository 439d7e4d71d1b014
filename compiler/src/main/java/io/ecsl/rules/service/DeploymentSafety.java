package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1207: deployment alarms name at least one alarm when enabled, and a circuit breaker threshold
 * is a positive value.
 */
public final class DeploymentSafety extends ServiceRule {
  public DeploymentSafety() {
    super("E1207", "Enabled deployment alarms name an alarm; circuit breaker thresholds are positive", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    JsonNode alarms = Nodes.object(config, "alarms");
    if (alarms != null && Boolean.TRUE.equals(Nodes.bool(alarms, "enable")) && Nodes.strings(alarms, "alarmNames").isEmpty()) {
      s.report(ctx, "/deploymentConfiguration/alarms", "deployment alarms of " + s.label() + " are enabled but name no alarm",
          "add `alarm_names = [\"web-5xx\"]`");
    }
    JsonNode threshold = Nodes.object(Nodes.object(config, "deploymentCircuitBreaker"), "thresholdConfiguration");
    Long value = Nodes.integer(threshold, "value");
    if (value != null && value <= 0) {
      s.report(ctx, "/deploymentConfiguration/deploymentCircuitBreaker/thresholdConfiguration/value",
          "the circuit breaker threshold of " + s.label() + " must be positive; you set " + value,
          "use e.g. `value = 3` with `type = COUNT`");
    }
  }
}
