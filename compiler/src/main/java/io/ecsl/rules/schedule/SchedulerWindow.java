package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E1512: a flexible time window has its width: FLEXIBLE needs {@code MaximumWindowInMinutes}, OFF
 * takes none (the Scheduler user guide, "Configuring flexible time windows").
 */
public final class SchedulerWindow extends SchedulerRule {
  public SchedulerWindow() {
    super("E1512", "A flexible time window has a width with FLEXIBLE and none with OFF",
        "EventBridge Scheduler API");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode schedule) {
    ObjectNode window = Nodes.object(schedule, "FlexibleTimeWindow");
    if (window == null) {
      return;
    }
    String mode = Nodes.text(window, "Mode");
    boolean hasWidth = window.hasNonNull("MaximumWindowInMinutes");
    if ("FLEXIBLE".equals(mode) && !hasWidth) {
      ctx.report(r, req, "/FlexibleTimeWindow", label(r) + ": a FLEXIBLE time window needs its width (MaximumWindowInMinutes)",
          "write `flexible_window = 15m` (1 minute to 24 hours)");
    } else if ("OFF".equals(mode) && hasWidth) {
      ctx.report(r, req, "/FlexibleTimeWindow/MaximumWindowInMinutes", label(r) + ": a time window that is OFF has no width",
          "write `flexible_window = 15m` for a flexible window, or drop the width");
    }
  }
}
