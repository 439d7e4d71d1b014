package io.ecsl.runtime.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.ManualClock;
import io.ecsl.runtime.model.RuleScheduleEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a scheduled rule fires, on a manual clock: rate from creation, no back-fill, disable and enable. */
class RuleTimetableTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private RuleScheduleEntity record;

  private RuleTimetable.Rule rule(String expression, boolean enabled) {
    return new RuleTimetable.Rule("arn:aws:events:us-east-1:000000000000:rule/r", "r", "us-east-1", expression, enabled);
  }

  /** Steps every {@code step} for {@code total}, returning the fire times delivered. */
  private List<Instant> run(RuleTimetable.Rule rule, Duration total, Duration step) {
    List<Instant> fires = new ArrayList<>();
    Instant end = clock.instant().plus(total);
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      RuleTimetable.Step next = RuleTimetable.step(rule, record, clock.instant());
      record = next.record();
      if (next.fire() != null) {
        fires.add(next.fire());
      }
    }
    return fires;
  }

  @Test
  void aRateOfOneMinuteFiresEveryMinuteFromCreation() {
    record = RuleTimetable.step(rule("rate(1 minute)", true), null, clock.instant()).record();
    assertEquals(Instant.parse("2026-01-01T00:01:00Z"), record.nextFireAt);
    List<Instant> fires = run(rule("rate(1 minute)", true), Duration.ofMinutes(5), Duration.ofMillis(250));
    assertEquals(5, fires.size(), fires.toString());
    assertEquals(Instant.parse("2026-01-01T00:01:00Z"), fires.get(0));
    assertEquals(Instant.parse("2026-01-01T00:05:00Z"), fires.get(4));
    assertEquals(Instant.parse("2026-01-01T00:05:00Z"), record.lastFiredAt);
  }

  @Test
  void aCronFiresAtItsMinuteAndNotBefore() {
    record = RuleTimetable.step(rule("cron(30 0 * * ? *)", true), null, clock.instant()).record();
    assertTrue(run(rule("cron(30 0 * * ? *)", true), Duration.ofMinutes(29), Duration.ofSeconds(1)).isEmpty());
    assertEquals(List.of(Instant.parse("2026-01-01T00:30:00Z")),
        run(rule("cron(30 0 * * ? *)", true), Duration.ofMinutes(2), Duration.ofSeconds(1)));
  }

  @Test
  void firesMissedWhileTheRuntimeWasDownAreCountedNotDelivered() {
    record = RuleTimetable.step(rule("rate(1 minute)", true), null, clock.instant()).record();
    clock.advance(Duration.ofMinutes(10).plusSeconds(30));
    RuleTimetable.Step afterOutage = RuleTimetable.step(rule("rate(1 minute)", true), record, clock.instant());
    assertNull(afterOutage.fire(), "EventBridge does not back-fill");
    assertEquals(10, afterOutage.record().missedFires);
    assertEquals(Instant.parse("2026-01-01T00:11:00Z"), afterOutage.record().nextFireAt);
  }

  @Test
  void aFireNoticedLateWithinTheBoundIsStillDelivered() {
    record = RuleTimetable.step(rule("rate(1 minute)", true), null, clock.instant()).record();
    clock.advance(Duration.ofSeconds(100));
    RuleTimetable.Step late = RuleTimetable.step(rule("rate(1 minute)", true), record, clock.instant());
    assertEquals(Instant.parse("2026-01-01T00:01:00Z"), late.fire());
    assertEquals(Instant.parse("2026-01-01T00:02:00Z"), late.record().nextFireAt);
  }

  @Test
  void aDisabledRuleDoesNotFireAndResumesWithoutCatchingUp() {
    record = RuleTimetable.step(rule("rate(1 minute)", true), null, clock.instant()).record();
    assertTrue(run(rule("rate(1 minute)", false), Duration.ofMinutes(3), Duration.ofSeconds(1)).isEmpty());
    assertNull(record.nextFireAt);
    List<Instant> fires = run(rule("rate(1 minute)", true), Duration.ofSeconds(61), Duration.ofSeconds(1));
    assertEquals(List.of(Instant.parse("2026-01-01T00:04:00Z")), fires, "the count from creation resumes");
  }

  @Test
  void changingTheExpressionRestartsTheCount() {
    record = RuleTimetable.step(rule("rate(1 hour)", true), null, clock.instant()).record();
    clock.advance(Duration.ofMinutes(20));
    RuleTimetable.Step changed = RuleTimetable.step(rule("rate(5 minutes)", true), record, clock.instant());
    assertNull(changed.fire());
    assertEquals(Instant.parse("2026-01-01T00:25:00Z"), changed.record().nextFireAt);
  }
}
