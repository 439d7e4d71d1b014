package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.schedule.ScheduleSyntax;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * W1502: {@code after_completion = DELETE} on a recurring schedule without an end date. A schedule
 * completes after its last invocation; a rate or cron schedule with no {@code end} never does, so
 * the setting would do nothing.
 */
public final class DeleteAfterCompletion extends SchedulerRule {
  public DeleteAfterCompletion() {
    super("W1502", "`after_completion = DELETE` is for schedules that end: `at(…)`, or with an `end`", "EventBridge Scheduler API");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode schedule) {
    String expression = Nodes.text(schedule, "ScheduleExpression");
    if (!"DELETE".equals(Nodes.text(schedule, "ActionAfterCompletion")) || expression == null
        || ScheduleSyntax.form(expression.strip()) == ScheduleSyntax.Form.AT || schedule.hasNonNull("EndDate")) {
      return;
    }
    ctx.report(r, req, "/ActionAfterCompletion", label(r) + " recurs (`" + expression + "`) with no `end`, so it never"
        + " completes and is never deleted", "set `end = \"…\"` for when it should stop, or drop `after_completion`");
  }
}
