package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.time.ZoneId;
import java.util.Locale;

/** E1510: a Scheduler schedule's time zone is an IANA time zone name. */
public final class SchedulerTimezone extends SchedulerRule {
  public SchedulerTimezone() {
    super("E1510", "A Scheduler schedule's `timezone` is an IANA time zone name", "EventBridge Scheduler API");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode schedule) {
    String zone = Nodes.text(schedule, "ScheduleExpressionTimezone");
    if (zone == null || ZoneId.getAvailableZoneIds().contains(zone)) {
      return;
    }
    String hint = ZoneId.getAvailableZoneIds().stream().filter(z -> z.equalsIgnoreCase(zone)).findFirst()
        .map(z -> "time zone names are case-sensitive: write `timezone = \"" + z + "\"`")
        .orElse(zone.toUpperCase(Locale.ROOT).matches("(UTC|GMT)?[+-].*")
            ? "Scheduler takes zone names, not offsets: e.g. `\"Etc/GMT-1\"` is UTC+01:00, or name the place (`\"Europe/Paris\"`)"
            : "use a name of the IANA time zone database, e.g. `\"Europe/Paris\"`, `\"America/New_York\"` or `\"UTC\"`");
    ctx.report(r, req, "/ScheduleExpressionTimezone", label(r) + ": `" + zone + "` is not a time zone EventBridge Scheduler knows",
        hint);
  }
}
