package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * W1205: how failure is detected with each strategy. The circuit breaker is documented for
 * rolling updates only ("can only be used for services using the rolling update"); the facts
 * leave open whether BLUE_GREEN, LINEAR and CANARY honour it, so ecsl warns rather than refuses
 * (integrations §1.7). Deployment alarms are watched during the shift and the bake time; with
 * {@code bake = 0m} the old revision is gone the moment traffic has moved, so an alarm that fires
 * afterwards cannot roll back to it.
 */
public final class StrategySafety extends ServiceRule {
  public StrategySafety() {
    super("W1205", "BLUE_GREEN/LINEAR/CANARY detect failure with alarms and a bake time; the circuit breaker is for rolling updates",
        "ECS API (DeploymentConfiguration.deploymentCircuitBreaker); integrations §1.6-§1.7");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    DeploymentStrategy strategy = DeploymentStrategy.of(Nodes.text(config, "strategy"));
    if (strategy == null || !strategy.shiftsTraffic() || !s.controller().equals("ECS")) {
      return;
    }
    JsonNode breaker = Nodes.object(config, "deploymentCircuitBreaker");
    if (breaker != null && Boolean.TRUE.equals(Nodes.bool(breaker, "enable"))) {
      s.report(ctx, "/deploymentConfiguration/deploymentCircuitBreaker", "the circuit breaker is documented for rolling "
          + "updates only, and " + s.label() + " deploys " + strategy.name() + "; it may not stop a failing deployment",
          "use `alarms { alarm_names = [\"…\"], enable = true, rollback = true }` and a bake time to catch a bad revision");
    }
    JsonNode alarms = Nodes.object(config, "alarms");
    Long bake = Nodes.integer(config, "bakeTimeInMinutes");
    if (alarms != null && Boolean.TRUE.equals(Nodes.bool(alarms, "rollback")) && bake != null && bake == 0) {
      s.report(ctx, "/deploymentConfiguration/bakeTimeInMinutes", "deployment alarms of " + s.label() + " roll back during "
          + "the bake time, and it bakes 0 minutes: the old revision stops as soon as traffic has shifted",
          "bake for as long as the alarms need to notice a problem, e.g. `bake = 10m`");
    }
  }
}
