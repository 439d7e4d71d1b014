package io.ecsl.rules.service;

import static io.ecsl.facts.limits.EcsName.SERVICE;

import io.ecsl.rules.Names;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/** E1201: a service name is 1–255 letters, digits, {@code _} or {@code -}. */
public final class ServiceName extends ServiceRule {
  public ServiceName() {
    super("E1201", "Service name is " + SERVICE.describe(), "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    String name = Nodes.text(s.body(), "serviceName");
    if (name != null && !SERVICE.isValid(name)) {
      s.report(ctx, "/serviceName", "service name `" + name + "` " + Names.problem(SERVICE, name),
          Names.hint(SERVICE, "service_name", name));
    }
  }
}
