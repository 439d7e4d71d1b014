package io.ecsl.runtime.schedules;

import io.ecsl.facts.schedule.InvalidScheduleException;
import io.ecsl.facts.schedule.Schedule;
import io.ecsl.runtime.model.RuleScheduleEntity;
import java.time.Duration;
import java.time.Instant;

/**
 * When a scheduled rule fires, as a pure function of the rule, its bookkeeping and the time.
 *
 * <p>EventBridge fires on its own clock and never back-fills (ecs-runtime-integrations §6.1): a
 * fire time that passed while the runtime was not running is counted as missed, not delivered. A
 * fire is still delivered when the runtime notices it up to {@link #LATENESS} late (a busy loop, a
 * short pause); that bound is the runtime's choice (EMU). Rate schedules count from the rule's
 * creation (§8.1), or from the last change of its expression; a disabled rule has no next fire
 * time, and enabling it resumes the count without firing for the time it was off.
 */
public final class RuleTimetable {
  /** How late a fire may be noticed and still be delivered (EMU). */
  public static final Duration LATENESS = Duration.ofMinutes(1);

  private RuleTimetable() {}

  /** A scheduled rule as the timetable needs it. */
  public record Rule(String arn, String name, String region, String expression, boolean enabled) {}

  /** The updated bookkeeping, and the event time of the fire due now (null when none is). */
  public record Step(RuleScheduleEntity record, Instant fire) {}

  public static Step step(Rule rule, RuleScheduleEntity current, Instant now) {
    RuleScheduleEntity record = current == null ? fresh(rule, now) : current.copy();
    Schedule expression;
    try {
      expression = Schedule.parse(rule.expression());
    } catch (InvalidScheduleException e) {
      // PutRule refuses these; a rule stored by an older runtime that allowed one never fires.
      record.nextFireAt = null;
      return new Step(record, null);
    }
    if (!rule.expression().equals(record.expression)) {
      record.expression = rule.expression();
      record.anchor = now;
      record.nextFireAt = rule.enabled() ? expression.nextAfter(now, now) : null;
      return new Step(record, null);
    }
    if (!rule.enabled()) {
      record.nextFireAt = null;
      return new Step(record, null);
    }
    if (record.nextFireAt == null) {
      record.nextFireAt = expression.nextAfter(now, record.anchor);
      return new Step(record, null);
    }
    if (now.isBefore(record.nextFireAt)) {
      return new Step(record, null);
    }
    Instant due = record.nextFireAt;
    record.nextFireAt = expression.nextAfter(now, record.anchor);
    if (Duration.between(due, now).compareTo(LATENESS) > 0) {
      record.missedFires += missed(expression, record.anchor, due, now);
      return new Step(record, null);
    }
    record.lastFiredAt = due;
    return new Step(record, due);
  }

  private static RuleScheduleEntity fresh(Rule rule, Instant now) {
    RuleScheduleEntity record = new RuleScheduleEntity();
    record.ruleArn = rule.arn();
    record.ruleName = rule.name();
    record.region = rule.region();
    record.expression = null; // set by the first step, which also anchors the count at now
    return record;
  }

  /** How many fire times lie in [{@code first}, {@code now}] (at most 10,000: the count is for display). */
  private static int missed(Schedule expression, Instant anchor, Instant first, Instant now) {
    int count = 0;
    for (Instant t = first; t != null && !t.isAfter(now) && count < 10_000; t = expression.nextAfter(t, anchor)) {
      count++;
    }
    return count;
  }
}
