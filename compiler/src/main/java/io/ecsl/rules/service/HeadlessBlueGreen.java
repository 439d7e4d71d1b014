package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.DeploymentStrategy;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * W1203: a BLUE_GREEN service with no load balancer, Service Connect, service discovery or VPC
 * Lattice is "headless": ECS replaces the blue tasks with green ones but shifts no traffic, so
 * nothing tests the new revision before it serves (developer guide,
 * blue-green-deployment-implementation).
 */
public final class HeadlessBlueGreen extends ServiceRule {
  public HeadlessBlueGreen() {
    super("W1203", "A BLUE_GREEN service without a load balancer or Service Connect gets no managed traffic shifting",
        "developer guide: blue-green-deployment-implementation");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    if (DeploymentStrategy.of(Nodes.text(config, "strategy")) != DeploymentStrategy.BLUE_GREEN || !s.controller().equals("ECS")) {
      return;
    }
    boolean routed = Nodes.size(s.body(), "loadBalancers") > 0 || StrategyTraffic.serviceConnect(s)
        || Nodes.size(s.body(), "serviceRegistries") > 0 || Nodes.size(s.body(), "vpcLatticeConfigurations") > 0;
    if (!routed) {
      s.report(ctx, "/deploymentConfiguration/strategy", s.label() + " deploys BLUE_GREEN without a load balancer or Service "
          + "Connect: ECS starts the new revision and stops the old one, but shifts and tests no traffic",
          "add a load balancer with `alternate_target_group`, or Service Connect; or use the default rolling strategy");
    }
  }
}
