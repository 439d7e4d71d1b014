package io.ecsl.rules.capacity;

import io.ecsl.rules.RuleContext;

/** E1307: a strategy has at most 20 capacity providers (6 for an EventBridge scheduled task). */
public final class StrategySize extends StrategyRule {
  public StrategySize() {
    super("E1307", "A strategy has at most 20 capacity providers (6 in EventBridge targets)", "ECS API; EventBridge API");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    // EventBridge's own model says 6; the generic model-limit rule (E1801) reports that one.
    if (site.max() == 20 && site.items().size() > 20) {
      site.report(ctx, "/20", site.owner() + " lists " + site.items().size() + " capacity providers; ECS allows 20",
          "keep at most 20");
    }
  }
}
