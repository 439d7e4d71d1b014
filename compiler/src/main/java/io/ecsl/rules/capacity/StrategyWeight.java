package io.ecsl.rules.capacity;

import io.ecsl.facts.capacity.StrategyRefusal;
import io.ecsl.rules.RuleContext;

/**
 * E1304: with several capacity providers, at least one has a weight above 0 (the default weight
 * is 0; with all weights 0 CreateService and RunTask fail).
 */
public final class StrategyWeight extends StrategyRule {
  public StrategyWeight() {
    super("E1304", "A strategy with several capacity providers gives at least one a weight above 0", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    if (!site.refusals(StrategyRefusal.Reason.NO_WEIGHT).isEmpty()) {
      site.report(ctx, "", "every capacity provider in " + site.owner() + " has weight 0 (the default), so ECS cannot place tasks "
          + "beyond the base", "give at least one provider a weight: `[FARGATE base 1 weight 1, FARGATE_SPOT weight 3]`");
    }
  }
}
