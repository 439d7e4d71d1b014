package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.TYPE;
import static io.ecsl.diag.LanguageCode.UNKNOWN_TYPE;

import io.ecsl.ast.Amount;
import io.ecsl.ast.TypeRef;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Suggestions;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Declared types of {@code var}s, {@code let}s and template parameters. A bare integer is accepted
 * where a quantity is expected and read in the unit ECS itself uses (MiB, CPU units, seconds,
 * percent), so {@code memory = 512} and {@code memory = 512 MiB} mean the same.
 */
public final class Types {
  static final Set<String> NAMES = Set.of("any", "string", "int", "number", "bool", "memory", "cpu", "duration",
      "percent", "port", "list", "map", "object", "cluster", "task", "service", "capacity_provider", "namespace",
      "schedule", "container");

  private Types() {}

  /** Validates that a written type exists; returns an error diagnostic or null. */
  public static Diagnostic validate(TypeRef type) {
    if (!NAMES.contains(type.name())) {
      return Diagnostic.error(UNKNOWN_TYPE, type.span(), "unknown type `" + type.name() + "`")
          .withHint(orElse(Suggestions.didYouMean(type.name(), NAMES), "types are: " + String.join(", ", sorted())));
    }
    if (type.element() != null) {
      if (!type.name().equals("list") && !type.name().equals("map")) {
        return Diagnostic.error(UNKNOWN_TYPE, type.span(), "`" + type.name() + "` takes no element type")
            .withHint("only list(…) and map(…) do");
      }
      return validate(type.element());
    }
    return null;
  }

  private static List<String> sorted() {
    List<String> names = new ArrayList<>(NAMES);
    names.sort(null);
    return names;
  }

  /** Checks (and where needed converts) a value against a declared type. */
  public static Value check(Interpreter in, Value v, TypeRef type, Span at, String what) {
    Diagnostic bad = validate(type);
    if (bad != null) {
      throw new EvalException(bad);
    }
    if (v instanceof Value.Error) {
      return v;
    }
    if (v instanceof Value.Null) {
      return v; // null means "not set"; the schema decides whether that is allowed
    }
    String name = type.name();
    Value converted = switch (name) {
      case "any" -> v;
      case "string" -> v instanceof Value.Str ? v : null;
      case "int" -> v instanceof Value.Int ? v : wholeDecimal(v);
      case "number" -> v instanceof Value.Int || v instanceof Value.Dec ? v : null;
      case "bool" -> v instanceof Value.Bool ? v : null;
      case "memory" -> quantity(v, Unit.Dimension.MEMORY, Unit.MIB);
      case "cpu" -> quantity(v, Unit.Dimension.CPU, Unit.CPU_UNITS);
      case "duration" -> quantity(v, Unit.Dimension.DURATION, Unit.SECONDS);
      case "percent" -> quantity(v, Unit.Dimension.PERCENT, Unit.PERCENT);
      case "port" -> v instanceof Value.Port ? v : v instanceof Value.Int i ? new Value.Port(i.span(), (int) i.value(), 0, null) : null;
      case "list" -> list(in, v, type, at, what);
      case "map", "object" -> map(in, v, type, at, what);
      case "container" -> v instanceof Value.ContainerRef ? v : null;
      default -> v instanceof Value.Ref r && r.of(Kind.byKeyword(name)) != null ? new Value.Ref(r.span(), r.of(Kind.byKeyword(name))) : null;
    };
    if (converted != null) {
      return converted;
    }
    if (v instanceof Value.Symbol s && !name.equals("string")) {
      throw in.unknownName(s);
    }
    String hint = v instanceof Value.Symbol ? "strings are written in double quotes: \"" + ((Value.Symbol) v).name() + "\""
        : v instanceof Value.Quantity q && (name.equals("memory") || name.equals("cpu") || name.equals("duration") || name.equals("percent"))
            ? "write a " + Unit.Dimension.valueOf(dimensionName(name)).word() + " such as `" + Unit.Dimension.valueOf(dimensionName(name)).example() + "`"
            : null;
    throw new EvalException(Diagnostic.error(TYPE, at, what + " must be " + article(type) + ", found "
        + describe(v)).withHint(hint));
  }

  private static String dimensionName(String type) {
    return switch (type) {
      case "memory" -> "MEMORY";
      case "cpu" -> "CPU";
      case "duration" -> "DURATION";
      default -> "PERCENT";
    };
  }

  static String describe(Value v) {
    return switch (v) {
      case Value.Quantity q -> "the " + q.typeName() + " `" + q.display() + "`";
      case Value.Str s -> "the string \"" + s.value() + "\"";
      case Value.Int i -> "the int " + i.value();
      case Value.Ref r -> r.describe();
      default -> "a " + v.typeName();
    };
  }

  /** "an int", "a string". */
  static String article(String word) {
    return (word.matches("^[aeiou].*") ? "an " : "a ") + word;
  }

  private static String article(TypeRef t) {
    String text = t.toString();
    return (text.matches("^[aeiou].*") ? "an " : "a ") + text;
  }

  private static Value wholeDecimal(Value v) {
    if (v instanceof Value.Dec d) {
      try {
        return new Value.Int(d.span(), d.value().longValueExact());
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  private static Value quantity(Value v, Unit.Dimension dimension, Unit plainUnit) {
    if (v instanceof Value.Quantity q) {
      return q.unit().dimension() == dimension ? q : null;
    }
    if (v instanceof Value.Int i) {
      return new Value.Quantity(i.span(), Amount.of(i.value()), plainUnit);
    }
    return null;
  }

  private static Value list(Interpreter in, Value v, TypeRef type, Span at, String what) {
    if (!(v instanceof Value.ListV list)) {
      return null;
    }
    if (type.element() == null) {
      return v;
    }
    in.budget().steps(list.items().size(), at, "checking these %s items");
    List<Value> items = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      items.add(check(in, list.items().get(i), type.element(), list.items().get(i).span(), what + " item " + i));
    }
    return new Value.ListV(list.span(), items);
  }

  private static Value map(Interpreter in, Value v, TypeRef type, Span at, String what) {
    if (!(v instanceof Value.Obj obj)) {
      return null;
    }
    if (type.element() == null) {
      return v;
    }
    in.budget().steps(obj.fields().size(), at, "checking these %s fields");
    List<Value.Field> fields = new ArrayList<>();
    for (Value.Field f : obj.fields()) {
      Value checked = check(in, f.value(), type.element(), f.valueSpan(), what + " key `" + f.key() + "`");
      fields.add(new Value.Field(f.key(), f.labels(), checked, f.keySpan(), f.valueSpan(), f.in(), f.soft(), f.block()));
    }
    return new Value.Obj(obj.span(), fields);
  }

  private static String orElse(String a, String b) {
    return a != null ? a : b;
  }
}
