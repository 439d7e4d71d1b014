package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model-driven mapping from API JSON to {@code .ecs} items, used wherever no first-class form
 * applies: every member by its snake_case name, structures as blocks, lists of structures as one
 * block per element, {name, value} lists and maps as {@code { K = "v" }} blocks, enum values as
 * bare words. It is the inverse of the compiler's generic lowering, so it can express any request.
 */
final class GenericItems {
  private GenericItems() {}

  /** Items for the members of {@code obj} (a {@code shape}), skipping {@code skip}. */
  static List<Item> members(ObjectNode obj, Shape shape, Set<String> skip) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      if (skip.contains(e.getKey()) || shape.member(e.getKey()) == null) {
        continue;
      }
      items.addAll(member(Shape.snake(e.getKey()), e.getValue(), shape.member(e.getKey())));
    }
    return items;
  }

  /** The items that set one member written as {@code key}. */
  static List<Item> member(String key, JsonNode value, Shape shape) {
    if (shape.isStructure() && value instanceof ObjectNode o) {
      return List.of(Ast.block(key, members(o, shape, Set.of())));
    }
    if (shape.isMap() && value instanceof ObjectNode o && stringMap(o)) {
      return List.of(Ast.block(key, mapItems(o)));
    }
    if (shape.isList() && value instanceof ArrayNode a && shape.element().isStructure()) {
      Shape element = shape.element();
      String[] kv = keyValueMembers(element);
      if (kv != null && keyValueList(a, kv)) {
        List<Item> pairs = new ArrayList<>();
        for (JsonNode e : a) {
          pairs.add(Ast.attr(e.get(kv[0]).asText(), Ast.str(e.get(kv[1]).asText())));
        }
        return List.of(Ast.block(key, pairs));
      }
      if (kv == null && !a.isEmpty()) {
        // `load_balancers { … }` once per element: each block appends one.
        List<Item> blocks = new ArrayList<>();
        for (JsonNode e : a) {
          blocks.add(Ast.block(key, members((ObjectNode) e, element, Set.of())));
        }
        return blocks;
      }
    }
    return List.of(Ast.attr(key, expr(value, shape)));
  }

  /** An expression for a value of {@code shape}. */
  static Expr expr(JsonNode value, Shape shape) {
    return switch (value.getNodeType()) {
      case OBJECT -> shape.isMap() ? Ast.object(mapItems((ObjectNode) value))
          : Ast.object(members((ObjectNode) value, shape, Set.of()));
      case ARRAY -> {
        List<Expr> elements = new ArrayList<>();
        for (JsonNode e : value) {
          elements.add(expr(e, shape.isList() ? shape.element() : shape));
        }
        yield Ast.list(elements);
      }
      case STRING -> word(value.asText(), shape);
      case NUMBER -> value.isIntegralNumber() && value.canConvertToLong() ? Ast.integer(value.asLong()) : Ast.decimal(value.decimalValue());
      case BOOLEAN -> Ast.bool(value.asBoolean());
      default -> Ast.str(value.asText());
    };
  }

  /** An enum value as a bare word ({@code awsvpc}, {@code FARGATE}) when it can be one, else a string. */
  static Expr word(String text, Shape shape) {
    if (shape.isEnum() && shape.enumValues().contains(text) && Ast.isName(text)) {
      return Ast.name(text);
    }
    return Ast.str(text);
  }

  static List<Item> mapItems(ObjectNode o) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      items.add(Ast.attr(e.getKey(), Ast.str(e.getValue().asText())));
    }
    return items;
  }

  private static boolean stringMap(ObjectNode o) {
    for (JsonNode v : o) {
      if (!v.isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** Every element has both members as strings, and no key repeats (a block cannot set one twice). */
  private static boolean keyValueList(ArrayNode a, String[] kv) {
    Set<String> seen = new HashSet<>();
    for (JsonNode e : a) {
      if (e.size() != 2 || !e.path(kv[0]).isTextual() || !e.path(kv[1]).isTextual() || !seen.add(e.get(kv[0]).asText())) {
        return false;
      }
    }
    return !a.isEmpty();
  }

  /** The key and value members of a {name, value}-like element shape, as the compiler reads them; or null. */
  static String[] keyValueMembers(Shape element) {
    return element.keyValueMembers();
  }

  /** True when no two elements of {@code list} share the text of {@code member}, and all have it. */
  static boolean uniqueBy(JsonNode list, String member) {
    Set<String> seen = new HashSet<>();
    for (JsonNode e : list) {
      if (!e.path(member).isTextual() || !seen.add(e.get(member).asText())) {
        return false;
      }
    }
    return true;
  }
}
