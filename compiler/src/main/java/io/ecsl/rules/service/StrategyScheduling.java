package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1225: BLUE_GREEN, LINEAR and CANARY start the new revision at the full desired count beside
 * the old one, so they need a REPLICA service (a DAEMON service has no desired count and one task
 * per instance), and they shift load-balanced traffic, which EXTERNAL (ECS Anywhere) tasks cannot
 * receive.
 */
public final class StrategyScheduling extends ServiceRule {
  public StrategyScheduling() {
    super("E1225", "BLUE_GREEN/LINEAR/CANARY need a REPLICA service and a launch type other than EXTERNAL",
        "ECS API; integrations §1.3");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    DeploymentStrategy strategy = DeploymentStrategy.of(Nodes.text(config, "strategy"));
    if (strategy == null || !strategy.shiftsTraffic()) {
      return;
    }
    if (s.daemon()) {
      s.report(ctx, "/deploymentConfiguration/strategy", strategy.name() + " deployments start the new revision at the desired "
          + "count beside the old one, and " + s.label() + " is a DAEMON service (one task per instance)",
          "DAEMON services deploy ROLLING: remove the strategy");
    }
    if (s.launch() == Launch.EXTERNAL) {
      s.report(ctx, "/deploymentConfiguration/strategy", strategy.name() + " deployments shift load-balanced traffic, and "
          + s.label() + " runs EXTERNAL (ECS Anywhere) tasks, which load balancers do not reach", "remove the strategy");
    }
  }
}
