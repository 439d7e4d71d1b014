package io.ecsl.rules.schedule;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.facts.schedule.ScheduleSyntax;

/**
 * E1503: in a cron expression exactly one of day-of-month and day-of-week is {@code ?}, and
 * {@code #} stands alone in day-of-week.
 */
public final class CronDays extends ScheduleRule {
  public CronDays() {
    super("E1503", "Cron: exactly one of day-of-month and day-of-week is `?`", "EventBridge API (cron expressions)");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, String expression) {
    if (ScheduleSyntax.form(expression) != ScheduleSyntax.Form.CRON
        || ScheduleSyntax.cronFieldProblem(expression) != null) {
      return;
    }
    String problem = ScheduleSyntax.cronDayProblem(expression);
    if (problem != null) {
      String[] f = ScheduleSyntax.cronFields(expression);
      String hint = problem.contains("both day-of-month (")
          ? "write `cron(" + f[0] + " " + f[1] + " " + (f[2].equals("*") ? "?" : f[2]) + " " + f[3] + " "
              + (f[2].equals("*") ? f[4] : "?") + " " + f[5] + ")`"
          : problem.contains("`?` in both") ? "put `*` in day-of-month to run every day: `cron(" + f[0] + " " + f[1] + " * " + f[3]
              + " ? " + f[5] + ")`" : "write one `weekday#n`, e.g. `3#2`";
      ctx.report(r, req, "/ScheduleExpression", "`" + expression + "` " + problem, hint);
    }
  }
}
