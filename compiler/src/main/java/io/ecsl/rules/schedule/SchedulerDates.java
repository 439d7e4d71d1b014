package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** E1511: a Scheduler schedule's start and end dates are timestamps, the end after the start. */
public final class SchedulerDates extends SchedulerRule {
  public SchedulerDates() {
    super("E1511", "A Scheduler schedule's `start` and `end` are UTC timestamps, `end` after `start`", "EventBridge Scheduler API");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode schedule) {
    Instant start = date(ctx, r, req, schedule, "StartDate", "start");
    Instant end = date(ctx, r, req, schedule, "EndDate", "end");
    if (start != null && end != null && !end.isAfter(start)) {
      ctx.report(r, req, "/EndDate", label(r) + " ends (" + end + ") " + (end.equals(start) ? "when" : "before") + " it starts ("
          + start + "), so it would never run", "move `end` after `start`, or drop one of them");
    }
  }

  /** The timestamp, or null when absent or unreadable (reported). */
  static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private Instant date(RuleContext ctx, Resource r, ApiRequest req, ObjectNode schedule, String member, String field) {
    String text = Nodes.text(schedule, member);
    if (text == null) {
      return null;
    }
    Instant at = parse(text);
    if (at == null) {
      ctx.report(r, req, "/" + member, label(r) + ": `" + field + " = \"" + text + "\"` is not a timestamp with its offset",
          "write an ISO 8601 timestamp, e.g. `" + field + " = \"2027-01-06T00:00:00Z\"`");
    }
    return at;
  }
}
