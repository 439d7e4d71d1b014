package io.ecsl.facts.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next fire times of rate and cron expressions, as EventBridge computes them (ECS semantics §8.1). */
class ScheduleTest {
  private static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:30Z");

  private static String next(String expression, String after) {
    Instant next = Schedule.parse(expression).nextAfter(Instant.parse(after), ANCHOR);
    return next == null ? null : next.toString();
  }

  /** The next {@code n} fire times after {@code after}. */
  private static List<String> fires(String expression, String after, int n) {
    Schedule parsed = Schedule.parse(expression);
    List<String> out = new ArrayList<>();
    Instant t = Instant.parse(after);
    for (int i = 0; i < n; i++) {
      t = parsed.nextAfter(t, ANCHOR);
      out.add(t.toString());
    }
    return out;
  }

  @Test
  void rateCountsFromTheAnchor() {
    assertEquals("2026-01-01T00:01:30Z", next("rate(1 minute)", "2026-01-01T00:00:30Z"));
    assertEquals("2026-01-01T00:01:30Z", next("rate(1 minute)", "2026-01-01T00:00:45Z"));
    assertEquals("2026-01-01T00:02:30Z", next("rate(1 minute)", "2026-01-01T00:01:30Z"));
    assertEquals("2026-01-01T05:00:30Z", next("rate(5 hours)", "2026-01-01T03:00:00Z"));
    assertEquals("2026-01-03T00:00:30Z", next("rate(2 days)", "2026-01-02T00:00:00Z"));
    assertEquals("2026-01-01T00:01:30Z", next("rate(1 minute)", "2025-12-31T00:00:00Z"), "before the anchor: the first fire");
  }

  @Test
  void cronFieldsSelectMinutesHoursAndDays() {
    assertEquals(List.of("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z"), fires("cron(0 10 * * ? *)", "2026-01-01T09:59:59Z", 2));
    assertEquals(List.of("2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:45:00Z", "2026-01-01T01:00:00Z"),
        fires("cron(0/15 * * * ? *)", "2026-01-01T00:00:00Z", 4));
    assertEquals(List.of("2026-01-01T00:01:00Z", "2026-01-01T00:11:00Z", "2026-01-01T00:21:00Z"),
        fires("cron(1/10 * * * ? *)", "2026-01-01T00:00:00Z", 3));
    // 2026-01-02 is a Friday: MON-FRI at 18:00 skips the weekend
    assertEquals(List.of("2026-01-02T18:00:00Z", "2026-01-05T18:00:00Z"), fires("cron(0 18 ? * MON-FRI *)",
        "2026-01-02T12:00:00Z", 2));
    assertEquals(List.of("2026-02-01T08:00:00Z", "2026-03-01T08:00:00Z"), fires("cron(0 8 1 * ? *)", "2026-01-01T09:00:00Z", 2));
    assertEquals("2026-01-01T12:15:00Z", next("cron(15 12 * * ? *)", "2026-01-01T12:14:00Z"));
    assertEquals("2026-01-02T12:15:00Z", next("cron(15 12 * * ? *)", "2026-01-01T12:15:00Z"), "strictly after");
    assertEquals("2026-01-01T12:16:00Z", next("cron(* * * * ? *)", "2026-01-01T12:15:20Z"));
  }

  @Test
  void monthAndWeekdayNamesListsAndWrappingRanges() {
    assertEquals(List.of("2026-03-01T00:00:00Z", "2026-06-01T00:00:00Z", "2026-09-01T00:00:00Z"),
        fires("cron(0 0 1 MAR,JUN,SEP ? *)", "2026-01-01T00:00:00Z", 3));
    // SAT-MON wraps: Saturday, Sunday, Monday (2026-01-03 is a Saturday)
    assertEquals(List.of("2026-01-03T06:00:00Z", "2026-01-04T06:00:00Z", "2026-01-05T06:00:00Z", "2026-01-10T06:00:00Z"),
        fires("cron(0 6 ? * SAT-MON *)", "2026-01-02T07:00:00Z", 4));
    assertEquals(List.of("2026-01-01T22:00:00Z", "2026-01-01T23:00:00Z", "2026-01-02T00:00:00Z", "2026-01-02T01:00:00Z",
        "2026-01-02T22:00:00Z"), fires("cron(0 22-1 * * ? *)", "2026-01-01T21:00:00Z", 5));
  }

