package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/** A rule about each EventBridge Scheduler schedule ({@code CreateSchedule}, a schedule {@code via = scheduler}). */
abstract class SchedulerRule extends BaseRule {
  SchedulerRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (Resource r : ctx.index().schedules()) {
      for (ApiRequest req : r.requests()) {
        if (ScheduleRule.isScheduler(req)) {
          check(ctx, r, req, req.body());
        }
      }
    }
  }

  abstract void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode schedule);

  static String label(Resource r) {
    return "schedule `" + r.name() + "`";
  }
}
