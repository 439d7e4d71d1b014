package io.ecsl.rules.schedule;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.facts.schedule.ScheduleSyntax;

/** E1501: an EventBridge rule's schedule is {@code cron(…)} or {@code rate(…)}. */
public final class ExpressionForm extends ScheduleRule {
  public ExpressionForm() {
    super("E1501", "A schedule expression is `cron(…)` or `rate(…)`", "EventBridge API");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, String expression) {
    switch (ScheduleSyntax.form(expression)) {
      case AT -> ctx.report(r, req, "/ScheduleExpression", "`" + expression + "` is a one-time schedule, which EventBridge "
          + "rules do not support", "use a `cron(…)` expression for the date, e.g. `cron(0 9 15 6 ? 2026)`");
      case OTHER -> ctx.report(r, req, "/ScheduleExpression", "schedule expression `" + expression + "` is not `cron(…)` or `rate(…)`",
          ScheduleRule.example());
      default -> { }
    }
  }
}
