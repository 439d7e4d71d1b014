package io.ecsl.rules.capacity;

import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;

/** E1303: at most one capacity provider of a strategy has a base. */
public final class StrategyBase extends StrategyRule {
  public StrategyBase() {
    super("E1303", "At most one capacity provider in a strategy has a base", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    String first = null;
    for (int i = 0; i < site.items().size(); i++) {
      if (Strategies.base(site.items().get(i)) > 0) {
        String provider = Strategies.provider(site.items().get(i));
        if (first == null) {
          first = provider;
        } else {
          site.report(ctx, "/" + i + "/base", "in " + site.owner() + " both `" + first + "` and `" + provider
              + "` have a base; only one capacity provider may have one", "keep `base` on the provider that must always run the first tasks");
        }
      }
    }
  }
}
