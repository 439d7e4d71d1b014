package io.ecsl.runtime.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.model.RuleScheduleEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Scheduler timetable as a pure function: time zones, at(), start and end dates, flexible windows. */
class SchedulerTimetableTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static SchedulerTimetable.Sched sched(String expression, ZoneId zone, Instant start, Instant end, int window) {
    return new SchedulerTimetable.Sched("arn:aws:scheduler:us-east-1:000000000000:schedule/default/s", "s", "us-east-1",
        expression, zone, start, end, window, true);
  }

  /** Runs the timetable every second from {@code from} for {@code seconds}; returns the event times fired. */
  private static List<Instant> fires(SchedulerTimetable.Sched s, Instant from, long seconds, boolean[] completed) {
    List<Instant> out = new ArrayList<>();
    RuleScheduleEntity record = null;
    for (long i = 0; i <= seconds; i++) {
      SchedulerTimetable.Step step = SchedulerTimetable.step(s, record, from.plusSeconds(i));
      record = step.record();
      if (step.fire() != null) {
        out.add(step.fire());
      }
      if (step.completed() && completed != null) {
        completed[0] = true;
      }
    }
    return out;
  }

  @Test
  void cronIsReadInTheSchedulesTimeZoneOnBothSidesOfSummerTime() {
    SchedulerTimetable.Sched s = sched("cron(0 3 * * ? *)", PARIS, null, null, 0);
    // 03:00 in Paris is 02:00 UTC in winter and 01:00 UTC in summer.
    assertEquals(List.of(Instant.parse("2026-01-02T02:00:00Z")),
        fires(s, Instant.parse("2026-01-02T01:59:00Z"), 120, null));
    assertEquals(List.of(Instant.parse("2026-07-02T01:00:00Z")),
        fires(s, Instant.parse("2026-07-02T00:59:00Z"), 120, null));
  }

  @Test
  void aOneTimeScheduleFiresOnceAtItsLocalTimeAndCompletes() {
    SchedulerTimetable.Sched s = sched("at(2026-01-01T01:02:00)", PARIS, null, null, 0);
    boolean[] completed = {false};
    assertEquals(List.of(Instant.parse("2026-01-01T00:02:00Z")), fires(s, Instant.parse("2026-01-01T00:00:00Z"), 600, completed));
    assertTrue(completed[0], "nothing is left to fire after the at() time");
  }

  @Test
  void aRecurringScheduleFiresOnlyBetweenItsStartAndEndDates() {
    Instant start = Instant.parse("2026-01-01T00:03:00Z");
    Instant end = Instant.parse("2026-01-01T00:05:00Z");
    boolean[] completed = {false};
    List<Instant> fired = fires(sched("rate(1 minute)", UTC, start, end, 0), Instant.parse("2026-01-01T00:00:00Z"), 600,
        completed);
    assertEquals(List.of(start, start.plusSeconds(60), end), fired, "rate counts from the start date");
    assertTrue(completed[0], "a recurring schedule past its end date has completed");
  }

  @Test
  void aRecurringScheduleWithoutAnEndNeverCompletes() {
    boolean[] completed = {false};
    assertEquals(10, fires(sched("rate(1 minute)", UTC, null, null, 0), Instant.parse("2026-01-01T00:00:00Z"), 600,
        completed).size());
    assertFalse(completed[0]);
  }

  @Test
  void aFlexibleWindowDelaysEachInvocationWithinTheWindowRepeatably() {
    SchedulerTimetable.Sched s = sched("cron(0 * * * ? *)", UTC, null, null, 15);
    Instant scheduled = Instant.parse("2026-01-01T01:00:00Z");
    Duration delay = SchedulerTimetable.delay(s, scheduled);
    assertTrue(!delay.isNegative() && delay.compareTo(Duration.ofMinutes(15)) < 0, delay.toString());
    assertEquals(delay, SchedulerTimetable.delay(s, scheduled), "the same event has the same delay");
    RuleScheduleEntity record = SchedulerTimetable.step(s, null, Instant.parse("2026-01-01T00:30:00Z")).record();
    assertEquals(scheduled, record.nextFireAt);
    Instant before = scheduled.plus(delay).minusSeconds(1);
    assertNull(SchedulerTimetable.step(s, record, before).fire(), "not before the drawn delay");
    SchedulerTimetable.Step due = SchedulerTimetable.step(s, record, scheduled.plus(delay));
    assertEquals(scheduled, due.fire(), "the event keeps its scheduled time");
    // Over a day the delays spread over the window instead of all landing at its start.
    long distinct = java.util.stream.IntStream.range(0, 24)
        .mapToObj(h -> SchedulerTimetable.delay(s, scheduled.plus(Duration.ofHours(h))).toMinutes()).distinct().count();
    assertTrue(distinct > 5, "delays spread: " + distinct + " distinct minutes");
  }

  @Test
  void firesMissedWhileTheRuntimeWasDownAreCountedNotBackFilled() {
    SchedulerTimetable.Sched s = sched("rate(1 minute)", UTC, null, null, 0);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    RuleScheduleEntity record = SchedulerTimetable.step(s, null, t0).record();
    SchedulerTimetable.Step after = SchedulerTimetable.step(s, record, t0.plus(Duration.ofMinutes(10)).plusSeconds(30));
    assertNull(after.fire());
    assertEquals(9, after.record().missedFires, "00:01 to 00:09 passed unseen");
    assertEquals(t0.plus(Duration.ofMinutes(10)), after.record().nextFireAt, "00:10 is only 30 s late");
    assertEquals(t0.plus(Duration.ofMinutes(10)),
        SchedulerTimetable.step(s, after.record(), t0.plus(Duration.ofMinutes(10)).plusSeconds(31)).fire());
  }

  @Test
  void aDisabledScheduleHasNoNextFire() {
    SchedulerTimetable.Sched off = new SchedulerTimetable.Sched("arn:x", "s", "us-east-1", "rate(1 minute)", UTC, null,
        null, 0, false);
    assertEquals(List.of(), fires(off, Instant.parse("2026-01-01T00:00:00Z"), 300, null));
  }
}
