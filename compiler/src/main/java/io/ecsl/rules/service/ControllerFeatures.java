package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1206: features of the ECS deployment controller (circuit breaker, alarms, deployment strategies,
 * lifecycle hooks) are not used with CODE_DEPLOY or EXTERNAL; those controllers on EC2 take no
 * custom deployment percentages; CODE_DEPLOY needs a load balancer.
 */
public final class ControllerFeatures extends ServiceRule {
  public ControllerFeatures() {
    super("E1206", "Circuit breaker, alarms, strategies and hooks need the ECS controller; CODE_DEPLOY needs a load balancer",
        "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    String controller = s.controller();
    if (controller.equals("ECS")) {
      return;
    }
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    String hint = "remove it, or use the ECS deployment controller";
    for (String feature : new String[] {"deploymentCircuitBreaker", "alarms", "strategy", "lifecycleHooks", "bakeTimeInMinutes",
        "linearConfiguration", "canaryConfiguration"}) {
      if (Nodes.has(config, feature)) {
        s.report(ctx, "/deploymentConfiguration/" + feature, Nodes.name(feature) + " works only with the ECS deployment "
            + "controller, and " + s.label() + " uses " + controller, hint);
      }
    }
    if (s.launch() == Launch.EC2) {
      for (String percent : new String[] {"maximumPercent", "minimumHealthyPercent"}) {
        if (Nodes.has(config, percent)) {
          s.report(ctx, "/deploymentConfiguration/" + percent, "with the " + controller + " controller on EC2, ECS uses the default "
              + Nodes.name(percent) + "; " + s.label() + " cannot set its own", "remove it");
        }
      }
    }
    if (controller.equals("CODE_DEPLOY") && Nodes.size(s.body(), "loadBalancers") == 0) {
      s.report(ctx, "/deploymentController", "CODE_DEPLOY blue/green deployments shift traffic between target groups, so "
          + s.label() + " needs a load balancer", "add `load_balancer { target_group = \"arn:…\", container = app.http }`");
    }
  }
}
