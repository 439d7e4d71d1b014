package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.deploy.diff.ShapeRules.Kind;
import io.ecsl.deploy.diff.ShapeRules.Member;
import io.ecsl.model.Canonical;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts API JSON in one canonical form so that two documents meaning the same thing to ECS are
 * equal — with plain {@link JsonNode#equals}, so the planner compares whole documents without
 * walking them field by field or printing them: projected onto a request shape (fields only
 * Describe returns — revision, status, ARNs, registeredAt — fall away), defaults the API fills in
 * removed ({@link EcsDefaults}, {@link EcsSemantics}), empty lists, maps and structures removed,
 * order-insensitive lists sorted ({@link Canonical}), unit forms converted ({@code "1 vCPU"} =
 * {@code "1024"}), every integer a {@link LongNode}, every floating-point number a
 * {@link DoubleNode}, booleans as booleans, keys in the API model's order.
 *
 * <p>Normalizing is idempotent and never modifies its input. The result is a new tree of
 * containers; its scalar nodes may be shared with the input (Jackson's scalar nodes are immutable).
 */
public final class Normalizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Normalizer() {}

  /** The canonical form of {@code body} as a {@code shape} (a request shape); never null. */
  public static ObjectNode normalize(JsonNode body, Shape shape) {
    return normalize(body, shape, null);
  }

  /**
   * The canonical form of {@code body} without its top-level member {@code without} (the tags,
   * which the plan compares on their own), so no copy of the input is needed to leave it out.
   */
  public static ObjectNode normalize(JsonNode body, Shape shape, String without) {
    ShapeRules rules = ShapeRules.of(shape);
    JsonNode out = body instanceof ObjectNode obj && rules.kind == Kind.STRUCTURE ? structure(obj, rules, without)
        : value(body, rules, null);
    ObjectNode doc = out instanceof ObjectNode o ? o : JSON.objectNode();
    EcsSemantics.apply(shape.name(), doc);
    return doc;
  }

  /** The canonical form of one member's value ({@code owner.member}), or null when it normalizes away. */
  public static JsonNode member(Shape owner, String member, JsonNode value) {
    Member m = ShapeRules.of(owner).member(member);
    if (m == null) {
      return null;
    }
    JsonNode v = value(value, m.rules(), m);
    return v == null || v.equals(m.defaultValue) ? null : v;
  }

  /**
   * Numeric-aware structural equality: {@code 1} equals {@code 1.0}, {@code 0} (int) equals
   * {@code 0} (long) — a compiled request and the same request read back from a file differ only in
   * such representations. Stops at the first difference; allocates nothing for integers.
   */
  public static boolean same(JsonNode a, JsonNode b) {
    return equalWith(a, b, Normalizer::sameScalar);
  }

  /**
   * True when two documents are the same JSON, an integer being the same whatever its Java type
   * (a request read back from a file has ints where the compiler made longs). Identical documents
   * have the same canonical form, so a caller may skip normalizing them. Unlike {@link #same},
   * {@code 1} and {@code 1.0} differ: a string member holding them normalizes to "1" and "1.0".
   * Stops at the first difference.
   */
  public static boolean identical(JsonNode a, JsonNode b) {
    return equalWith(a, b, Normalizer::identicalScalar);
  }

  /** One structural walk; {@code scalars} decides for leaves (and non-matching containers). */
  private static boolean equalWith(JsonNode a, JsonNode b, java.util.function.BiPredicate<JsonNode, JsonNode> scalars) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof ObjectNode x && b instanceof ObjectNode y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : x.properties()) {
        if (!equalWith(e.getValue(), y.get(e.getKey()), scalars)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof ArrayNode x && b instanceof ArrayNode y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equalWith(x.get(i), y.get(i), scalars)) {
          return false;
        }
      }
      return true;
    }
    return scalars.test(a, b);
  }

  private static boolean sameScalar(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
        return a.longValue() == b.longValue();
      }
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static boolean identicalScalar(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.canConvertToLong() && b.canConvertToLong() ? a.longValue() == b.longValue() : a.equals(b);
    }
    return a.equals(b);
  }

  private static JsonNode value(JsonNode n, ShapeRules rules, Member member) {
    if (n == null || n.isNull() || n.isMissingNode() || rules == null) {
      return null;
    }
    return switch (rules.kind) {
      case STRUCTURE -> n instanceof ObjectNode obj ? structure(obj, rules, null) : n;
      case LIST -> n instanceof ArrayNode arr ? list(arr, rules, member) : n;
      case MAP -> n instanceof ObjectNode obj ? map(obj, rules) : n;
      default -> scalar(n, rules.kind, member != null && member.unitForm, member == null ? null : member.name);
    };
  }

  /** A scalar in canonical form; the node itself when it already is. */
  static JsonNode scalar(JsonNode n, Kind kind, boolean unitForm, String member) {
    return switch (kind) {
      case INTEGER -> n instanceof LongNode ? n : n.isNumber() || n.isTextual() && isInteger(n.textValue())
          ? LongNode.valueOf(n.asLong()) : n;
      case DOUBLE -> n instanceof DoubleNode ? n : n.isNumber() || n.isTextual() ? DoubleNode.valueOf(n.asDouble()) : n;
      case BOOLEAN -> n.isBoolean() ? n : n.isTextual() ? BooleanNode.valueOf(Boolean.parseBoolean(n.textValue())) : n;
      case STRING -> {
        String text = n.isTextual() ? n.textValue() : n.isValueNode() ? n.asText() : n.toString();
        String canonical = unitForm ? EcsDefaults.unitForm("RegisterTaskDefinitionRequest", member, text) : text;
        yield n.isTextual() && canonical.equals(text) ? n : TextNode.valueOf(canonical);
      }
      default -> n;
    };
  }

  private static boolean isInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static JsonNode structure(ObjectNode n, ShapeRules rules, String without) {
    if (n.isEmpty()) {
      return null;
    }
    Member[] members = rules.members();
    JsonNode[] slots = null;
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      Member m = rules.member(e.getKey());
      if (m == null || m.name.equals(without)) {
        continue; // not part of the request shape: a Describe-only field
      }
      JsonNode v = value(e.getValue(), m.rules(), m);
      if (v == null || v.equals(m.defaultValue)) {
        continue;
      }
      if (slots == null) {
        slots = new JsonNode[members.length];
      }
      slots[m.index] = v;
    }
    if (slots == null) {
      return null;
    }
    ObjectNode out = JSON.objectNode();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null) {
        out.set(members[i].name, slots[i]); // the model's order, whatever the input's
      }
    }
    return out;
  }

  private static JsonNode list(ArrayNode n, ShapeRules rules, Member member) {
    if (n.isEmpty()) {
      return null;
    }
    ShapeRules element = rules.element();
    List<JsonNode> items = new ArrayList<>(n.size());
    for (JsonNode item : n) {
      // Elements get the list's member: a list of lists keeps its owner's sort order.
      JsonNode v = value(item, element, member);
      if (v != null) {
        items.add(v);
      }
    }
    if (items.isEmpty()) {
      return null;
    }
    String key = member == null ? null : member.sortKey;
    if (key != null && items.size() > 1) {
      // Ties (two elements with the same key, or none) are broken by the whole element, so the
      // order is total and the result does not depend on the input order.
      Comparator<JsonNode> byKey = key.isEmpty() ? Comparator.comparing(JsonNode::asText)
          : Comparator.comparing((JsonNode e) -> e.path(key).asText());
      items.sort(byKey.thenComparing(JsonNode::toString));
    }
    ArrayNode out = JSON.arrayNode(items.size());
    out.addAll(items);
    return out;
  }

  private static JsonNode map(ObjectNode n, ShapeRules rules) {
    ShapeRules valueRules = rules.element();
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = value(e.getValue(), valueRules, null);
      if (v != null) {
        sorted.put(e.getKey(), v);
      }
    }
    if (sorted.isEmpty()) {
      return null;
    }
    ObjectNode out = JSON.objectNode();
    sorted.forEach(out::set);
    return out;
  }
}
