package io.ecsl.rules.elb;

import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.HashMap;
import java.util.Map;

/** E1906: the rules of a listener have distinct priorities (CreateRule answers PriorityInUse). */
public final class RulePriorities extends BaseRule {
  public RulePriorities() {
    super("E1906", "The rules of a listener have distinct priorities", "ELBv2 API (CreateRule: PriorityInUse)");
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, Resource> seen = new HashMap<>();
    for (Resource r : ctx.index().ofKind(ResourceKind.LISTENER_RULE)) {
      String listener = Nodes.text(r.primary().body(), "ListenerArn");
      Long priority = Nodes.integer(r.primary().body(), "Priority");
      if (listener == null || priority == null) {
        continue;
      }
      Resource first = seen.putIfAbsent(listener + "|" + priority, r);
      if (first != null) {
        ctx.report(r, r.primary(), "/Priority", "two rules of listener " + r.name().substring(0, r.name().lastIndexOf(':'))
            + " have priority " + priority, "give each rule its own priority (lower numbers are evaluated first)",
            first.span(), "the first rule with priority " + priority);
      }
    }
  }
}
