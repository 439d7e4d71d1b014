package io.ecsl.runtime.api.events;

import java.util.regex.Pattern;

/**
 * Syntax checks for EventBridge schedule expressions (ECS semantics §8.1): {@code rate(N unit)}
 * with singular units only for 1, and six-field {@code cron(...)} with exactly one of
 * day-of-month and day-of-week set to {@code ?}. Firing schedules is future work; this keeps bad
 * expressions out of the store.
 */
public final class ScheduleExpressions {
  private static final Pattern RATE = Pattern.compile("^rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)$");
  private static final Pattern CRON = Pattern.compile("^cron\\(([^)]*)\\)$");
  private static final Pattern FIELD = Pattern.compile("^[0-9A-Za-z*?,/#LW-]+$");

  private ScheduleExpressions() {}

  /** Null when {@code expression} is valid, else why not. */
  public static String problem(String expression) {
    var rate = RATE.matcher(expression);
    if (rate.matches()) {
      long value;
      try {
        value = Long.parseLong(rate.group(1));
      } catch (NumberFormatException e) {
        return "the rate value " + rate.group(1) + " is too large";
      }
      boolean singular = !rate.group(2).endsWith("s");
      if (value < 1) {
        return "the rate value must be a positive integer";
      }
      if (singular != (value == 1)) {
        return "use a singular unit for 1 and a plural unit otherwise (rate(1 hour), rate(5 hours))";
      }
      return null;
    }
    var cron = CRON.matcher(expression);
    if (cron.matches()) {
      String[] fields = cron.group(1).trim().split("\\s+");
      if (fields.length != 6) {
        return "cron needs exactly 6 fields (minutes hours day-of-month month day-of-week year), got " + fields.length;
      }
      for (String field : fields) {
        if (!FIELD.matcher(field).matches()) {
          return "field '" + field + "' has characters cron does not allow";
        }
      }
      boolean domAny = fields[2].equals("?");
      boolean dowAny = fields[4].equals("?");
      if (domAny == dowAny) {
        return "exactly one of day-of-month and day-of-week must be '?'";
      }
      return null;
    }
    return "use rate(value unit) or cron(minutes hours day-of-month month day-of-week year)";
  }
}
