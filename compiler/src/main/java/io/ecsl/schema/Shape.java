package io.ecsl.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One shape of an AWS API model: a structure with members, a list, a map, or a scalar (string,
 * integer, long, double, boolean, timestamp) with optional enum values and limits.
 *
 * @param members member name to shape name, in the model's order (which is also our output order)
 */
public record Shape(
    ServiceModel model,
    String name,
    String type,
    Map<String, String> members,
    Set<String> required,
    List<String> enumValues,
    Long min,
    Long max,
    String memberShape,
    String keyShape,
    String valueShape,
    boolean sensitive) {

  /**
   * Shapes are unique within their model (one object per name), so identity is equality. The
   * record default would hash every member on each map lookup.
   */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  public boolean isStructure() {
    return type.equals("structure");
  }

  public boolean isList() {
    return type.equals("list");
  }

  public boolean isMap() {
    return type.equals("map");
  }

  public boolean isString() {
    return type.equals("string");
  }

  public boolean isInteger() {
    return type.equals("integer") || type.equals("long");
  }

  public boolean isDouble() {
    return type.equals("double") || type.equals("float");
  }

  public boolean isBoolean() {
    return type.equals("boolean");
  }

  public boolean isEnum() {
    return enumValues != null && !enumValues.isEmpty();
  }

  /** The shape of a member, or null if there is no such member. */
  public Shape member(String memberName) {
    String s = members.get(memberName);
    return s == null ? null : model.shape(s);
  }

  /** The element shape of a list. */
  public Shape element() {
    return model.shape(memberShape);
  }

  /** The value shape of a map. */
  public Shape value() {
    return model.shape(valueShape);
  }

  /**
   * The member a written attribute name means: {@code memory_reservation}, {@code memoryReservation}
   * and {@code MemoryReservation} all mean {@code memoryReservation}.
   */
  public String memberFor(String written) {
    return model.memberFor(this, normalize(written));
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, String> NORMALIZED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Lower case without `_` and `-`; memoized, since the same few hundred names recur everywhere. */
  public static String normalize(String name) {
    String n = NORMALIZED.get(name);
    if (n == null) {
      n = name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
      if (NORMALIZED.size() < 100_000) {
        NORMALIZED.put(name, n);
      }
    }
    return n;
  }

  /**
   * For a {name, value}-like structure (environment variables, tags, secrets): its key member and
   * its value member, e.g. {@code [name, value]}, {@code [Key, Value]}, {@code [name, valueFrom]};
   * null for any other shape. Such lists are written as a block of {@code key = value} pairs.
   */
  public String[] keyValueMembers() {
    if (!isStructure() || members.size() != 2) {
      return null;
    }
    String key = null;
    String value = null;
    for (String m : members.keySet()) {
      String n = normalize(m);
      if (n.equals("name") || n.equals("key")) {
        key = m;
      } else if (n.equals("value") || n.equals("valuefrom")) {
        value = m;
      }
    }
    return key != null && value != null ? new String[] {key, value} : null;
  }

  /** {@code containerDefinitions} → {@code container_definitions}: how members read in .ecs source. */
  public static String snake(String member) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < member.length(); i++) {
      char c = member.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLower = i > 0 && !Character.isUpperCase(member.charAt(i - 1));
        boolean nextLower = i + 1 < member.length() && Character.isLowerCase(member.charAt(i + 1));
        if (i > 0 && (prevLower || nextLower)) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
