package io.ecsl.rules.general;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/**
 * E1802: every request has the shape the AWS API model gives it: known members of the right JSON
 * type, required members present, enum values from the model's list. The .ecs compiler enforces
 * this while it builds requests; the rule matters for models imported from existing JSON (where
 * e.g. {@code networkMode: "default"} is a common mistake). JSON {@code null} counts as absent.
 */
public final class ModelShape extends BaseRule {
  public ModelShape() {
    super("E1802", "Requests match the AWS API model: known members, JSON types, required members, enum values",
        "AWS API models");
  }

  @Override
  public void check(RuleContext ctx) {
    ModelWalk.report(ctx, code());
  }
}
