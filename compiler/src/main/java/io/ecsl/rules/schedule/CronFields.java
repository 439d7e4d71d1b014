package io.ecsl.rules.schedule;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.facts.schedule.ScheduleSyntax;

/**
 * E1502: a cron expression has the six fields minutes, hours, day-of-month, month, day-of-week
 * and year, each within its range and using only the wildcards that field allows.
 */
public final class CronFields extends ScheduleRule {
  public CronFields() {
    super("E1502", "Cron has 6 fields, each in range with the wildcards that field allows", "EventBridge API (cron expressions)");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, String expression) {
    if (ScheduleSyntax.form(expression) != ScheduleSyntax.Form.CRON) {
      return;
    }
    String problem = ScheduleSyntax.cronFieldProblem(expression);
    if (problem != null) {
      String[] fields = ScheduleSyntax.cronFields(expression);
      String hint = fields.length == 5
          ? "EventBridge cron has no seconds but a year: write `cron(" + String.join(" ", fields).replaceFirst("\\*$", "?") + " *)`"
          : ScheduleRule.example();
      ctx.report(r, req, "/ScheduleExpression", "`" + expression + "` " + (problem.startsWith("has ") ? problem
          : "is not valid: " + problem), hint);
    }
  }
}
