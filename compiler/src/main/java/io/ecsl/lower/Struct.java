package io.ecsl.lower;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Value;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.util.HashMap;
import java.util.Map;

/**
 * A structure being built: members are set in any order (sugar may fill several at once) and
 * come out in the order of the API model, so output is stable and reads like the AWS docs.
 */
final class Struct {
  final Lower lower;
  final Shape shape;
  final Loc loc;
  private final Map<String, JsonNode> values = new HashMap<>();
  private final Map<String, Span> setAt = new HashMap<>();
  private final java.util.Set<String> written = new java.util.HashSet<>();
  private final Map<String, Loc> places = new HashMap<>();

  Struct(Lower lower, Shape shape, Loc loc) {
    this.lower = lower;
    this.shape = shape;
    this.loc = loc;
  }

  boolean has(String member) {
    return values.containsKey(member);
  }

  JsonNode get(String member) {
    return values.get(member);
  }

  /** Sets a member, reporting a second setting of the same member. */
  void set(String member, JsonNode value, Span at) {
    written.add(member);
    if (value == null) {
      return;
    }
    if (values.containsKey(member)) {
      lower.report(Diagnostic.error("E0402", at, "`" + Shape.snake(member) + "` is set twice" + where())
          .withLabel(setAt.get(member), "first set here").withHint("keep one of them"));
      return;
    }
    values.put(member, value);
    setAt.put(member, at);
    lower.spans().put(at(member), at);
  }

  /** Sets a member only if nothing set it yet (a default derived from the declaration). */
  void setDefault(String member, JsonNode value) {
    if (!values.containsKey(member) && value != null) {
      values.put(member, value);
    }
  }

  /** The list member, created on first use; blocks such as {@code container app { … }} append to it. */
  ArrayNode list(String member, Span at) {
    JsonNode existing = values.get(member);
    if (existing instanceof ArrayNode a) {
      return a;
    }
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    lower.spans().list(a, at(member));
    values.put(member, a);
    setAt.putIfAbsent(member, at);
    lower.spans().put(at(member), at);
    return a;
  }

  /** Records that the source wrote this member, whether or not its value turned out valid. */
  void written(String member) {
    written.add(member);
  }

  /** Lowers a value for a member through the generic path (type, enum and unit checks). */
  JsonNode lowerMember(String member, String writtenAs, Value value, Span at) {
    written.add(member);
    Shape target = shape.member(member);
    return lower.value(value, target, memberLoc(member, writtenAs, at));
  }

  Loc memberLoc(String member, String written, Span at) {
    return loc.member(member, written, at, Hint.of(shape.name(), member)).sharing(at(member));
  }

  /** The place of a member (the same object every time, so a reordered list keeps its spans). */
  Loc at(String member) {
    return places.computeIfAbsent(member, loc::child);
  }

  String where() {
    return loc.where().isEmpty() ? "" : " in " + loc.where();
  }

  ObjectNode build() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String member : shape.members().keySet()) {
      JsonNode v = values.get(member);
      if (v != null) {
        out.set(member, v);
      }
    }
    return out;
  }

  /** A required enum member with one possible value needs no writing (an environment file's `type = s3`). */
  private boolean fillSingleValue(String member) {
    Shape s = shape.member(member);
    if (s.isEnum() && s.enumValues().size() == 1) {
      values.put(member, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(s.enumValues().get(0)));
      return true;
    }
    return false;
  }

  /** Reports members the API requires that nothing set. */
  void checkRequired(Span at) {
    for (String member : shape.required()) {
      if (!values.containsKey(member) && !written.contains(member)) {
        if (fillSingleValue(member)) {
          continue;
        }
        lower.report(Diagnostic.error("E0411", at, loc.where() + " needs `" + Shape.snake(member) + "`")
            .withHint("add `" + Shape.snake(member) + " = …`"));
      }
    }
  }
}
