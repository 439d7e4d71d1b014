package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1223: a BLUE_GREEN, LINEAR or CANARY deployment has what it shifts traffic with. Each load
 * balancer of the service names the alternate target group the new revision registers in, the
 * production listener rule ECS re-weights and the role that lets ECS do so (the test listener
 * rule is optional); the alternate differs from the primary, the test rule from the production
 * rule. LINEAR and CANARY move percentages of traffic, so a service with neither a load balancer
 * nor Service Connect cannot use them.
 */
public final class StrategyTraffic extends ServiceRule {
  public StrategyTraffic() {
    super("E1223", "BLUE_GREEN/LINEAR/CANARY: each load balancer has an alternate target group, a production listener "
        + "rule and a role; LINEAR/CANARY need a load balancer or Service Connect",
        "ECS API; developer guide: blue-green-deployment-implementation, alb-resources-for-blue-green");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    DeploymentStrategy strategy = DeploymentStrategy.of(Nodes.text(config, "strategy"));
    if (strategy == null || !strategy.shiftsTraffic() || !s.controller().equals("ECS")) {
      return;
    }
    List<JsonNode> lbs = Nodes.list(s.body(), "loadBalancers");
    if (lbs.isEmpty() && strategy.shiftsByPercent() && !serviceConnect(s)) {
      s.report(ctx, "/deploymentConfiguration/strategy", strategy.name() + " deployments move a percentage of traffic, and "
          + s.label() + " has no load balancer and no Service Connect to move it with",
          "add a `load_balancer { … }` with `alternate_target_group`, `production_listener_rule` and `role`, or "
              + "`service_connect { … }`; or use `strategy = blue_green(bake = …)`");
    }
    for (int i = 0; i < lbs.size(); i++) {
      JsonNode lb = lbs.get(i);
      String at = "/loadBalancers/" + i;
      JsonNode advanced = Nodes.object(lb, "advancedConfiguration");
      if (advanced == null) {
        s.report(ctx, at, strategy.name() + " deployments of " + s.label() + " shift traffic between two target groups, and "
            + "this load balancer names only one", "add `alternate_target_group = \"arn:…:targetgroup/…\"`, "
            + "`production_listener_rule = \"arn:…:listener-rule/…\"` and `role = \"arn:aws:iam::…:role/…\"` to it");
        continue;
      }
      String[][] required = {
          {"alternateTargetGroupArn", "alternate_target_group", "the target group the new revision's tasks register in"},
          {"productionListenerRule", "production_listener_rule", "the listener rule (ALB) or listener (NLB) whose traffic ECS shifts"},
          {"roleArn", "role", "the role ECS uses to change the listener rule"}};
      for (String[] r : required) {
        if (Nodes.text(advanced, r[0]) == null) {
          s.report(ctx, at + "/advancedConfiguration", "a load balancer of " + s.label() + " deploying " + strategy.name()
              + " needs `" + r[1] + "`: " + r[2], "add `" + r[1] + " = \"arn:…\"` to the load balancer");
        }
      }
      String alternate = Nodes.text(advanced, "alternateTargetGroupArn");
      if (alternate != null && alternate.equals(Nodes.text(lb, "targetGroupArn"))) {
        s.report(ctx, at + "/advancedConfiguration/alternateTargetGroupArn", "the alternate target group of " + s.label()
            + " is its primary target group; the new revision needs a second one", "create a second target group with the "
            + "same protocol, port and target type, and name it here");
      }
      String test = Nodes.text(advanced, "testListenerRule");
      if (test != null && test.equals(Nodes.text(advanced, "productionListenerRule"))) {
        s.report(ctx, at + "/advancedConfiguration/testListenerRule", "the test listener rule of " + s.label()
            + " is its production listener rule, so test traffic would be production traffic",
            "give test traffic its own listener rule (e.g. on port 8443 or matching a header), or remove `test_listener_rule`");
      }
    }
  }

  static boolean serviceConnect(ServiceView s) {
    JsonNode sc = Nodes.object(s.body(), "serviceConnectConfiguration");
    return sc != null && Boolean.TRUE.equals(Nodes.bool(sc, "enabled"));
  }
}
