package io.ecsl.rules;

import io.ecsl.diag.Diagnostics;
import io.ecsl.model.EcsModel;
import java.util.List;

/** Runs every rule over a compiled model. The list is the single registry of rules. */
public final class Rules {
  private Rules() {}

  public static List<Rule> all() {
    return List.of();
  }

  public static void check(EcsModel model, Diagnostics diagnostics) {
    for (Rule rule : all()) {
      rule.check(new RuleContext(model, diagnostics, rule));
    }
  }
}
