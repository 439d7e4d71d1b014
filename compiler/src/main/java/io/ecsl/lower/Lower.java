package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.INVALID_VALUE;
import static io.ecsl.diag.LanguageCode.LABELS;
import static io.ecsl.diag.LanguageCode.TYPE;
import static io.ecsl.diag.LanguageCode.UNIT;
import static io.ecsl.diag.LanguageCode.UNKNOWN_ATTRIBUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Suggestions;
import io.ecsl.eval.EvalException;
import io.ecsl.eval.Interpreter;
import io.ecsl.eval.Value;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns evaluated values into API request JSON, driven by the AWS model: an attribute is the
 * model member with the same name ({@code memory_reservation} is {@code memoryReservation}), and
 * its value is checked against the member's type, enum values and unit. {@link Sugars} adds the
 * first-class forms ({@code port http = 8080/tcp}, {@code env { … }}, {@code 512 MiB}).
 */
final class Lower {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Interpreter interpreter;
  private final Diagnostics diagnostics;
  private final Sugars sugars;
  private SpanIndex spans;
  private final java.util.function.Supplier<TargetGroupNames> targetGroups;

  Lower(Interpreter interpreter, Diagnostics diagnostics) {
    this(interpreter, diagnostics, () -> TargetGroupNames.NONE);
  }

  Lower(Interpreter interpreter, Diagnostics diagnostics, java.util.function.Supplier<TargetGroupNames> targetGroups) {
    this.interpreter = interpreter;
    this.diagnostics = diagnostics;
    this.targetGroups = targetGroups;
    this.sugars = new Sugars(this);
  }

  /** The project's target groups by name (see {@link TargetGroupNames}). */
  TargetGroupNames targetGroups() {
    return targetGroups.get();
  }

  Interpreter interpreter() {
    return interpreter;
  }

  /** The one registry of first-class syntax (building it is not free; share it). */
  Sugars sugars() {
    return sugars;
  }

  SpanIndex spans() {
    return spans;
  }

  /** Starts a new request: spans recorded from now on belong to it. */
  void beginRequest(SpanIndex index) {
    this.spans = index;
  }

  void report(Diagnostic d) {
    interpreter.report(d);
  }

  // ------------------------------------------------------------------------------- structures

  /** Lowers an object's fields into a structure; the caller may add defaults, then builds it. */
  Struct structure(Value.Obj obj, Shape shape, Loc loc) {
    Struct s = new Struct(this, shape, loc);
    spans.put(loc, loc.span());
    for (Value.Field f : obj.fields()) {
      try {
        field(s, f);
      } catch (EvalException e) {
        report(e.diagnostic());
      }
    }
    return s;
  }

  private void field(Struct s, Value.Field f) {
    if (f.key().equals(Sugars.PRIMARY)) {
      return; // the `= value` part of `key label = value { … }`, read by the sugar that owns it
    }
    if (f.value() instanceof Value.Error && sugars.memberFor(s.shape, f.key()) == null) {
      // The value failed and was reported where it failed; the name may still be wrong.
      if (!sugars.handles(s.shape, f.key())) {
        unknownAttribute(s, f);
      }
      return;
    }
    if (sugars.apply(s, f)) {
      return;
    }
    String member = sugars.memberFor(s.shape, f.key());
    if (member == null) {
      unknownAttribute(s, f);
      return;
    }
    if (f.value() instanceof Value.Error) {
      s.written(member);
      return;
    }
    Shape target = s.shape.member(member);
    if (!f.labels().isEmpty()) {
      report(Diagnostic.error(LABELS, f.keySpan(), "`" + f.key() + "` takes no name" + s.where())
          .withHint("write `" + f.key() + " { … }` or `" + f.key() + " = …`"));
      return;
    }
    if (f.block() && target.isList() && target.element().isStructure() && !Sugars.isKeyValue(target.element())) {
      // A block named like a list member adds one element: `load_balancer { … }` twice makes two.
      ArrayNode list = s.list(member, f.keySpan());
      Span at = f.span();
      JsonNode element = value(f.value(), target.element(), s.memberLoc(member, f.key(), at).element(list.size(), at));
      if (element != null) {
        list.add(element);
      }
      return;
    }
    // one span for both: a field's span is made anew on every call, and the model keeps each
    Span at = f.span();
    s.set(member, s.lowerMember(member, f.key(), f.value(), at), at);
  }

