package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1224: lifecycle hooks run at the stages of a BLUE_GREEN, LINEAR or CANARY deployment (scale up,
 * test traffic, production traffic, bake); a ROLLING deployment passes none of them, so hooks
 * on it would never run.
 */
public final class HookStrategy extends ServiceRule {
  public HookStrategy() {
    super("E1224", "Lifecycle hooks need a BLUE_GREEN, LINEAR or CANARY deployment", "ECS API (DeploymentLifecycleHook stages)");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    DeploymentStrategy strategy = DeploymentStrategy.of(Nodes.text(config, "strategy"));
    if (strategy == DeploymentStrategy.ROLLING && Nodes.size(config, "lifecycleHooks") > 0 && s.controller().equals("ECS")) {
      s.report(ctx, "/deploymentConfiguration/lifecycleHooks", "lifecycle hooks of " + s.label() + " run at the stages of a "
          + "blue/green, linear or canary deployment, and it deploys ROLLING", "set `strategy = blue_green(bake = …)`, "
          + "`linear(…)` or `canary(…)`, or remove the hooks");
    }
  }
}