  @Test
  void lastDaysNearestWeekdaysAndNthWeekdays() {
    assertEquals(List.of("2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z", "2028-02-29T00:00:00Z"),
        List.of(next("cron(0 0 L * ? *)", "2026-01-01T00:00:00Z"), next("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z"),
            next("cron(0 0 L * ? *)", "2028-02-01T00:00:00Z")));
    // 2026-01-31 is a Saturday: the last weekday is Friday the 30th
    assertEquals("2026-01-30T00:00:00Z", next("cron(0 0 LW * ? *)", "2026-01-01T00:00:00Z"));
    // 2026-03-15 is a Sunday: 15W is Monday the 16th; 2026-08-01 is a Saturday: 1W is Monday the 3rd
    assertEquals("2026-03-16T00:00:00Z", next("cron(0 0 15W * ? *)", "2026-03-01T00:00:00Z"));
    assertEquals("2026-08-03T00:00:00Z", next("cron(0 0 1W * ? *)", "2026-08-01T00:00:00Z"));
    // 3#2: the second Tuesday (2026-01-13); 6L: the last Friday (2026-01-30)
    assertEquals("2026-01-13T09:00:00Z", next("cron(0 9 ? * 3#2 *)", "2026-01-01T00:00:00Z"));
    assertEquals("2026-01-30T09:00:00Z", next("cron(0 9 ? * 6L *)", "2026-01-01T00:00:00Z"));
    assertEquals("2026-01-03T09:00:00Z", next("cron(0 9 ? * L *)", "2026-01-01T00:00:00Z"), "L alone is Saturday");
  }

  @Test
  void yearsEndAndZonesShift() {
    assertNull(next("cron(0 0 1 1 ? 2025)", "2026-01-01T00:00:00Z"));
    assertEquals("2030-01-01T00:00:00Z", next("cron(0 0 1 1 ? 2030-2031)", "2026-06-01T00:00:00Z"));
    Schedule paris = Schedule.parse("cron(0 9 * * ? *)", ZoneId.of("Europe/Paris"), false);
    assertEquals(Instant.parse("2026-01-01T08:00:00Z"), paris.nextAfter(Instant.parse("2026-01-01T00:00:00Z"), ANCHOR));
  }

  @Test
  void atFiresOnceWhereAllowed() {
    Schedule at = Schedule.parse("at(2026-03-01T10:00:00)", ZoneOffset.UTC, true);
    assertEquals(Instant.parse("2026-03-01T10:00:00Z"), at.nextAfter(Instant.parse("2026-01-01T00:00:00Z"), ANCHOR));
    assertNull(at.nextAfter(Instant.parse("2026-03-01T10:00:00Z"), ANCHOR));
    assertThrows(InvalidScheduleException.class, () -> Schedule.parse("at(2026-03-01T10:00:00)"),
        "EventBridge rules take no at()");
    assertThrows(InvalidScheduleException.class, () -> Schedule.parse("at(tomorrow)", ZoneOffset.UTC, true));
  }

  @Test
  void invalidExpressionsAreJudgedByTheSameSyntaxTheCompilerUses() {
    assertProblem("rate(5 minute)", "`rate(5 minute)` uses `minute` with 5; write the plural `minutes`");
    assertProblem("rate(1 minutes)", "`rate(1 minutes)` uses `minutes` with 1; write the singular `minute`");
    assertProblem("rate(0 minutes)", "`rate(0 minutes)` needs a positive whole number, not `0`");
    assertProblem("rate(5 seconds)", "`rate(5 seconds)` has unit `seconds`; rate units are minute(s), hour(s) and day(s)");
    assertProblem("cron(0 10 * * *)", "`cron(0 10 * * *)` has 5 fields; EventBridge cron has 6: " + ScheduleSyntax.FIELDS);
    assertProblem("cron(0 10 * * * *)", "sets both day-of-month");
    assertProblem("cron(0 10 ? * ? *)", "has `?` in both day-of-month and day-of-week");
    assertProblem("cron(60 10 * * ? *)", "`cron(60 10 * * ? *)` is not valid: `60` is not a valid minutes value");
    assertProblem("cron(0 10 * 13 ? *)", "`13` is not a valid month value");
    assertProblem("cron(0 10 ? * 3#1,6#3 *)", "with `#` day-of-week takes a single expression");
    assertProblem("cron(0/0 10 * * ? *)", "needs a positive increment");
    assertProblem("cron(0 10 * * ? 2030-2020)", "`cron(0 10 * * ? 2030-2020)` is not valid: the year range 2030-2020 runs"
        + " backwards");
    assertProblem("every day", "`every day` is not cron(");
    assertProblem("at(2026-01-01T00:00:00)", "is a one-time schedule, which EventBridge rules do not take");
  }

  private static void assertProblem(String expression, String expected) {
    InvalidScheduleException e = assertThrows(InvalidScheduleException.class, () -> Schedule.parse(expression),
        expression);
    assertTrue(e.getMessage().contains(expected), expression + ": " + e.getMessage());
  }
}