  private void unknownAttribute(Struct s, Value.Field f) {
    Set<String> names = new LinkedHashSet<>(sugars.writtenNames(s.shape));
    for (String m : s.shape.members().keySet()) {
      names.add(Shape.snake(m));
    }
    String hint = Suggestions.didYouMean(f.key(), names);
    String daemon = Daemons.taskOnly(sugars, s.shape, f.key());
    if (daemon != null) {
      report(Diagnostic.error(UNKNOWN_ATTRIBUTE, f.keySpan(), "`" + f.key() + "` is not a setting of " + daemon + s.where())
          .withHint(Daemons.taskOnlyHint(sugars, s.shape, f.key())));
      return;
    }
    if (hint == null) {
      List<String> list = new ArrayList<>(names);
      hint = "valid here: " + String.join(", ", list.size() > 24 ? list.subList(0, 24) : list) + (list.size() > 24 ? ", …" : "");
    }
    report(Diagnostic.error(UNKNOWN_ATTRIBUTE, f.keySpan(), "unknown attribute `" + f.key() + "`" + s.where()).withHint(hint));
  }

  // ------------------------------------------------------------------------------- values

  /** Lowers a value to the JSON the API takes for {@code shape}; null when unset or invalid (reported). */
  JsonNode value(Value v, Shape shape, Loc loc) {
    if (v instanceof Value.Error || v instanceof Value.Null) {
      return null;
    }
    try {
      JsonNode out = switch (shape.type()) {
        case "structure" -> structureValue(v, shape, loc);
        case "list" -> list(v, shape, loc);
        case "map" -> map(v, shape, loc);
        case "string" -> string(v, shape, loc);
        case "integer", "long" -> integer(v, shape, loc);
        case "double", "float" -> decimal(v, loc);
        case "boolean" -> bool(v, loc);
        case "document" -> interpreter.json(v, loc.span());
        case "timestamp" -> v instanceof Value.Str s ? JSON.textNode(s.value()) : mismatch(v, "a timestamp string", loc);
        default -> mismatch(v, shape.type(), loc);
      };
      if (out != null && !(out instanceof ObjectNode) && !(out instanceof ArrayNode)) {
        loc.record(spans, loc.span());
      }
      return out;
    } catch (EvalException e) {
      report(e.diagnostic());
      return null;
    }
  }

  private JsonNode structureValue(Value v, Shape shape, Loc loc) {
    if (!(v instanceof Value.Obj obj)) {
      return mismatch(v, "a block `{ … }`", loc);
    }
    Struct s = structure(obj, shape, loc);
    s.checkRequired(loc.span());
    return s.build();
  }

  private JsonNode list(Value v, Shape shape, Loc loc) {
    Shape element = shape.element();
    ArrayNode out = JSON.arrayNode();
    spans.list(out, loc);
    if (v instanceof Value.ListV list) {
      for (int i = 0; i < list.items().size(); i++) {
        Value item = Sugars.shorthandElement(list.items().get(i), element);
        JsonNode n = value(item, element, loc.element(out.size(), item.span().isNone() ? loc.span() : item.span()));
        if (n != null) {
          out.add(n);
        }
      }
      return out;
    }
    if (v instanceof Value.Obj obj && Sugars.isKeyValue(element)) {
      // `env { A = "b" }` for [{name: A, value: b}], `tags { team = "web" }` for [{key, value}].
      String[] kv = Sugars.keyValueMembers(element);
      for (Value.Field f : obj.fields()) {
        ObjectNode entry = JSON.objectNode();
        Loc at = loc.element(out.size(), f.span());
        String key = f.key();
        entry.put(kv[0], key);
        spans.putChild(at, kv[0], -1, f.keySpan());
        JsonNode value = value(f.value(), element.member(kv[1]), at.member(kv[1], f.key(), f.valueSpan(), null).stringifying()
            .named(() -> "`" + key + "`" + Loc.in(loc)));
        if (value != null) {
          entry.set(kv[1], value);
          out.add(entry);
        }
      }
      return out;
    }
    if (v instanceof Value.Symbol s) {
      throw interpreter.unknownName(s);
    }
    return mismatch(v, "a list `[ … ]`", loc);
  }

  private JsonNode map(Value v, Shape shape, Loc loc) {
    if (!(v instanceof Value.Obj obj)) {
      return mismatch(v, "a block of `key = value` pairs", loc);
    }
    ObjectNode out = JSON.objectNode();
    Shape valueShape = shape.value();
    for (Value.Field f : obj.fields()) {
      if (!f.labels().isEmpty()) {
        report(Diagnostic.error(LABELS, f.keySpan(), "map entries take no name (`" + f.key() + "`)").withHint(null));
        continue;
      }
      JsonNode n = value(f.value(), valueShape, loc.key(f.key(), f.span()).stringifying());
      if (n != null) {
        out.set(f.key(), n);
        spans.put(loc.key(f.key(), f.span()), f.span());
      }
    }
    spans.put(loc, loc.span());
    return out;
  }

