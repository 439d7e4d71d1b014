package io.ecsl.rules.elb;

import io.ecsl.facts.elb.ElbName;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/** E1901: load balancer and target group names: ≤ 32 letters, digits and hyphens, no hyphen at either end. */
public final class ElbNames extends BaseRule {
  public ElbNames() {
    super("E1901", "Load balancer and target group names: ≤ 32 letters, digits, hyphens; no hyphen at either end",
        "ELBv2 API (CreateLoadBalancer, CreateTargetGroup)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ResourceKind kind : new ResourceKind[] {ResourceKind.TARGET_GROUP, ResourceKind.LOAD_BALANCER}) {
      for (Resource r : ctx.index().ofKind(kind)) {
        String name = Nodes.text(r.primary().body(), "Name");
        String problem = name == null ? null : ElbName.problem(name, kind == ResourceKind.LOAD_BALANCER);
        if (problem != null) {
          ctx.report(r, "/Name", kind.word() + " name `" + name + "` " + problem,
              "write `name = \"" + suggestion(name) + "\"` (the label can stay)");
        }
      }
    }
  }

  /** The name with what ELB refuses replaced: {@code web_green} → {@code web-green}. */
  static String suggestion(String name) {
    String s = name.replaceAll("[^A-Za-z0-9-]", "-").replaceAll("^-+|-+$", "").replaceFirst("^internal-", "");
    return s.length() > 32 ? s.substring(0, 32).replaceAll("-+$", "") : s.isEmpty() ? "web" : s;
  }
}
