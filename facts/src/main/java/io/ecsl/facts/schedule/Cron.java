package io.ecsl.facts.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} as EventBridge evaluates it
 * (ECS semantics §8.1): ranges, lists, increments, {@code L}, {@code W}, {@code LW}, {@code #},
 * month and weekday names, and exactly one of day-of-month and day-of-week set to {@code ?}.
 *
 * <p>EMU details AWS does not document: a range whose start is after its end wraps around (as in
 * Quartz, whose syntax EventBridge follows), {@code L} alone in day-of-week means Saturday, and
 * {@code 31W} in a month without a 31st matches no day of that month.
 */
public final class Cron implements Schedule {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final Pattern NTH = Pattern.compile("(\\w+)#([1-5])");
  private static final int LAST_YEAR = 2199;

  private final String text;
  private final ZoneId zone;
  private final BitSet minutes;
  private final BitSet hours;
  private final DayOfMonth dayOfMonth;
  private final BitSet months;
  private final DayOfWeekRule dayOfWeek;
  private final BitSet years;

  private Cron(String text, ZoneId zone, BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months,
      DayOfWeekRule dayOfWeek, BitSet years) {
    this.text = text;
    this.zone = zone;
    this.minutes = minutes;
    this.hours = hours;
    this.dayOfMonth = dayOfMonth;
    this.months = months;
    this.dayOfWeek = dayOfWeek;
    this.years = years;
  }

  static Cron parse(String text, ZoneId zone) {
    String body = text.substring(5, text.length() - 1).strip();
    String[] f = body.isEmpty() ? new String[0] : body.split("\\s+");
    if (f.length != 6) {
      throw new InvalidScheduleException("cron needs exactly 6 fields (minutes hours day-of-month month day-of-week"
          + " year), got " + f.length);
    }
    boolean domAny = f[2].equals("?");
    boolean dowAny = f[4].equals("?");
    if (domAny == dowAny) {
      throw new InvalidScheduleException("exactly one of day-of-month and day-of-week must be '?'");
    }
    return new Cron(text, zone,
        values(f[0], "minutes", 0, 59, List.of(), false),
        values(f[1], "hours", 0, 23, List.of(), false),
        domAny ? null : DayOfMonth.parse(f[2]),
        values(f[3], "month", 1, 12, MONTHS, false),
        dowAny ? null : DayOfWeekRule.parse(f[4]),
        values(f[5], "year", 1970, LAST_YEAR, List.of(), true));
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public Instant nextAfter(Instant after, Instant anchor) {
    ZonedDateTime start = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDate day = start.toLocalDate();
    LocalTime from = start.toLocalTime();
    while (day.getYear() <= LAST_YEAR) {
      if (!years.get(day.getYear())) {
        int next = years.nextSetBit(day.getYear());
        if (next < 0) {
          return null;
        }
        day = LocalDate.of(next, 1, 1);
        from = LocalTime.MIDNIGHT;
        continue;
      }
      if (!months.get(day.getMonthValue())) {
        day = day.withDayOfMonth(1).plusMonths(1);
        from = LocalTime.MIDNIGHT;
        continue;
      }
      if (dayMatches(day)) {
        LocalTime time = firstTimeFrom(from);
        if (time != null) {
          return LocalDateTime.of(day, time).atZone(zone).toInstant();
        }
      }
      day = day.plusDays(1);
      from = LocalTime.MIDNIGHT;
    }
    return null;
  }

  private boolean dayMatches(LocalDate day) {
    return dayOfMonth != null ? dayOfMonth.matches(day) : dayOfWeek.matches(day);
  }

  private LocalTime firstTimeFrom(LocalTime from) {
    for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
      int minute = minutes.nextSetBit(hour == from.getHour() ? from.getMinute() : 0);
      if (minute >= 0) {
        return LocalTime.of(hour, minute);
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cron cron && cron.text.equals(text) && cron.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * The values a plain field selects: {@code *}, {@code a}, {@code a-b}, {@code a/n}, {@code *}/n,
   * {@code a-b/n}, comma lists, and names where the field has them.
   */
  static BitSet values(String field, String name, int min, int max, List<String> names, boolean linear) {
    BitSet out = new BitSet(max + 1);
    for (String item : field.split(",", -1)) {
      if (item.isEmpty()) {
        throw new InvalidScheduleException("empty item in " + name + " (" + field + ")");
      }
      String base = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        base = item.substring(0, slash);
        step = number(item.substring(slash + 1), name, item);
        if (step < 1) {
          throw new InvalidScheduleException("the increment after '/' in " + name + " must be positive (" + item + ")");
        }
      }
      int from;
      int to;
      if (base.equals("*")) {
        from = min;
        to = max;
      } else if (base.contains("-")) {
        String[] ends = base.split("-", -1);
        if (ends.length != 2) {
          throw new InvalidScheduleException("'" + item + "' is not a valid " + name + " range");
        }
        from = value(ends[0], name, min, max, names);
        to = value(ends[1], name, min, max, names);
      } else {
        from = value(base, name, min, max, names);
        to = slash >= 0 ? max : from;
      }
      if (from <= to) {
        for (int v = from; v <= to; v += step) {
          out.set(v);
        }
      } else if (linear) {
        throw new InvalidScheduleException("the " + name + " range " + base + " runs backwards");
      } else {
        // wraps around (EMU, as Quartz): 22-2 in hours is 22, 23, 0, 1, 2
        int span = (max - min + 1);
        for (int i = 0, v = from; i <= (to - from + span) % span; i += step, v = min + (v - min + step) % span) {
          out.set(v);
        }
      }
    }
    return out;
  }

  static int value(String text, String name, int min, int max, List<String> names) {
    int named = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named + min;
    }
    int v = number(text, name, text);
    if (v < min || v > max) {
      throw new InvalidScheduleException(name + " value " + v + " is out of range " + min + "-" + max);
    }
    return v;
  }

  private static int number(String text, String name, String item) {
    if (!text.matches("\\d{1,4}")) {
      throw new InvalidScheduleException("'" + item + "' is not a valid " + name + " value");
    }
    return Integer.parseInt(text);
  }

  /** Day-of-month: values, or {@code L}, {@code LW}, {@code nW}. */
  private record DayOfMonth(BitSet days, boolean last, boolean lastWeekday, int nearestWeekdayTo) {
    static DayOfMonth parse(String field) {
      if (field.equals("L")) {
        return new DayOfMonth(new BitSet(), true, false, 0);
      }
      if (field.equals("LW")) {
        return new DayOfMonth(new BitSet(), false, true, 0);
      }
      if (field.matches("\\d{1,2}W")) {
        return new DayOfMonth(new BitSet(), false, false,
            value(field.substring(0, field.length() - 1), "day-of-month", 1, 31, List.of()));
      }
      if (field.contains("L") || field.contains("W")) {
        throw new InvalidScheduleException("L and W stand alone in day-of-month (L, LW, 15W), not in '" + field + "'");
      }
      return new DayOfMonth(values(field, "day-of-month", 1, 31, List.of(), false), false, false, 0);
    }

    boolean matches(LocalDate day) {
      int length = day.lengthOfMonth();
      if (last) {
        return day.getDayOfMonth() == length;
      }
      if (lastWeekday) {
        return day.equals(weekdayOnOrBefore(day.withDayOfMonth(length)));
      }
      if (nearestWeekdayTo > 0) {
        if (nearestWeekdayTo > length) {
          return false;
        }
        return day.equals(nearestWeekday(day.withDayOfMonth(nearestWeekdayTo)));
      }
      return days.get(day.getDayOfMonth());
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
      return switch (day.getDayOfWeek()) {
        case SATURDAY -> day.minusDays(1);
        case SUNDAY -> day.minusDays(2);
        default -> day;
      };
    }

    /** The weekday nearest {@code day} within its month (15W on a Saturday is Friday the 14th). */
    private static LocalDate nearestWeekday(LocalDate day) {
      YearMonth month = YearMonth.from(day);
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
        return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
      }
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        return day.getDayOfMonth() == month.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
      }
      return day;
    }
  }

  /** Day-of-week (1 = SUN … 7 = SAT): values, {@code L}, {@code nL} (last n of the month), {@code n#k}. */
  private record DayOfWeekRule(BitSet days, int lastOfMonth, int nth, int nthDay) {
    static DayOfWeekRule parse(String field) {
      Matcher nth = NTH.matcher(field);
      if (field.contains("#")) {
        if (!nth.matches()) {
          throw new InvalidScheduleException("'" + field + "' is not weekday#n (e.g. 3#2, the second Tuesday); with #"
              + " day-of-week takes a single expression");
        }
        return new DayOfWeekRule(new BitSet(), 0, Integer.parseInt(nth.group(2)),
            value(nth.group(1), "day-of-week", 1, 7, DAYS));
      }
      if (field.equals("L")) {
        BitSet saturday = new BitSet();
        saturday.set(7);
        return new DayOfWeekRule(saturday, 0, 0, 0);
      }
      if (field.endsWith("L")) {
        return new DayOfWeekRule(new BitSet(), value(field.substring(0, field.length() - 1), "day-of-week", 1, 7, DAYS),
            0, 0);
      }
      if (field.contains("/") || field.contains("W")) {
        throw new InvalidScheduleException("day-of-week takes , - * ? L # but not '" + field + "'");
      }
      return new DayOfWeekRule(values(field, "day-of-week", 1, 7, DAYS, false), 0, 0, 0);
    }

    boolean matches(LocalDate day) {
      int dow = day.getDayOfWeek().getValue() % 7 + 1; // MONDAY=1 → 2, SUNDAY=7 → 1
      if (lastOfMonth > 0) {
        return dow == lastOfMonth && day.plusDays(7).getMonthValue() != day.getMonthValue();
      }
      if (nth > 0) {
        return dow == nthDay && (day.getDayOfMonth() - 1) / 7 + 1 == nth;
      }
      return days.get(dow);
    }
  }
}
