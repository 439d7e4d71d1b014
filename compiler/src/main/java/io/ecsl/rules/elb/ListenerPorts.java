package io.ecsl.rules.elb;

import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.HashMap;
import java.util.Map;

/** E1903: a load balancer has one listener per port (CreateListener answers DuplicateListener). */
public final class ListenerPorts extends BaseRule {
  public ListenerPorts() {
    super("E1903", "One listener per port of a load balancer", "ELBv2 API (CreateListener: DuplicateListener)");
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, Resource> seen = new HashMap<>();
    for (Resource r : ctx.index().ofKind(ResourceKind.LISTENER)) {
      String lb = Nodes.text(r.primary().body(), "LoadBalancerArn");
      Long port = Nodes.integer(r.primary().body(), "Port");
      if (lb == null || lb.isEmpty() || port == null) {
        continue;
      }
      Resource first = seen.putIfAbsent(lb + "|" + port, r);
      if (first != null) {
        ctx.report(r, r.primary(), "/Port", "two listeners of load balancer `" + r.name().substring(0, r.name().lastIndexOf(':'))
            + "` listen on port " + port, "give each listener its own port, or put both behaviours in one listener's rules",
            first.span(), "the first listener on port " + port);
      }
    }
  }
}
