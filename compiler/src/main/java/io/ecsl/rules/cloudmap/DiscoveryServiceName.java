package io.ecsl.rules.cloudmap;

import io.ecsl.facts.cloudmap.DiscoveryServiceFacts;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/** E1420: a Cloud Map service's name is a DNS name of up to 127 characters (its records are NAME.NAMESPACE). */
public final class DiscoveryServiceName extends BaseRule {
  public DiscoveryServiceName() {
    super("E1420", "Discovery service names: DNS labels of up to 63 characters, 127 in all", "Cloud Map API (ServiceName)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : DeclaredDiscovery.services(ctx)) {
      String name = Nodes.text(r.primary().body(), "Name");
      String problem = name == null ? null : DiscoveryServiceFacts.nameProblem(name);
      if (problem != null) {
        ctx.report(r, "/Name", "discovery service name `" + name + "` " + problem,
            "name it like a host: `api`, `orders-v2`, or `_http._tcp` for SRV-style names");
      }
    }
  }
}
