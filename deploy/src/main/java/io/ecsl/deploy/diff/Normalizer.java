package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.model.Canonical;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts API JSON in one canonical form so that two documents meaning the same thing to ECS are
 * equal: projected onto a request shape (fields only Describe returns — revision, status, ARNs,
 * registeredAt — fall away), defaults the API fills in removed ({@link EcsDefaults}), empty lists,
 * maps and structures removed, order-insensitive lists sorted ({@link Canonical}), unit forms
 * converted ({@code "1 vCPU"} = {@code "1024"}), numbers and booleans in one representation, keys
 * in the API model's order. Normalizing is idempotent; the input is never modified.
 */
public final class Normalizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Normalizer() {}

  /** The canonical form of {@code body} as a {@code shape} (a request shape); never null. */
  public static ObjectNode normalize(JsonNode body, Shape shape) {
    JsonNode prepared = EcsSemantics.prepare(shape.name(), body);
    JsonNode out = value(prepared, shape, null, null);
    return out instanceof ObjectNode o ? o : JSON.objectNode();
  }

  /** Numeric-aware equality: {@code 1} equals {@code 1.0}, {@code 0} (int) equals {@code 0} (long). */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(NUMERIC, b);
  }

  private static final Comparator<JsonNode> NUMERIC = (x, y) -> {
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue());
    }
    return x.equals(y) ? 0 : 1;
  };

  static JsonNode value(JsonNode n, Shape shape, Shape owner, String member) {
    if (n == null || n.isNull() || n.isMissingNode() || shape == null) {
      return null;
    }
    return switch (shape.type()) {
      case "structure" -> structure(n, shape);
      case "list" -> list(n, shape, owner, member);
      case "map" -> map(n, shape);
      case "integer", "long" -> n.isNumber() || n.isTextual() && n.asText().matches("-?\\d+") ? LongNode.valueOf(n.asLong()) : n;
      case "double", "float" -> n.isNumber() || n.isTextual() ? DoubleNode.valueOf(n.asDouble()) : n;
      case "boolean" -> n.isBoolean() ? n : n.isTextual() ? BooleanNode.valueOf(Boolean.parseBoolean(n.asText())) : n;
      case "string" -> {
        String text = n.isTextual() ? n.asText() : n.isValueNode() ? n.asText() : n.toString();
        yield TextNode.valueOf(owner == null ? text : EcsDefaults.unitForm(owner.name(), member, text));
      }
      default -> n;
    };
  }

  private static JsonNode structure(JsonNode n, Shape shape) {
    if (!n.isObject()) {
      return n;
    }
    ObjectNode out = JSON.objectNode();
    for (Map.Entry<String, String> m : shape.members().entrySet()) {
      JsonNode v = n.get(m.getKey());
      if (v == null) {
        continue;
      }
      JsonNode nv = value(v, shape.model().shape(m.getValue()), shape, m.getKey());
      if (nv == null) {
        continue;
      }
      JsonNode def = EcsDefaults.defaultOf(shape.name(), m.getKey());
      if (def != null && same(def, nv)) {
        continue;
      }
      out.set(m.getKey(), nv);
    }
    return out.isEmpty() ? null : out;
  }

  private static JsonNode list(JsonNode n, Shape shape, Shape owner, String member) {
    if (!n.isArray()) {
      return n;
    }
    List<JsonNode> items = new ArrayList<>(n.size());
    for (JsonNode item : n) {
      JsonNode v = value(item, shape.element(), owner, member);
      if (v != null) {
        items.add(v);
      }
    }
    if (items.isEmpty()) {
      return null;
    }
    String key = owner == null ? null : Canonical.sortKey(owner, member);
    if (key != null) {
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

  private static JsonNode map(JsonNode n, Shape shape) {
    if (!n.isObject()) {
      return n;
    }
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    n.fields().forEachRemaining(e -> {
      JsonNode v = value(e.getValue(), shape.value(), null, null);
      if (v != null) {
        sorted.put(e.getKey(), v);
      }
    });
    if (sorted.isEmpty()) {
      return null;
    }
    ObjectNode out = JSON.objectNode();
    sorted.forEach(out::set);
    return out;
  }
}