  private JsonNode string(Value v, Shape shape, Loc loc) {
    String word = shape.isEnum() ? enumWord(v, shape) : null;
    if (word != null) {
      return JSON.textNode(word);
    }
    String text = switch (v) {
      case Value.Str s -> s.value();
      case Value.Symbol s when shape.isEnum() -> s.name();
      case Value.Symbol s -> throw interpreter.unknownName(s);
      case Value.Int i when loc.stringify() || (loc.hint() != null && loc.hint().asString) -> Long.toString(i.value());
      case Value.Dec d when loc.stringify() -> d.value().stripTrailingZeros().toPlainString();
      case Value.Bool b when loc.stringify() -> Boolean.toString(b.value());
      case Value.Quantity q when loc.hint() != null && loc.hint().asString -> Long.toString(quantity(q, loc));
      case Value.Ref r when loc.stringify() -> r.target().awsName(interpreter);
      case Value.ContainerRef c when loc.stringify() -> c.container();
      case Value.PortRef p when loc.stringify() -> Long.toString(interpreter.containerPortNumber(p));
      default -> null;
    };
    if (text == null) {
      return mismatch(v, "a string", loc);
    }
    if (shape.isEnum()) {
      text = enumValue(text, shape, loc);
      if (text == null) {
        return null;
      }
    }
    return JSON.textNode(text);
  }

  /**
   * A bare word that is an enum value of this field wins over a name in scope that happens to be
   * spelled the same: in a module that defines a template `awslogs`, `driver = awslogs` still
   * means the log driver.
   */
  private static String enumWord(Value v, Shape shape) {
    if (v instanceof Value.Str || v instanceof Value.Symbol || v.span() == null || v.span().isNone()) {
      return null;
    }
    String text = v.span().text();
    for (String e : shape.enumValues()) {
      if (e.equals(text)) {
        return e;
      }
    }
    // A function or a declaration is never an enum's value, so its name, in any case, means the
    // word it spells (`strategy = canary` beside a `service canary`, `target_type = pause`).
    if (v instanceof Value.Function || v instanceof Value.Ref) {
      for (String e : shape.enumValues()) {
        if (Shape.normalize(e).equals(Shape.normalize(text))) {
          return e;
        }
      }
    }
    return null;
  }

  /** The model's spelling of an enum value written in any case ({@code fargate} is {@code FARGATE}). */
  String enumValue(String written, Shape shape, Loc loc) {
    for (String e : shape.enumValues()) {
      if (e.equals(written)) {
        return e;
      }
    }
    for (String e : shape.enumValues()) {
      if (Shape.normalize(e).equals(Shape.normalize(written))) {
        return e;
      }
    }
    String hint = Suggestions.didYouMean(written, shape.enumValues());
    report(Diagnostic.error(INVALID_VALUE, loc.span(), "`" + written + "` is not a valid value for " + loc.where())
        .withHint((hint != null ? hint + " " : "") + "expected one of: " + String.join(", ", shape.enumValues())));
    return null;
  }

  private JsonNode integer(Value v, Shape shape, Loc loc) {
    return integerOf(v, loc);
  }

  private JsonNode integerOf(Value v, Loc loc) {
    return switch (v) {
      case Value.Int i -> JSON.numberNode(i.value());
      case Value.Quantity q when loc.hint() != null -> JSON.numberNode(quantity(q, loc));
      case Value.Dec d -> {
        try {
          yield JSON.numberNode(d.value().longValueExact());
        } catch (ArithmeticException e) {
          yield mismatch(v, "a whole number", loc);
        }
      }
      case Value.PortRef p -> JSON.numberNode(interpreter.containerPortNumber(p));
      case Value.Port p when !p.isRange() -> JSON.numberNode(p.from());
      case Value.Symbol s -> throw interpreter.unknownName(s);
      default -> mismatch(v, loc.hint() != null ? "a " + loc.hint().dimension.word() + " such as `"
          + loc.hint().dimension.example() + "`" : "a whole number", loc);
    };
  }

  private JsonNode decimal(Value v, Loc loc) {
    return switch (v) {
      case Value.Int i -> JSON.numberNode(i.value());
      case Value.Dec d -> JSON.numberNode(d.value());
      case Value.Quantity q when loc.hint() != null && q.unit().dimension() == loc.hint().dimension ->
          q.whole(loc.hint().unit) instanceof Long whole ? JSON.numberNode(whole) : JSON.numberNode(plain(inUnit(q, loc.hint().unit)));
      case Value.Quantity q when q.unit().dimension() == io.ecsl.eval.Unit.Dimension.PERCENT ->
          q.amount().isWhole() ? JSON.numberNode(q.amount().whole()) : JSON.numberNode(q.amount().decimal());
      case Value.Symbol s -> throw interpreter.unknownName(s);
      default -> mismatch(v, "a number", loc);
    };
  }

