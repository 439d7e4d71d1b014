package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.schedule.ScheduleSyntax;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/** W1501: start and end dates on a one-time {@code at(…)} schedule, which Scheduler ignores. */
public final class OneTimeDates extends SchedulerRule {
  public OneTimeDates() {
    super("W1501", "A one-time `at(…)` schedule has no `start` or `end` (Scheduler ignores them)", "EventBridge Scheduler API");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode schedule) {
    String expression = Nodes.text(schedule, "ScheduleExpression");
    if (expression == null || ScheduleSyntax.form(expression.strip()) != ScheduleSyntax.Form.AT) {
      return;
    }
    for (String member : new String[] {"StartDate", "EndDate"}) {
      if (schedule.hasNonNull(member)) {
        ctx.report(r, req, "/" + member, label(r) + " runs once (`" + expression + "`): EventBridge Scheduler ignores its `"
            + (member.equals("StartDate") ? "start" : "end") + "`", "drop it; the `at(…)` time alone says when the task runs");
      }
    }
  }
}
