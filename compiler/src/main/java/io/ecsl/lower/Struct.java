package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.MISSING_REQUIRED;
import static io.ecsl.diag.LanguageCode.SET_TWICE;

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
  // Per member, by its position in the shape (arrays: a large project builds hundreds of
  // thousands of structures, and hashing member names was a tenth of lowering).
  private final JsonNode[] values;
  private final Span[] setAt;
  private final boolean[] written;
  private final Loc[] places;
  /** Names that are not members of the shape (never output; kept so has/get stay truthful). */
  private Map<String, JsonNode> others;

  Struct(Lower lower, Shape shape, Loc loc) {
    this.lower = lower;
    this.shape = shape;
    this.loc = loc;
    int n = shape.memberCount();
    this.values = new JsonNode[n];
    this.setAt = new Span[n];
    this.written = new boolean[n];
    this.places = new Loc[n];
  }

  boolean has(String member) {
    return get(member) != null;
  }

  JsonNode get(String member) {
    int i = shape.memberIndex(member);
    return i >= 0 ? values[i] : others == null ? null : others.get(member);
  }

  /** Sets a member, reporting a second setting of the same member. */
  void set(String member, JsonNode value, Span at) {
    int i = shape.memberIndex(member);
    if (i < 0) {
      if (value != null) {
        otherValues().putIfAbsent(member, value);
      }
      return;
    }
    written[i] = true;
    if (value == null) {
      return;
    }
    if (values[i] != null) {
      lower.report(Diagnostic.error(SET_TWICE, at, "`" + Shape.snake(member) + "` is set twice" + where())
          .withLabel(setAt[i], "first set here").withHint("keep one of them"));
      return;
    }
    values[i] = value;
    setAt[i] = at;
    lower.spans().putChild(loc, shape.memberAt(i), -1, at);
  }

  /** Sets a member only if nothing set it yet (a default derived from the declaration). */
  void setDefault(String member, JsonNode value) {
    if (value == null) {
      return;
    }
    int i = shape.memberIndex(member);
    if (i < 0) {
      otherValues().putIfAbsent(member, value);
    } else if (values[i] == null) {
      values[i] = value;
    }
  }

  private Map<String, JsonNode> otherValues() {
    if (others == null) {
      others = new HashMap<>();
    }
    return others;
  }

  /** The list member, created on first use; blocks such as {@code container app { … }} append to it. */
  ArrayNode list(String member, Span at) {
    int i = shape.memberIndex(member);
    JsonNode existing = get(member);
    if (existing instanceof ArrayNode a) {
      return a;
    }
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    if (i < 0) {
      otherValues().put(member, a);
      return a;
    }
    lower.spans().list(a, at(i));
    values[i] = a;
    if (setAt[i] == null) {
      setAt[i] = at;
    }
    lower.spans().putChild(loc, shape.memberAt(i), -1, at);
    return a;
  }

  /** Records that the source wrote this member, whether or not its value turned out valid. */
  void written(String member) {
    int i = shape.memberIndex(member);
    if (i >= 0) {
      written[i] = true;
    }
  }

  /** Lowers a value for a member through the generic path (type, enum and unit checks). */
  JsonNode lowerMember(String member, String writtenAs, Value value, Span at) {
    written(member);
    Shape target = shape.member(member);
    return lower.value(value, target, memberLoc(member, writtenAs, at));
  }

  Loc memberLoc(String member, String written, Span at) {
    Shape target = shape.member(member);
    Hint hint = Hint.of(shape.name(), member);
    // Only a list's elements move (canonical sort), so only a list shares its place's reordering.
    return target != null && target.isList() ? loc.member(member, written, at, hint, at(member))
        : loc.member(member, written, at, hint);
  }

  /** The place of a member (the same object every time, so a reordered list keeps its spans). */
  Loc at(String member) {
    int i = shape.memberIndex(member);
    return i >= 0 ? at(i) : loc.child(member);
  }

  private Loc at(int i) {
    Loc l = places[i];
    if (l == null) {
      l = places[i] = loc.child(shape.memberAt(i));
    }
    return l;
  }

  String where() {
    return Loc.in(loc);
  }

  ObjectNode build() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        out.set(shape.memberAt(i), values[i]);
      }
    }
    return out;
  }

  /** A required enum member with one possible value needs no writing (an environment file's `type = s3`). */
  private boolean fillSingleValue(String member) {
    Shape s = shape.member(member);
    if (s.isEnum() && s.enumValues().size() == 1) {
      values[shape.memberIndex(member)] = JsonNodeFactory.instance.textNode(s.enumValues().get(0));
      return true;
    }
    return false;
  }

  /** Reports members the API requires that nothing set. */
  void checkRequired(Span at) {
    for (String member : shape.required()) {
      int i = shape.memberIndex(member);
      if (i >= 0 && values[i] == null && !written[i]) {
        if (fillSingleValue(member)) {
          continue;
        }
        String written = lower.sugars().spelling(shape, member);
        lower.report(Diagnostic.error(MISSING_REQUIRED, at, loc.where() + " needs `" + written + "`")
            .withHint(member.equals("containerDefinitions") ? "add a container: `container app { image = \"…\", memory = 512 MiB }`"
                : "add `" + written + " = …`"));
      }
    }
  }
}
