package io.ecsl.rules.capacity;

import io.ecsl.rules.RuleContext;
import io.ecsl.rules.Strategies;
import java.util.HashSet;
import java.util.Set;

/** E1305: a capacity provider appears once in a strategy. */
public final class StrategyDuplicate extends StrategyRule {
  public StrategyDuplicate() {
    super("E1305", "A capacity provider appears once in a strategy", "ecsl judgement (the API does not define duplicates)");
  }

  @Override
  protected void check(RuleContext ctx, Site site) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < site.items().size(); i++) {
      String provider = Strategies.provider(site.items().get(i));
      if (provider != null && !seen.add(provider)) {
        site.report(ctx, "/" + i, "`" + provider + "` appears twice in " + site.owner(), "list each capacity provider once");
      }
    }
  }
}
