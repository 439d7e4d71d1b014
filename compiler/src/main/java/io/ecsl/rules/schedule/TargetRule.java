package io.ecsl.rules.schedule;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;

/** A rule about each ECS target of each schedule. */
abstract class TargetRule extends BaseRule {
  TargetRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (ScheduleTargetView t : ctx.index().scheduleTargets()) {
      check(ctx, t);
    }
  }

  abstract void check(RuleContext ctx, ScheduleTargetView t);

  static String label(ScheduleTargetView t) {
    return "schedule `" + t.resource().name() + "`";
  }
}
