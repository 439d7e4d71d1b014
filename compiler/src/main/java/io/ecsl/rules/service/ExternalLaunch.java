package io.ecsl.rules.service;

import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1221: services on ECS Anywhere (launch type EXTERNAL) use no load balancers, service discovery,
 * Service Connect or awsvpc networking.
 */
public final class ExternalLaunch extends ServiceRule {
  public ExternalLaunch() {
    super("E1221", "EXTERNAL (ECS Anywhere) services use no load balancer, service discovery, Service Connect or awsvpc",
        "ECS API (ECS Anywhere considerations)");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    if (s.launch() != Launch.EXTERNAL) {
      return;
    }
    String[][] unsupported = {{"loadBalancers", "load balancers"}, {"serviceRegistries", "service discovery"},
        {"serviceConnectConfiguration", "Service Connect"}, {"networkConfiguration", "awsvpc network configuration"}};
    for (String[] u : unsupported) {
      if (Nodes.has(s.body(), u[0]) && !(s.body().get(u[0]).isArray() && s.body().get(u[0]).isEmpty())) {
        s.report(ctx, "/" + u[0], "ECS Anywhere (EXTERNAL) does not support " + u[1] + " (" + s.label() + ")",
            "remove it; put your own load balancer or discovery in front of the external instances");
      }
    }
  }
}
