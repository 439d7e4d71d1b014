package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1213: the service {@code role} exists only for registering with a load balancer, and must be
 * omitted where ECS uses its service-linked role (service discovery, the EXTERNAL controller,
 * several target groups).
 */
public final class ServiceRole extends ServiceRule {
  public ServiceRole() {
    super("E1213", "A service `role` is given only with a load balancer and where the service-linked role is not required",
        "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    if (!Nodes.has(s.body(), "role")) {
      return;
    }
    String hint = "remove `role`: ECS uses its service-linked role AWSServiceRoleForECS";
    int lbs = Nodes.size(s.body(), "loadBalancers");
    if (lbs == 0) {
      s.report(ctx, "/role", "`role` of " + s.label() + " is only for registering tasks with a load balancer, and it has none", hint);
    } else if (lbs > 1) {
      s.report(ctx, "/role", s.label() + " uses several target groups, which requires the service-linked role, so it takes no `role`", hint);
    }
    if (Nodes.size(s.body(), "serviceRegistries") > 0) {
      s.report(ctx, "/role", s.label() + " uses service discovery, which requires the service-linked role, so it takes no `role`", hint);
    }
    if (s.controller().equals("EXTERNAL")) {
      s.report(ctx, "/role", s.label() + " uses the EXTERNAL controller, which requires the service-linked role, so it takes no `role`", hint);
    }
  }
}
