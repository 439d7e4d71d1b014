package io.ecsl.rules.capacity;

import io.ecsl.facts.capacity.StrategyRefusal;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.rules.RuleContext;

/** E1307: a strategy has at most 20 capacity providers (6 for an EventBridge scheduled task). */
public final class StrategySize extends StrategyRule {
  private static final EcsLimit ECS = EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY;

  public StrategySize() {
    super("E1307", "A strategy has at most " + ECS.max() + " capacity providers ("
        + EcsLimit.CAPACITY_PROVIDERS_PER_EVENTBRIDGE_STRATEGY.max() + " in EventBridge targets)", "ECS API; EventBridge API");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    // EventBridge's own model says 6; the generic model-limit rule (E1801) reports that one.
    if (site.max() != ECS.max()) {
      return;
    }
    for (StrategyRefusal r : site.refusals(StrategyRefusal.Reason.TOO_MANY_PROVIDERS)) {
      site.report(ctx, "/" + r.index(), site.owner() + " lists " + site.items().size() + " capacity providers; ECS allows "
          + ECS.max(), "keep at most " + ECS.max());
    }
  }
}
