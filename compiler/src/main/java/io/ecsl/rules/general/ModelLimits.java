package io.ecsl.rules.general;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/**
 * E1801: values are within the limits the AWS API models state: number ranges (a strategy weight
 * 0–1000, a managed scaling target 1–100%), string lengths (a rule name up to 64 characters) and
 * list sizes (50 tags, 6 capacity providers in an EventBridge target).
 */
public final class ModelLimits extends BaseRule {
  public ModelLimits() {
    super("E1801", "Numbers, string lengths and list sizes are within the AWS API model's limits",
        "AWS API models (ECS, EventBridge, Application Auto Scaling, Cloud Map)");
  }

  @Override
  public void check(RuleContext ctx) {
    ModelWalk.report(ctx, code());
  }
}
