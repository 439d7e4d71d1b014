package io.ecsl.rules.scaling;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;

/** A rule about one service's Application Auto Scaling at a time. */
abstract class ScalingRule extends BaseRule {
  ScalingRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (ScalingView s : ctx.index().scaling()) {
      check(ctx, s);
    }
  }

  abstract void check(RuleContext ctx, ScalingView s);

  static String label(ScalingView s) {
    return "the autoscaling of service `" + s.resource().name() + "`";
  }
}
