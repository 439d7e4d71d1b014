package io.ecsl.rules.schedule;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.facts.schedule.InvalidScheduleException;
import io.ecsl.facts.schedule.Schedule;
import io.ecsl.facts.schedule.ScheduleSyntax;
import java.time.ZoneOffset;

/**
 * E1501: an EventBridge rule's schedule is {@code cron(…)} or {@code rate(…)}; an EventBridge
 * Scheduler schedule may also be a one-time {@code at(…)}.
 */
public final class ExpressionForm extends ScheduleRule {
  public ExpressionForm() {
    super("E1501", "A schedule expression is `cron(…)` or `rate(…)` (or `at(…)` with `via = scheduler`)",
        "EventBridge API; EventBridge Scheduler API");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, String expression) {
    boolean scheduler = ScheduleRule.isScheduler(req);
    switch (ScheduleSyntax.form(expression)) {
      case AT -> {
        if (scheduler) {
          String problem = atProblem(expression);
          if (problem != null) {
            ctx.report(r, req, "/ScheduleExpression", "`" + expression + "` " + problem,
                "write the local date and time in the schedule's `timezone`, e.g. `at(\"2026-12-24T18:00:00\")`");
          }
        } else {
          ctx.report(r, req, "/ScheduleExpression", "`" + expression + "` is a one-time schedule, which EventBridge "
              + "rules do not support", "add `via = scheduler` (EventBridge Scheduler runs one-time schedules), or use a"
              + " `cron(…)` expression for the date, e.g. `cron(0 9 15 6 ? 2026)`");
        }
      }
      case OTHER -> ctx.report(r, req, "/ScheduleExpression", "schedule expression `" + expression + "` is not `cron(…)` or `rate(…)`"
          + (scheduler ? " or `at(…)`" : ""), ScheduleRule.example());
      default -> { }
    }
  }

  /** What is wrong with a one-time expression, or null: Scheduler takes {@code at(yyyy-mm-ddThh:mm:ss)}. */
  private static String atProblem(String expression) {
    try {
      Schedule.parse(expression, ZoneOffset.UTC, true);
      return null;
    } catch (InvalidScheduleException e) {
      return "is not a one-time schedule EventBridge Scheduler reads: it takes `at(yyyy-mm-ddThh:mm:ss)`, a local date"
          + " and time";
    }
  }
}
