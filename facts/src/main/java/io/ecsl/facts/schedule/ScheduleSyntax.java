package io.ecsl.facts.schedule;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions: {@code rate(value unit)} and six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)}, checked the way EventBridge
 * checks them (ecs-semantics §8.1). Each check returns null when the expression is fine, else one
 * sentence about the expression (the compiler's rules prefix it with the expression; {@link
 * Schedule#parse} with "the expression"). The compiler and the runtime both judge expressions here.
 */
public final class ScheduleSyntax {
  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)", Pattern.DOTALL);
  private static final Pattern RATE = Pattern.compile("rate\\((.*)\\)", Pattern.DOTALL);
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
      "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  public static final String FIELDS = "minutes hours day-of-month month day-of-week year";

  /** What the expression is. */
  public enum Form { CRON, RATE, AT, OTHER }

  /** One cron field: its name, range and the wildcards it allows. */
  private record Field(String name, int min, int max, String wildcards, List<String> names) {}

  private static final Field[] CRON_FIELDS = {
      new Field("minutes", 0, 59, ",-*/", List.of()),
      new Field("hours", 0, 23, ",-*/", List.of()),
      new Field("day-of-month", 1, 31, ",-*?/LW", List.of()),
      new Field("month", 1, 12, ",-*/", MONTHS),
      new Field("day-of-week", 1, 7, ",-*?L#", DAYS),
      new Field("year", 1970, 2199, ",-*/", List.of())};

  private ScheduleSyntax() {}

  public static Form form(String expression) {
    String e = expression.strip();
    if (CRON.matcher(e).matches()) {
      return Form.CRON;
    }
    if (RATE.matcher(e).matches()) {
      return Form.RATE;
    }
    if (e.startsWith("at(") && e.endsWith(")")) {
      return Form.AT;
    }
    return Form.OTHER;
  }

  /** The fields of a cron expression, split on whitespace. */
  public static String[] cronFields(String expression) {
    Matcher m = CRON.matcher(expression.strip());
    if (!m.matches()) {
      return new String[0];
    }
    String body = m.group(1).strip();
    return body.isEmpty() ? new String[0] : body.split("\\s+");
  }

  /** Null, or what is wrong with the fields of a cron expression (count, values, wildcards). */
  public static String cronFieldProblem(String expression) {
    String[] f = cronFields(expression);
    if (f.length != 6) {
      return "has " + f.length + " field" + (f.length == 1 ? "" : "s") + "; EventBridge cron has 6: " + FIELDS;
    }
    for (int i = 0; i < 6; i++) {
      String problem = field(CRON_FIELDS[i], f[i]);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** Null, or what is wrong with the day-of-month / day-of-week pair. */
  public static String cronDayProblem(String expression) {
    String[] f = cronFields(expression);
    if (f.length != 6) {
      return null;
    }
    boolean domAny = f[2].equals("?");
    boolean dowAny = f[4].equals("?");
    if (!domAny && !dowAny) {
      return "sets both day-of-month (`" + f[2] + "`) and day-of-week (`" + f[4] + "`); one of them must be `?`";
    }
    if (domAny && dowAny) {
      return "has `?` in both day-of-month and day-of-week; exactly one of them must be `?`";
    }
    if (f[4].contains("#") && f[4].contains(",")) {
      return "combines `#` with a list in day-of-week (`" + f[4] + "`); with `#` day-of-week takes a single expression";
    }
    return null;
  }

  private static String field(Field field, String text) {
    for (char c : text.toCharArray()) {
      if (!Character.isLetterOrDigit(c) && field.wildcards.indexOf(c) < 0) {
        return "`" + c + "` is not allowed in " + field.name + " (`" + text + "`); " + field.name + " takes "
            + String.join(" ", field.wildcards.chars().mapToObj(ch -> "`" + (char) ch + "`").toList());
      }
    }
    if (text.equals("?")) {
      return null;
    }
    if (text.contains("?")) {
      return "`?` stands alone in " + field.name + " (`" + text + "`)";
    }
    if (field.name.equals("day-of-week") && text.contains("#")) {
      // a list of `#` items is reported by cronDayProblem; here each item must be weekday#n
      for (String item : text.split(",", -1)) {
        Matcher m = Pattern.compile("([A-Za-z]{3}|\\d)#([1-5])").matcher(item);
        if (!m.matches() || value(field, m.group(1)) == null) {
          return "`" + item + "` is not `weekday#n` (e.g. `3#2`, the second Tuesday)";
        }
      }
      return null;
    }
    for (String item : text.split(",", -1)) {
      String problem = item(field, item);
      if (problem != null) {
        return problem.isEmpty() ? "`" + item + "` is not a valid " + field.name + " value (" + field.name + " are "
            + describe(field) + ")" : problem;
      }
    }
    return null;
  }

  /** Null when fine, "" for a generic "not valid", else a specific problem. */
  private static String item(Field field, String item) {
    if (item.isEmpty()) {
      return "";
    }
    if (field.name.equals("day-of-month") && (item.equals("L") || item.equals("LW") || item.matches("\\d{1,2}W"))) {
      return item.equals("L") || item.equals("LW") || inRange(field, item.substring(0, item.length() - 1)) ? null : "";
    }
    if (field.name.equals("day-of-week") && (item.equals("L") || item.matches("([A-Za-z]{3}|\\d)L"))) {
      return item.equals("L") || value(field, item.substring(0, item.length() - 1)) != null ? null : "";
    }
    String base = item;
    if (item.contains("/")) {
      String[] parts = item.split("/", -1);
      if (parts.length != 2 || !parts[1].matches("\\d{1,4}") || Integer.parseInt(parts[1]) == 0) {
        return "`" + item + "` needs a positive increment after `/` (e.g. `0/15`)";
      }
      base = parts[0];
      if (base.equals("*")) {
        return null;
      }
    }
    if (base.equals("*")) {
      return null;
    }
    if (base.contains("-")) {
      String[] parts = base.split("-", -1);
      if (parts.length != 2 || value(field, parts[0]) == null || value(field, parts[1]) == null) {
        return "";
      }
      return null;
    }
    return value(field, base) != null ? null : "";
  }

  private static boolean inRange(Field field, String number) {
    return value(field, number) != null;
  }

  private static Integer value(Field field, String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    int named = field.names.indexOf(upper);
    if (named >= 0) {
      return named + 1;
    }
    if (!text.matches("\\d{1,4}")) {
      return null;
    }
    int v = Integer.parseInt(text);
    return v >= field.min && v <= field.max ? v : null;
  }

  private static String describe(Field field) {
    String range = field.min + "–" + field.max;
    if (!field.names.isEmpty()) {
      range += " or " + field.names.get(0) + "–" + field.names.get(field.names.size() - 1);
    }
    return range;
  }

  /** Null, or what is wrong with a {@code rate(…)} expression. */
  public static String rateProblem(String expression) {
    Matcher m = RATE.matcher(expression.strip());
    if (!m.matches()) {
      return null;
    }
    String[] parts = m.group(1).strip().split("\\s+");
    if (parts.length != 2) {
      return "is not `rate(value unit)`";
    }
    if (!parts[0].matches("\\d{1,9}") || Long.parseLong(parts[0]) <= 0) {
      return "needs a positive whole number, not `" + parts[0] + "`";
    }
    long value = Long.parseLong(parts[0]);
    String unit = parts[1];
    List<String> singular = List.of("minute", "hour", "day");
    List<String> plural = List.of("minutes", "hours", "days");
    if (!singular.contains(unit) && !plural.contains(unit)) {
      return "has unit `" + unit + "`; rate units are minute(s), hour(s) and day(s)";
    }
    if (value == 1 && plural.contains(unit)) {
      return "uses `" + unit + "` with 1; write the singular `" + unit.substring(0, unit.length() - 1) + "`";
    }
    if (value != 1 && singular.contains(unit)) {
      return "uses `" + unit + "` with " + value + "; write the plural `" + unit + "s`";
    }
    return null;
  }
}
