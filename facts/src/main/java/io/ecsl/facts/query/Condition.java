package io.ecsl.facts.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code subject operator [argument]} of the cluster query language. Its arguments are read
 * once, when it is parsed (a regular expression compiled, a date or version read), so a
 * malformed one is a syntax error at its offset and evaluation does no parsing.
 *
 * <p>Semantics ECS does not spell out (the EMU choices, docs/runtime-model.md): a negated operator
 * ({@code !=}, {@code !in}, {@code !~}) is exactly {@code not} of its positive form, so an instance
 * without the attribute satisfies {@code attribute:x != y}; {@code task:group == g} holds when some
 * task on the instance is in group g (and {@code task:group != g} when none is); {@code =~} matches
 * the whole value (Java's {@link java.util.regex.Matcher#matches}); ordering operators on an
 * attribute compare numbers when both sides are numbers, else text; a {@code registeredAt}
 * argument without a time compares the registration's UTC date, one without an offset is UTC.
 */
public final class Condition implements Expression {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private final Subject subject;
  private final String attribute;
  private final Operator operator;
  private final List<Argument> arguments;
  private final int start;
  private final int end;
  private final int operatorStart;
  /** One per argument: a Boolean, Version, When, Long or String (by the subject's kind). */
  private final List<Object> values;
  private final Pattern pattern;

  Condition(Subject subject, String attribute, Operator operator, int operatorStart, List<Argument> arguments,
      int start, int end) {
    this.subject = subject;
    this.attribute = attribute;
    this.operator = operator;
    this.operatorStart = operatorStart;
    this.arguments = List.copyOf(arguments);
    this.start = start;
    this.end = end;
    if (operator.positive() == Operator.MATCHES) {
      this.pattern = regex(arguments.get(0));
      this.values = List.of();
    } else {
      this.pattern = null;
      List<Object> read = new ArrayList<>();
      for (Argument a : arguments) {
        read.add(read(a));
      }
      this.values = List.copyOf(read);
    }
  }

  public Subject subject() {
    return subject;
  }

  /** The attribute name of an {@code attribute:NAME} subject. */
  public Optional<String> attribute() {
    return Optional.ofNullable(attribute);
  }

  public Operator operator() {
    return operator;
  }

  /** The offset where the operator is written. */
  public int operatorStart() {
    return operatorStart;
  }

  /** None for {@code exists}, one value, or the items of a list for {@code in}. */
  public List<Argument> arguments() {
    return arguments;
  }

  @Override
  public int start() {
    return start;
  }

  @Override
  public int end() {
    return end;
  }

  @Override
  public boolean matches(InstanceSnapshot instance) {
    boolean positive = holds(instance, operator.positive());
    return operator.negated() != positive;
  }

  private boolean holds(InstanceSnapshot instance, Operator op) {
    return switch (subject) {
      case ATTRIBUTE -> {
        Optional<String> value = instance.attribute(attribute);
        yield op == Operator.EXISTS ? value.isPresent() : value.isPresent() && text(value.get(), op);
      }
      case EC2_INSTANCE_ID -> instance.ec2InstanceId() != null && text(instance.ec2InstanceId(), op);
      case TASK_GROUP -> anyGroup(instance, op);
      case AGENT_CONNECTED -> op == Operator.MATCHES ? pattern.matcher(String.valueOf(instance.agentConnected())).matches()
          : values.contains(instance.agentConnected());
      case AGENT_VERSION -> instance.agentVersion() != null
          && ordered(Version.of(instance.agentVersion()).compareTo((Version) values.get(0)), op);
      case REGISTERED_AT -> instance.registeredAt() != null
          && ordered(((When) values.get(0)).compare(instance.registeredAt()), op);
      case RUNNING_TASKS_COUNT -> ordered(Long.compare(instance.runningTasksCount(), (Long) values.get(0)), op);
    };
  }

  private boolean anyGroup(InstanceSnapshot instance, Operator op) {
    for (String group : instance.taskGroups()) {
      if (text(group, op)) {
        return true;
      }
    }
    return false;
  }

  private boolean text(String actual, Operator op) {
    return switch (op) {
      case EQUALS -> actual.equals(values.get(0));
      case IN -> values.contains(actual);
      case MATCHES -> pattern.matcher(actual).matches();
      default -> ordered(compareText(actual, (String) values.get(0)), op);
    };
  }

  /** For {@code >} and the like: numbers as numbers ({@code 10 > 9}, {@code 10 >= 10.0}), anything else as text. */
  private static int compareText(String actual, String argument) {
    BigDecimal a = number(actual);
    BigDecimal b = number(argument);
    return a != null && b != null ? a.compareTo(b) : actual.compareTo(argument);
  }

  private static BigDecimal number(String s) {
    if (s.isEmpty() || s.length() > 40 || !NUMBER.matcher(s).matches()) {
      return null;
    }
    return new BigDecimal(s);
  }

  /** {@code ==}, {@code >}, … applied to a comparison result. */
  private static boolean ordered(int comparison, Operator op) {
    return switch (op) {
      case EQUALS -> comparison == 0;
      case GREATER_THAN -> comparison > 0;
      case GREATER_THAN_EQUAL -> comparison >= 0;
      case LESS_THAN -> comparison < 0;
      case LESS_THAN_EQUAL -> comparison <= 0;
      default -> throw new IllegalStateException("not an ordering: " + op);
    };
  }

  private Object read(Argument a) {
    String t = a.text();
    return switch (subject.kind()) {
      case BOOLEAN -> {
        String lower = t.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw new ClusterQuerySyntaxError("`" + t + "` is not true or false, the values of " + subject.written(),
              a.start(), a.end());
        }
        yield Boolean.parseBoolean(lower);
      }
      case VERSION -> {
        if (!Version.isVersion(t)) {
          throw new ClusterQuerySyntaxError("`" + t + "` is not an agent version such as `1.14.5`", a.start(), a.end());
        }
        yield Version.of(t);
      }
      case DATE -> When.parse(t).orElseThrow(() -> new ClusterQuerySyntaxError("`" + t + "` is not a date ECS reads;"
          + " write 2018-06-18, 2018-06-18T22:28:28, 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00", a.start(), a.end()));
      case INTEGER -> {
        if (!t.matches("\\d{1,9}")) {
          throw new ClusterQuerySyntaxError("`" + t + "` is not a whole number, which " + subject.written() + " counts",
              a.start(), a.end());
        }
        yield Long.parseLong(t);
      }
      case TEXT -> t;
    };
  }

  private static Pattern regex(Argument a) {
    try {
      return Pattern.compile(a.text());
    } catch (PatternSyntaxException e) {
      throw new ClusterQuerySyntaxError("`" + a.text() + "` is not a regular expression (Java syntax): "
          + e.getDescription(), a.start(), a.end());
    }
  }

  /** An agent version: dotted numbers, compared part by part (missing parts are 0). */
  record Version(List<Long> parts) implements Comparable<Version> {
    static boolean isVersion(String text) {
      return text.matches("\\d{1,9}(\\.\\d{1,9})*");
    }

    /** The leading dotted numbers of {@code text} ({@code 1.80.0} of {@code 1.80.0-dev}). */
    static Version of(String text) {
      List<Long> parts = new ArrayList<>();
      for (String p : text.split("\\.")) {
        String digits = p.replaceAll("^(\\d{0,9}).*$", "$1");
        if (digits.isEmpty()) {
          break;
        }
        parts.add(Long.parseLong(digits));
        if (digits.length() < p.length()) {
          break;
        }
      }
      return new Version(parts);
    }

    @Override
    public int compareTo(Version o) {
      for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
        long a = i < parts.size() ? parts.get(i) : 0;
        long b = i < o.parts.size() ? o.parts.get(i) : 0;
        if (a != b) {
          return Long.compare(a, b);
        }
      }
      return 0;
    }
  }

  /** A registeredAt argument: a day (compared with the UTC date) or an instant. */
  record When(LocalDate day, Instant instant) {
    static Optional<When> parse(String text) {
      try {
        if (text.length() == 10) {
          return Optional.of(new When(LocalDate.parse(text), null));
        }
        if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
          return Optional.of(new When(null, java.time.OffsetDateTime.parse(text).toInstant()));
        }
        return Optional.of(new When(null, java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
    }

    /** The registration time compared with this argument. */
    int compare(Instant registeredAt) {
      return day != null ? registeredAt.atOffset(ZoneOffset.UTC).toLocalDate().compareTo(day) : registeredAt.compareTo(instant);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition c && subject == c.subject && Objects.equals(attribute, c.attribute)
        && operator == c.operator && arguments.equals(c.arguments) && start == c.start && end == c.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, attribute, operator, arguments, start, end);
  }

  @Override
  public String toString() {
    return (subject == Subject.ATTRIBUTE ? "attribute:" + attribute : subject.written()) + " " + operator.symbol()
        + (arguments.isEmpty() ? "" : " " + arguments.stream().map(Argument::text).toList());
  }
}
