package io.ecsl.rules.schedule;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.facts.schedule.ScheduleSyntax;

/** E1504: {@code rate(value unit)} has a positive whole value and a unit, singular exactly when the value is 1. */
public final class RateExpression extends ScheduleRule {
  public RateExpression() {
    super("E1504", "Rate is `rate(N unit)` with N ≥ 1 and the unit singular only for 1", "EventBridge API (rate expressions)");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, String expression) {
    String problem = ScheduleSyntax.rateProblem(expression);
    if (problem != null) {
      ctx.report(r, req, "/ScheduleExpression", "`" + expression + "` " + problem,
          "write e.g. `rate(1 hour)` or `rate(15 minutes)`; in .ecs `rate(15m)` writes it for you");
    }
  }
}
