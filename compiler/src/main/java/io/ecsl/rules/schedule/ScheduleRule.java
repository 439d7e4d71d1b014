package io.ecsl.rules.schedule;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * A rule about the schedule expression of each EventBridge rule ({@code PutRule}) and EventBridge
 * Scheduler schedule ({@code CreateSchedule}).
 */
abstract class ScheduleRule extends BaseRule {
  ScheduleRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (Resource r : ctx.index().schedules()) {
      for (ApiRequest req : r.requests()) {
        String expression = Nodes.text(req.body(), "ScheduleExpression");
        if ((req.operation().equals("PutRule") || isScheduler(req)) && expression != null) {
          check(ctx, r, req, expression);
        }
      }
    }
  }

  abstract void check(RuleContext ctx, Resource r, ApiRequest req, String expression);

  /** An EventBridge Scheduler schedule, which also takes {@code at(…)} and a time zone. */
  static boolean isScheduler(ApiRequest req) {
    return req.operation().equals("CreateSchedule");
  }

  static String example() {
    return "e.g. `cron(0 3 * * ? *)` (daily at 03:00 UTC) or `rate(5 minutes)`";
  }
}
