package io.ecsl.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One shape of an AWS API model: a structure with members, a list, a map, or a scalar (string,
 * integer, long, double, boolean, timestamp) with optional enum values and limits.
 *
 * <p>Shapes are unique within their model (one object per name), so identity is equality. Member
 * shapes are resolved once and remembered: lowering and the rules ask for them millions of times
 * on a large project.
 */
public final class Shape {
  private final ServiceModel model;
  private final String name;
  private final String type;
  private final Map<String, String> members;
  private final Set<String> required;
  private final List<String> enumValues;
  private final Long min;
  private final Long max;
  private final String memberShape;
  private final String keyShape;
  private final String valueShape;
  private final boolean sensitive;
  private final java.util.concurrent.ConcurrentHashMap<String, Shape> memberShapes = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Shape element;
  private volatile Shape value;
  private final String[] memberOrder;
  private final Map<String, Integer> memberIndex;

  /**
   * @param members member name to shape name, in the model's order (which is also our output order)
   */
  Shape(ServiceModel model, String name, String type, Map<String, String> members, Set<String> required,
      List<String> enumValues, Long min, Long max, String memberShape, String keyShape, String valueShape,
      boolean sensitive) {
    this.model = model;
    this.name = name;
    this.type = type.intern(); // the is*() tests below then compare identical strings
    this.members = members;
    this.required = required;
    this.enumValues = enumValues;
    this.min = min;
    this.max = max;
    this.memberShape = memberShape;
    this.keyShape = keyShape;
    this.valueShape = valueShape;
    this.sensitive = sensitive;
    this.memberOrder = members.keySet().toArray(new String[0]);
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < memberOrder.length; i++) {
      index.put(memberOrder[i], i);
    }
    this.memberIndex = index;
  }

  /** The shape names a list's element, a map's key and its value have, or null (for the compact models). */
  String memberShapeName() {
    return memberShape;
  }

  String keyShapeName() {
    return keyShape;
  }

  String valueShapeName() {
    return valueShape;
  }

  /** How many members a structure has. */
  public int memberCount() {
    return memberOrder.length;
  }

  /** The position of a member in the model's order, or -1 when there is no such member. */
  public int memberIndex(String member) {
    Integer i = memberIndex.get(member);
    return i == null ? -1 : i;
  }

  /** The member at a position in the model's order. */
  public String memberAt(int index) {
    return memberOrder[index];
  }

  public ServiceModel model() {
    return model;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  /** Member name to shape name, in the model's order (which is also our output order). */
  public Map<String, String> members() {
    return members;
  }

  public Set<String> required() {
    return required;
  }

  public List<String> enumValues() {
    return enumValues;
  }

  public Long min() {
    return min;
  }

  public Long max() {
    return max;
  }

  public boolean sensitive() {
    return sensitive;
  }

  @Override
  public String toString() {
    return "Shape[" + model.name() + "#" + name + " " + type + "]";
  }

  public boolean isStructure() {
    return type == "structure";
  }

  /** Free JSON: the API takes any value here (a lifecycle hook's {@code hookDetails}). */
  public boolean isDocument() {
    return type == "document";
  }

  public boolean isList() {
    return type == "list";
  }

  public boolean isMap() {
    return type == "map";
  }

  public boolean isString() {
    return type == "string";
  }

  public boolean isInteger() {
    return type == "integer" || type == "long";
  }

  public boolean isDouble() {
    return type == "double" || type == "float";
  }

  public boolean isBoolean() {
    return type == "boolean";
  }

  public boolean isEnum() {
    return enumValues != null && !enumValues.isEmpty();
  }

  private volatile Set<String> enumSet;

  /** True when {@code value} is one of this enum's values (a set lookup: asked for every enum value of a build). */
  public boolean isEnumValue(String value) {
    Set<String> set = enumSet;
    if (set == null) {
      set = enumSet = enumValues == null ? Set.of() : Set.copyOf(enumValues);
    }
    return set.contains(value);
  }

  /** The shape of a member, or null if there is no such member. */
  public Shape member(String memberName) {
    Shape m = memberShapes.get(memberName);
    if (m == null) {
      String s = members.get(memberName);
      if (s == null) {
        return null;
      }
      m = model.shape(s);
      memberShapes.put(memberName, m);
    }
    return m;
  }

  /** The element shape of a list. */
  public Shape element() {
    Shape e = element;
    if (e == null) {
      e = element = model.shape(memberShape);
    }
    return e;
  }

  /** The value shape of a map. */
  public Shape value() {
    Shape v = value;
    if (v == null) {
      v = value = model.shape(valueShape);
    }
    return v;
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
