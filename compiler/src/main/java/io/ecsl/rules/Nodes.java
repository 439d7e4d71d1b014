package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Small null-safe readers for API JSON. Imported models may hold anything (a string where the API
 * wants a number, an object where it wants a list), so every reader tolerates the wrong type and
 * answers "absent" rather than throwing: the schema rules report the type error, other rules skip.
 */
public final class Nodes {
  private Nodes() {}

  /** The text of a string member, or null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** An integral member (or a string holding one), or null. */
  public static Long integer(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isTextual() && v.asText().matches("-?\\d{1,18}")) {
      return Long.parseLong(v.asText());
    }
    return null;
  }

  /** A number member, or null. */
  public static Double number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  /** A boolean member (or "true"/"false"), or null. */
  public static Boolean bool(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    return null;
  }

  /** True when the member is present and not JSON null. */
  public static boolean has(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && !v.isNull();
  }

  /** An object member, or null. */
  public static ObjectNode object(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v instanceof ObjectNode o ? o : null;
  }

  /** The elements of an array member (empty when absent or not an array). */
  public static List<JsonNode> list(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (!(v instanceof ArrayNode a)) {
      return Collections.emptyList();
    }
    List<JsonNode> out = new ArrayList<>(a.size());
    a.forEach(out::add);
    return out;
  }

  /** The string elements of an array member. */
  public static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : list(node, field)) {
      if (e.isTextual()) {
        out.add(e.asText());
      }
    }
    return out;
  }

  /** The size of an array member (0 when absent). */
  public static int size(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v instanceof ArrayNode a ? a.size() : 0;
  }

  /** {@code base + "/" + field}, escaped for JSON pointers. */
  public static String ptr(String base, String field) {
    return base + "/" + SpanIndex.escape(field);
  }

  /** {@code base + "/" + index}. */
  public static String ptr(String base, int index) {
    return base + "/" + index;
  }

  /** How a member is written in .ecs: {@code memoryReservation} → {@code memory_reservation}. */
  public static String name(String member) {
    return "`" + Shape.snake(member) + "`";
  }

  /** A number as people write it: {@code 70}, {@code 0.5}. */
  public static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** {@code 1, 2, 3 or 4}. */
  public static String orList(List<?> values) {
    if (values.isEmpty()) {
      return "";
    }
    if (values.size() == 1) {
      return String.valueOf(values.get(0));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(i == values.size() - 1 ? " or " : ", ");
      }
      sb.append(values.get(i));
    }
    return sb.toString();
  }

  /** {@code `a`, `b` and `c`}. */
  public static String andList(List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(i == values.size() - 1 ? " and " : ", ");
      }
      sb.append('`').append(values.get(i)).append('`');
    }
    return sb.toString();
  }
}
