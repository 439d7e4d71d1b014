package io.ecsl.rules.capacity;

import io.ecsl.facts.capacity.StrategyRefusal;
import io.ecsl.rules.RuleContext;

/** E1303: at most one capacity provider of a strategy has a base. */
public final class StrategyBase extends StrategyRule {
  public StrategyBase() {
    super("E1303", "At most one capacity provider in a strategy has a base", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    for (StrategyRefusal r : site.refusals(StrategyRefusal.Reason.SECOND_BASE)) {
      site.report(ctx, "/" + r.index() + "/base", "in " + site.owner() + " both `" + r.firstBase() + "` and `" + r.provider()
          + "` have a base; only one capacity provider may have one", "keep `base` on the provider that must always run the first tasks");
    }
  }
}
