package io.ecsl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.source.Span;

/** {@code jsonencode(value)}: for fields that hold JSON text, such as a schedule's RunTask overrides. */
final class Json {
  private Json() {}

  /**
   * Compact JSON text, written through jackson-core ({@code io.ecsl.emit.Json}, the one JSON
   * configuration): a project that used {@code jsonencode} paid 25-40 ms of CPU for an
   * {@code ObjectMapper} to write a few bytes.
   */
  static String encode(Interpreter in, Value v, Span at) {
    return io.ecsl.emit.Json.compact(toNode(in, v, at));
  }

  /** Each node counts against the budget as it is made: a list may hold one long string many times. */
  static JsonNode toNode(Interpreter in, Value v, Span at) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    in.budget().step(at);
    return switch (v) {
      case Value.Str s -> {
        in.budget().text(s.value().length(), at);
        yield f.textNode(s.value());
      }
      case Value.Int i -> f.numberNode(i.value());
      case Value.Dec d -> f.numberNode(d.value());
      case Value.Bool b -> f.booleanNode(b.value());
      case Value.Null n -> f.nullNode();
      case Value.ListV l -> {
        ArrayNode a = f.arrayNode();
        for (Value item : l.items()) {
          a.add(toNode(in, item, at));
        }
        yield a;
      }
      case Value.Obj o -> {
        ObjectNode obj = f.objectNode();
        for (Value.Field field : o.fields()) {
          obj.set(field.key(), toNode(in, field.value(), at));
        }
        yield obj;
      }
      case Value.Symbol s -> f.textNode(s.name());
      case Value.Error e -> throw Silent.INSTANCE;
      default -> f.textNode(Text.interpolate(in, v, at));
    };
  }

}