  /** A quantity in another unit: exact, or to 16 digits when that division does not end (100s in minutes). */
  private static BigDecimal inUnit(Value.Quantity q, io.ecsl.eval.Unit unit) {
    try {
      return q.base().divide(unit.toBase());
    } catch (ArithmeticException endless) {
      return q.base().divide(unit.toBase(), java.math.MathContext.DECIMAL64);
    }
  }

  /** Without trailing zeros, and never in exponent form: 10 % is {@code 10}, not {@code 1E+1}. */
  private static BigDecimal plain(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private JsonNode bool(Value v, Loc loc) {
    if (v instanceof Value.Bool b) {
      return JSON.booleanNode(b.value());
    }
    if (v instanceof Value.Symbol s) {
      throw interpreter.unknownName(s);
    }
    return mismatch(v, "`true` or `false`", loc);
  }

  /** A quantity in the unit the member takes; must be whole (ECS has no fractional MiB). */
  long quantity(Value.Quantity q, Loc loc) {
    Hint hint = loc.hint();
    if (q.unit().dimension() != hint.dimension) {
      report(Diagnostic.error(UNIT, loc.span(), loc.where() + " takes " + hint.dimension.word() + ", not "
          + q.typeName() + " (`" + q.display() + "`)").withHint("write a " + hint.dimension.word() + " such as `"
          + hint.dimension.example() + "`"));
      throw EvalException.alreadyReported();
    }
    Long whole = q.whole(hint.unit);
    if (whole != null) {
      return whole;
    }
    String counted = counted(hint.unit);
    BigDecimal amount;
    String about = "";
    try {
      amount = q.base().divide(hint.unit.toBase()).stripTrailingZeros();
    } catch (ArithmeticException endless) {
      // 100s in minutes does not end (1.666…), so it is not whole: four decimals say so
      amount = q.base().divide(hint.unit.toBase(), 4, java.math.RoundingMode.HALF_UP);
      about = "about ";
    }
    if (!about.isEmpty() || amount.scale() > 0) {
      report(Diagnostic.error(LanguageCode.UNIT, loc.span(), "`" + q.display() + "` is not a whole number of " + counted
          + " (" + about + amount.toPlainString() + ")")
          .withHint(loc.where() + " counts in whole " + counted
              + (hint.unit == io.ecsl.eval.Unit.CPU_UNITS ? " (1 vcpu = 1024)" : "")));
      throw EvalException.alreadyReported();
    }
    // Whole, but beyond any number the API takes; the model's own limits (E1801) apply to the rest.
    report(Diagnostic.error(LanguageCode.UNIT, loc.span(), "`" + q.display() + "` is too large (" + amount.toPlainString() + " "
        + counted + ")").withHint(loc.where() + " is counted in " + counted + "; no ECS value comes near this"));
    throw EvalException.alreadyReported();
  }

  /** How messages name the unit a member counts in: "MiB", "CPU units", "seconds". */
  private static String counted(io.ecsl.eval.Unit unit) {
    return switch (unit) {
      case CPU_UNITS -> "CPU units";
      case SECONDS -> "seconds";
      case MINUTES -> "minutes";
      case PERCENT -> "percent";
      default -> unit.symbol();
    };
  }

  /** Reports a type mismatch and yields nothing. */
  JsonNode mismatch(Value v, String expected, Loc loc) {
    if (v instanceof Value.Symbol s) {
      throw interpreter.unknownName(s);
    }
    String found = switch (v) {
      case Value.Quantity q -> "the " + q.typeName() + " `" + q.display() + "`";
      case Value.Str s -> "the string \"" + abbreviate(s.value()) + "\"";
      case Value.Int i -> "the number " + i.value();
      case Value.Ref r -> "a reference to " + r.describe();
      case Value.Obj o -> "a block";
      case Value.ListV l -> "a list";
      default -> "a " + v.typeName();
    };
    String hint = null;
    if (v instanceof Value.Quantity q && expected.startsWith("a ") && !expected.contains("such as")) {
      hint = "this field takes a plain value; units apply only where the API counts in them";
    } else if (v instanceof Value.Str s && expected.equals("a whole number") && s.value().matches("-?\\d+")) {
      hint = "remove the quotes: " + s.value();
    } else if (expected.startsWith("a list") && !(v instanceof Value.ListV)) {
      hint = "write it in brackets: [ … ]";
    }
    LanguageCode code = v instanceof Value.Quantity || expected.contains("such as") ? UNIT : TYPE;
    report(Diagnostic.error(code, loc.span(), loc.where() + " must be " + expected + ", found " + found).withHint(hint));
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "…" : s;
  }
}
