package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * W1205: deployment alarms need a bake time to act in. Alarms are watched during the shift and
 * the bake time; with {@code bake = 0m} the old revision is gone the moment traffic has moved, so
 * an alarm that fires afterwards cannot roll back to it.
 *
 * <p>The circuit breaker is no warning here: the model's "only for services using the rolling
 * update (ECS) deployment type" names the deployment controller {@code ECS}, which BLUE_GREEN,
 * LINEAR and CANARY all run under (E1206 refuses them with another controller); the developer
 * guide's deployment failure detection page lists the circuit breaker for blue/green deployments,
 * and the integrations' rollback triggers (§1.6) include it for every staged strategy.
 */
public final class StrategySafety extends ServiceRule {
  public StrategySafety() {
    super("W1205", "BLUE_GREEN/LINEAR/CANARY: deployment alarms that roll back need a bake time to act in",
        "ECS API (DeploymentConfiguration.alarms, bakeTimeInMinutes); integrations §1.6");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    DeploymentStrategy strategy = DeploymentStrategy.of(Nodes.text(config, "strategy"));
    if (strategy == null || !strategy.shiftsTraffic() || !s.controller().equals("ECS")) {
      return;
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
