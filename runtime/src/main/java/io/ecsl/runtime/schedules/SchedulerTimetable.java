package io.ecsl.runtime.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.schedule.InvalidScheduleException;
import io.ecsl.facts.schedule.Schedule;
import io.ecsl.runtime.model.RuleScheduleEntity;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * When an EventBridge Scheduler schedule fires, as a pure function of the schedule, its bookkeeping
 * and the time (ecs-runtime-integrations §6.2, §6.4).
 *
 * <p>Cron and {@code at()} are read in the schedule's time zone; a recurring schedule fires only
 * between its start and end dates (which {@code at()} ignores), and rate schedules count from the
 * start date when there is one, else from creation (EMU: the guide does not say). With a FLEXIBLE
 * window the invocation comes a delay after the scheduled time, uniform in [0, window) (EMU: drawn
 * from the schedule and the event time, so it is repeatable). As for rules, a fire noticed more
 * than {@link RuleTimetable#LATENESS} after it was due is missed, never back-filled. A schedule
 * completes when it fired and has no fire left (an {@code at()}, or a recurring one past its end).
 */
public final class SchedulerTimetable {
  private SchedulerTimetable() {}

  /** A schedule as the timetable needs it. */
  public record Sched(String arn, String name, String region, String expression, ZoneId zone, Instant start,
      Instant end, int windowMinutes, boolean enabled) {}

  /**
   * The updated bookkeeping; the event time of the fire due now (null when none is); whether the
   * schedule has completed (fired, and nothing is left to fire).
   */
  public record Step(RuleScheduleEntity record, Instant fire, boolean completed) {}

  public static Step step(Sched s, RuleScheduleEntity current, Instant now) {
    RuleScheduleEntity record = current == null ? fresh(s) : current.copy();
    Schedule expression;
    try {
      expression = Schedule.parse(s.expression(), s.zone(), true);
    } catch (InvalidScheduleException e) {
      record.nextFireAt = null; // CreateSchedule refuses these; never fire one stored otherwise
      return new Step(record, null, false);
    }
    boolean oneTime = expression instanceof Schedule.At;
    String key = s.expression() + "|" + s.zone().getId() + "|" + (oneTime ? "" : s.start() + "|" + s.end());
    if (!key.equals(record.expression)) {
      record.expression = key;
      record.anchor = !oneTime && s.start() != null ? s.start() : now;
      record.nextFireAt = s.enabled() ? next(s, expression, oneTime, now, record.anchor) : null;
      return new Step(record, null, false);
    }
    if (!s.enabled()) {
      record.nextFireAt = null;
      return new Step(record, null, false);
    }
    if (record.nextFireAt == null) {
      record.nextFireAt = next(s, expression, oneTime, now, record.anchor);
      return new Step(record, null, false);
    }
    Instant due = record.nextFireAt.plus(delay(s, record.nextFireAt));
    if (now.isBefore(due)) {
      return new Step(record, null, false);
    }
    Instant eventTime = record.nextFireAt;
    record.nextFireAt = next(s, expression, oneTime, eventTime, record.anchor);
    boolean completed = record.nextFireAt == null;
    if (Duration.between(due, now).compareTo(RuleTimetable.LATENESS) > 0) {
      record.missedFires++;
      // Skip the rest of the outage too: fires that passed are missed, not queued.
      while (record.nextFireAt != null && record.nextFireAt.plus(delay(s, record.nextFireAt)).plus(RuleTimetable.LATENESS)
          .isBefore(now) && record.missedFires < 10_000) {
        record.missedFires++;
        record.nextFireAt = next(s, expression, oneTime, record.nextFireAt, record.anchor);
      }
      return new Step(record, null, record.nextFireAt == null);
    }
    record.lastFiredAt = eventTime;
    return new Step(record, eventTime, completed);
  }

  /** The delay of the invocation after its scheduled time: none with the window OFF. */
  static Duration delay(Sched s, Instant eventTime) {
    if (s.windowMinutes() <= 0) {
      return Duration.ZERO;
    }
    long windowMillis = s.windowMinutes() * 60_000L;
    long h = (s.arn() + "|" + eventTime).hashCode() & 0x7fffffffL;
    return Duration.ofMillis(h % windowMillis);
  }

  private static Instant next(Sched s, Schedule expression, boolean oneTime, Instant after, Instant anchor) {
    if (oneTime) {
      return expression.nextAfter(after, anchor);
    }
    Instant t;
    if (s.start() != null && s.start().isAfter(after)) {
      // Rates count from the start date, which is their first fire; cron's first is the first match after it.
      t = expression instanceof Schedule.Rate ? s.start() : expression.nextAfter(s.start().minusMillis(1), anchor);
    } else {
      t = expression.nextAfter(after, anchor);
    }
    return t != null && s.end() != null && t.isAfter(s.end()) ? null : t;
  }

  private static RuleScheduleEntity fresh(Sched s) {
    RuleScheduleEntity record = new RuleScheduleEntity();
    record.ruleArn = s.arn();
    record.ruleName = s.name();
    record.region = s.region();
    return record;
  }

  /** A Scheduler date as stored (epoch seconds) or as written (ISO 8601 with its offset), or null. */
  public static Instant date(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      BigDecimal seconds = value.decimalValue();
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeException e) {
      try {
        return java.time.LocalDateTime.parse(value.asText()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e2) {
        return null;
      }
    }
  }
}
