package io.ecsl.rules.cluster;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.RuleContext;

/** A rule that looks at one cluster at a time. */
abstract class ClusterRule extends BaseRule {
  ClusterRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (ClusterView c : ctx.index().clusters()) {
      check(ctx, c);
    }
  }

  abstract void check(RuleContext ctx, ClusterView cluster);

  static void report(RuleContext ctx, ClusterView c, String pointer, String message, String hint) {
    ctx.report(c.resource(), c.request(), pointer, message, hint);
  }
}
