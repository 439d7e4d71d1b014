package io.ecsl.facts.elb;

import java.util.List;

/**
 * What an Elastic Load Balancing attribute takes. Attribute values travel as strings
 * ({@code "300"}, {@code "true"}); this says which strings are valid.
 */
public sealed interface AttributeValue {
  /** Why {@code value} is not valid, as the end of a sentence ("must be 0 to 3600 seconds"), or null when it is. */
  String problem(String value);

  /** A whole number of seconds (or another unit) within a range; {@code zero} is also allowed when it means "off". */
  record Range(long min, long max, String unit, boolean zeroTurnsOff) implements AttributeValue {
    @Override
    public String problem(String value) {
      long n;
      try {
        n = Long.parseLong(value);
      } catch (NumberFormatException e) {
        return "must be a whole number of " + unit;
      }
      if (n == 0 && zeroTurnsOff || n >= min && n <= max) {
        return null;
      }
      return "must be " + min + " to " + max + " " + unit + (zeroTurnsOff ? " (or 0 for off)" : "");
    }
  }

  /** {@code true} or {@code false}. */
  record Bool() implements AttributeValue {
    @Override
    public String problem(String value) {
      return value.equals("true") || value.equals("false") ? null : "must be true or false";
    }
  }

  /** One of a few words. */
  record Choice(List<String> values) implements AttributeValue {
    @Override
    public String problem(String value) {
      return values.contains(value) ? null : "must be one of " + String.join(", ", values);
    }
  }

  /** Any text. */
  record Text() implements AttributeValue {
    @Override
    public String problem(String value) {
      return null;
    }
  }
}
