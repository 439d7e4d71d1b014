package io.ecsl.rules.capacity;

import io.ecsl.facts.capacity.StrategyRefusal;
import io.ecsl.rules.RuleContext;

/** E1305: a capacity provider appears once in a strategy. */
public final class StrategyDuplicate extends StrategyRule {
  public StrategyDuplicate() {
    super("E1305", "A capacity provider appears once in a strategy", "ecsl judgement (the API does not define duplicates)");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    for (StrategyRefusal r : site.refusals(StrategyRefusal.Reason.DUPLICATE_PROVIDER)) {
      site.report(ctx, "/" + r.index(), "`" + r.provider() + "` appears twice in " + site.owner(), "list each capacity provider once");
    }
  }
}
