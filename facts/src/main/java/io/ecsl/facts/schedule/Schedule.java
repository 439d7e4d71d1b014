package io.ecsl.facts.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge (and Application Auto Scaling) schedule expression, parsed into something that
 * answers "when is the next fire after this instant" (ECS semantics §8.1): {@code rate(value unit)},
 * six-field {@code cron(...)} and, where the caller allows it, one-time {@code at(...)}. It is
 * judged by {@link ScheduleSyntax} first, so the runtime refuses what the compiler reports, in the
 * same words.
 *
 * <p>Pure: a parsed expression and two instants give the next fire time; the caller's clock is the
 * only clock. Cron and at are evaluated in the given zone (UTC for EventBridge rules).
 */
public sealed interface Schedule permits Schedule.Rate, Cron, Schedule.At {

  /** The expression as written. */
  String text();

  /**
   * The first fire time strictly after {@code after}, or null when there is none (an {@code at}
   * in the past, a cron whose years are over). {@code anchor} is when counting started (the rule's
   * creation): rate schedules fire at {@code anchor + k × period}.
   */
  Instant nextAfter(Instant after, Instant anchor);

  /** Parses an EventBridge rule's expression (UTC; no {@code at}). */
  static Schedule parse(String text) {
    return parse(text, ZoneOffset.UTC, false);
  }

  /**
   * Parses {@code text}; {@code zone} applies to cron and at ({@code at} is accepted only when
   * {@code allowAt}, as in scheduled scaling actions).
   *
   * @throws InvalidScheduleException saying what is wrong, in EventBridge's terms
   */
  static Schedule parse(String text, ZoneId zone, boolean allowAt) {
    if (text == null) {
      throw new InvalidScheduleException("a schedule expression is required");
    }
    String trimmed = text.strip();
    String problem = switch (ScheduleSyntax.form(trimmed)) {
      case RATE -> ScheduleSyntax.rateProblem(trimmed);
      case CRON -> {
        String fields = ScheduleSyntax.cronFieldProblem(trimmed);
        yield fields != null ? fields : ScheduleSyntax.cronDayProblem(trimmed);
      }
      case AT -> allowAt ? null : "is a one-time schedule, which EventBridge rules do not take; use rate(…) or cron(…)";
      case OTHER -> "is not cron(minutes hours day-of-month month day-of-week year) or rate(value unit)"
          + (allowAt ? " or at(yyyy-mm-ddThh:mm:ss)" : "");
    };
    try {
      if (problem == null) {
        return switch (ScheduleSyntax.form(trimmed)) {
          case RATE -> Rate.parse(trimmed);
          case CRON -> Cron.parse(trimmed, zone);
          default -> At.parse(trimmed, zone);
        };
      }
    } catch (InvalidScheduleException e) {
      problem = e.getMessage();
    }
    throw new InvalidScheduleException("`" + trimmed + "` " + (problem.startsWith("has ") || problem.startsWith("is ")
        || problem.startsWith("uses ") || problem.startsWith("needs ") || problem.startsWith("sets ")
        || problem.startsWith("combines ") ? problem : "is not valid: " + problem));
  }

  /** {@code rate(5 minutes)}: every period, counted from the anchor. */
  record Rate(String text, Duration period) implements Schedule {
    private static final Pattern FORM = Pattern.compile("rate\\(\\s*(\\S+)\\s+(\\S+)\\s*\\)");

    static Rate parse(String text) {
      Matcher m = FORM.matcher(text);
      if (!m.matches()) {
        throw new InvalidScheduleException("use rate(value unit), e.g. rate(5 minutes)");
      }
      long value;
      try {
        value = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw new InvalidScheduleException("the rate value must be a positive integer, not " + m.group(1));
      }
      if (value < 1 || value > 1_000_000_000L) {
        throw new InvalidScheduleException("the rate value must be a positive integer, not " + value);
      }
      String unit = m.group(2);
      Duration one = switch (unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit) {
        case "minute" -> Duration.ofMinutes(1);
        case "hour" -> Duration.ofHours(1);
        case "day" -> Duration.ofDays(1);
        default -> throw new InvalidScheduleException("the rate unit must be minute(s), hour(s) or day(s), not " + unit);
      };
      boolean plural = unit.endsWith("s");
      if (plural == (value == 1)) {
        throw new InvalidScheduleException("use a singular unit for 1 and a plural unit otherwise (rate(1 hour),"
            + " rate(5 hours))");
      }
      return new Rate(text, one.multipliedBy(value));
    }

    @Override
    public Instant nextAfter(Instant after, Instant anchor) {
      if (after.isBefore(anchor)) {
        return anchor.plus(period);
      }
      long periods = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
      return anchor.plus(period.multipliedBy(periods));
    }
  }

  /** {@code at(2026-03-01T10:00:00)}: once. */
  record At(String text, Instant when) implements Schedule {
    static At parse(String text, ZoneId zone) {
      String body = text.substring(3, text.length() - 1).strip();
      try {
        return new At(text, LocalDateTime.parse(body).atZone(zone).toInstant());
      } catch (DateTimeParseException e) {
        throw new InvalidScheduleException("use at(yyyy-mm-ddThh:mm:ss), not at(" + body + ")");
      }
    }

    @Override
    public Instant nextAfter(Instant after, Instant anchor) {
      return when.isAfter(after) ? when : null;
    }
  }
}
