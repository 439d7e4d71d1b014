package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.ARGUMENTS;
import static io.ecsl.diag.LanguageCode.NOT_IN_RANGE;
import static io.ecsl.diag.LanguageCode.TYPE;

import io.ecsl.ast.Operator;
import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in functions. They are pure: the same arguments always give the same value, so a
 * build is reproducible and a plan does not change between runs for no reason.
 */
public final class Builtins {
  private Builtins() {}

  /** Each built-in function's name and usage line ({@code join(separator, list)}), in the docs' order. */
  public static java.util.Map<String, String> usages() {
    java.util.Map<String, String> out = new LinkedHashMap<>();
    for (Builtin b : all()) {
      out.put(b.name(), b.usage());
    }
    return out;
  }

  @FunctionalInterface
  private interface Body {
    Value apply(Interpreter in, Span at, List<Value> args);
  }

  private record Builtin(String name, int minArgs, int maxArgs, String usage, Body body) implements Callable {
    @Override
    public Value call(Interpreter in, Span at, List<Argument> args, BodySink sink) {
      List<Value> values = new ArrayList<>(args.size());
      for (Argument a : args) {
        if (a.name() != null) {
          throw new EvalException(Diagnostic.error(ARGUMENTS, a.span(), "`" + name + "` takes positional arguments only")
              .withHint("usage: " + usage));
        }
        if (a.value() instanceof Value.Symbol s && !takesWords(name)) {
          throw in.unknownName(s);
        }
        values.add(a.value());
      }
      if (values.size() < minArgs || (maxArgs >= 0 && values.size() > maxArgs)) {
        throw new EvalException(Diagnostic.error(ARGUMENTS, at, "wrong number of arguments to `" + name + "`")
            .withHint("usage: " + usage));
      }
      Value result = body.apply(in, at, values);
      if (!RETURNS_WHAT_IT_WAS_GIVEN.contains(name)) {
        charge(in, result, at);
      }
      return result;
    }
  }

  /** These hand back a value they were given (or one inside it), which was counted when it was made. */
  private static final java.util.Set<String> RETURNS_WHAT_IT_WAS_GIVEN = java.util.Set.of("lookup", "min", "max");

  /**
   * What a built-in made counts against the evaluation's budget. The functions that can make far
   * more than they were given (joining, replacing, encoding) also ask before they build.
   */
  private static void charge(Interpreter in, Value result, Span at) {
    switch (result) {
      case Value.ListV l -> in.budget().steps(l.items().size(), at, "this list of %s items");
      case Value.Obj o -> in.budget().steps(o.fields().size(), at, "this object of %s fields");
      case Value.Str s -> in.budget().text(s.value().length(), at);
      default -> {}
    }
  }

  /** Placement helpers take field names as bare words: `spread(az)`, `binpack(memory)`. */
  private static boolean takesWords(String name) {
    return name.equals("spread") || name.equals("binpack");
  }

  /** The scope of the built-in functions, under every module's. */
  static Env environment() {
    Env env = new Env(null);
    for (Builtin b : all()) {
      env.define(b.name(), Span.NONE, new Value.Function(Span.NONE, b));
    }
    for (Callable f : DeploymentFunctions.all()) {
      env.define(f.name(), Span.NONE, new Value.Function(Span.NONE, f));
    }
    return env;
  }

  private static List<Builtin> all() {
    return List.of(
        new Builtin("range", 1, 3, "range(end) | range(start, end) | range(start, end, step)", Builtins::range),
        new Builtin("length", 1, 1, "length(list | object | string)", (in, at, a) -> new Value.Int(at, length(a.get(0), at))),
        new Builtin("keys", 1, 1, "keys(object)", (in, at, a) -> {
          List<Value> out = new ArrayList<>();
          for (Value.Field f : obj(a.get(0), at, "keys").fields()) {
            out.add(new Value.Str(f.keySpan(), f.key()));
          }
          return new Value.ListV(at, out);
        }),
        new Builtin("values", 1, 1, "values(object)", (in, at, a) -> {
          List<Value> out = new ArrayList<>();
          for (Value.Field f : obj(a.get(0), at, "values").fields()) {
            out.add(f.value());
          }
          return new Value.ListV(at, out);
        }),
        new Builtin("lookup", 2, 3, "lookup(object, key, default)", Builtins::lookup),
        new Builtin("merge", 0, -1, "merge(object, object, …)", Builtins::merge),
        new Builtin("concat", 0, -1, "concat(list, list, …)", (in, at, a) -> {
          long size = 0;
          for (Value v : a) {
            size += list(v, at, "concat").items().size();
          }
          in.budget().ensure(size, at, "this list of %s items");
          List<Value> out = new ArrayList<>();
          for (Value v : a) {
            out.addAll(list(v, at, "concat").items());
          }
          return new Value.ListV(at, out);
        }),
        new Builtin("flatten", 1, 1, "flatten(list of lists)", (in, at, a) -> {
          long size = 0;
          for (Value v : list(a.get(0), at, "flatten").items()) {
            size += v instanceof Value.ListV l ? l.items().size() : 1;
          }
          in.budget().ensure(size, at, "this list of %s items");
          List<Value> out = new ArrayList<>();
          for (Value v : list(a.get(0), at, "flatten").items()) {
            if (v instanceof Value.ListV l) {
              out.addAll(l.items());
            } else {
              out.add(v);
            }
          }
          return new Value.ListV(at, out);
        }),
        new Builtin("distinct", 1, 1, "distinct(list)", (in, at, a) -> {
          long n = list(a.get(0), at, "distinct").items().size();
          // each item is compared with those kept before it: up to n²/2 comparisons
          in.budget().steps(n * (n - 1) / 2, at, "`distinct` here, comparing items %s times,");
          List<Value> out = new ArrayList<>();
          for (Value v : list(a.get(0), at, "distinct").items()) {
            if (out.stream().noneMatch(o -> Operators.equal(in, o, v))) {
              out.add(v);
            }
          }
          return new Value.ListV(at, out);
        }),
        new Builtin("reverse", 1, 1, "reverse(list)", (in, at, a) -> {
          List<Value> out = new ArrayList<>(list(a.get(0), at, "reverse").items());
          java.util.Collections.reverse(out);
          return new Value.ListV(at, out);
        }),
        new Builtin("sort", 1, 1, "sort(list of strings or numbers)", Builtins::sort),
        new Builtin("contains", 2, 2, "contains(list, value) | contains(string, substring)", (in, at, a) -> {
          if (a.get(0) instanceof Value.Str s) {
            return new Value.Bool(at, s.value().contains(str(a.get(1), at, "contains")));
          }
          Value needle = a.get(1);
          return new Value.Bool(at, list(a.get(0), at, "contains").items().stream().anyMatch(v -> Operators.equal(in, v, needle)));
        }),
        new Builtin("join", 2, 2, "join(separator, list)", (in, at, a) -> {
          String separator = str(a.get(0), at, "join");
          List<String> parts = new ArrayList<>();
          long length = 0;
          for (Value v : list(a.get(1), at, "join").items()) {
            String part = Text.interpolate(in, v, v.span());
            parts.add(part);
            length += part.length() + (parts.size() > 1 ? separator.length() : 0);
          }
          in.budget().ensureText(length, at);
          return new Value.Str(at, String.join(separator, parts));
        }),
        new Builtin("split", 2, 2, "split(separator, string)", (in, at, a) -> {
          List<Value> out = new ArrayList<>();
          String s = str(a.get(1), at, "split");
          if (!s.isEmpty()) {
            for (String part : s.split(java.util.regex.Pattern.quote(str(a.get(0), at, "split")), -1)) {
              out.add(new Value.Str(at, part));
            }
          }
          return new Value.ListV(at, out);
        }),
        new Builtin("upper", 1, 1, "upper(string)", (in, at, a) -> new Value.Str(at, str(a.get(0), at, "upper").toUpperCase(Locale.ROOT))),
        new Builtin("lower", 1, 1, "lower(string)", (in, at, a) -> new Value.Str(at, str(a.get(0), at, "lower").toLowerCase(Locale.ROOT))),
        new Builtin("trim", 1, 1, "trim(string)", (in, at, a) -> new Value.Str(at, str(a.get(0), at, "trim").strip())),
        new Builtin("replace", 3, 3, "replace(string, old, new)", Builtins::replace),
        new Builtin("startswith", 2, 2, "startswith(string, prefix)", (in, at, a) -> new Value.Bool(at,
            str(a.get(0), at, "startswith").startsWith(str(a.get(1), at, "startswith")))),
        new Builtin("endswith", 2, 2, "endswith(string, suffix)", (in, at, a) -> new Value.Bool(at,
            str(a.get(0), at, "endswith").endsWith(str(a.get(1), at, "endswith")))),
        new Builtin("tostring", 1, 1, "tostring(value)", (in, at, a) -> new Value.Str(at, Text.interpolate(in, a.get(0), at))),
        new Builtin("toint", 1, 1, "toint(string | number)", Builtins::toInt),
        new Builtin("min", 1, -1, "min(a, b, …)", (in, at, a) -> extreme(in, at, a, true)),
        new Builtin("max", 1, -1, "max(a, b, …)", (in, at, a) -> extreme(in, at, a, false)),
        new Builtin("jsonencode", 1, 1, "jsonencode(value)", (in, at, a) -> new Value.Str(at, Json.encode(in, a.get(0), at))),
        new Builtin("cron", 1, 1, "cron(\"0 3 * * ? *\")", (in, at, a) -> new Value.Str(at, "cron(" + str(a.get(0), at, "cron").strip() + ")")),
        new Builtin("at", 1, 1, "at(\"2026-12-24T18:00:00\")", (in, at, a) -> new Value.Str(at, "at(" + str(a.get(0), at, "at").strip() + ")")),
        new Builtin("rate", 1, 1, "rate(5m) | rate(1h) | rate(1d)", Builtins::rate),
        new Builtin("spread", 1, 1, "spread(az) | spread(instance) | spread(\"attribute:…\")", (in, at, a) ->
            strategy(at, "spread", placementField(a.get(0), at))),
        new Builtin("binpack", 1, 1, "binpack(memory) | binpack(cpu)", (in, at, a) ->
            strategy(at, "binpack", placementField(a.get(0), at))),
        new Builtin("random", 0, 0, "random()", (in, at, a) -> strategy(at, "random", null)),
        new Builtin("member_of", 1, 1, "member_of(\"attribute:ecs.instance-type =~ t3.*\")", (in, at, a) ->
            constraint(at, "memberOf", str(a.get(0), at, "member_of"))),
        new Builtin("distinct_instance", 0, 0, "distinct_instance()", (in, at, a) -> constraint(at, "distinctInstance", null)));
  }

  // ---------------------------------------------------------------------------- implementations

  private static Value range(Interpreter in, Span at, List<Value> a) {
    long start = a.size() == 1 ? 0 : integer(a.get(0), at, "range");
    long end = integer(a.get(a.size() == 1 ? 0 : 1), at, "range");
    long step = a.size() == 3 ? integer(a.get(2), at, "range") : 1;
    if (step == 0) {
      throw new EvalException(Diagnostic.error(NOT_IN_RANGE, at, "range step cannot be 0").withHint(null));
    }
    long count = Math.max(0, (end - start + step + (step > 0 ? -1 : 1)) / step);
    if (count > 1_000_000) {
      throw new EvalException(Diagnostic.error(NOT_IN_RANGE, at, "range of " + count + " numbers is too large")
          .withHint("ranges are limited to one million numbers"));
    }
    List<Value> out = new ArrayList<>((int) count);
    for (long i = start; step > 0 ? i < end : i > end; i += step) {
      out.add(new Value.Int(at, i));
    }
    return new Value.ListV(at, out);
  }

  private static Value replace(Interpreter in, Span at, List<Value> a) {
    String s = str(a.get(0), at, "replace");
    String old = str(a.get(1), at, "replace");
    String replacement = str(a.get(2), at, "replace");
    long occurrences = 0;
    if (old.isEmpty()) {
      occurrences = s.length() + 1L;  // between every two characters, and at both ends
    } else {
      for (int i = s.indexOf(old); i >= 0; i = s.indexOf(old, i + old.length())) {
        occurrences++;
      }
    }
    in.budget().ensureText(s.length() + occurrences * (replacement.length() - old.length()), at);
    return new Value.Str(at, s.replace(old, replacement));
  }

  private static long length(Value v, Span at) {
    return switch (v) {
      case Value.ListV l -> l.items().size();
      case Value.Obj o -> o.fields().size();
      case Value.Str s -> s.value().codePointCount(0, s.value().length());
      default -> throw wrongType(at, "length", "a list, object or string", v);
    };
  }

  private static Value lookup(Interpreter in, Span at, List<Value> a) {
    Value.Obj o = obj(a.get(0), at, "lookup");
    String key = a.get(1) instanceof Value.Symbol s ? s.name() : str(a.get(1), at, "lookup");
    Value v = o.get(key);
    if (v != null) {
      return v;
    }
    if (a.size() == 3) {
      return a.get(2);
    }
    throw new EvalException(Diagnostic.error(NOT_IN_RANGE, at, "no key `" + key + "` in this map")
        .withHint("give a default: lookup(map, key, default)"));
  }

  private static Value merge(Interpreter in, Span at, List<Value> a) {
    Map<String, Value.Field> merged = new LinkedHashMap<>();
    for (Value v : a) {
      for (Value.Field f : obj(v, at, "merge").fields()) {
        merged.put(f.key() + "\u0000" + String.join("\u0000", f.labels()), f);
      }
    }
    return new Value.Obj(at, new ArrayList<>(merged.values()));
  }

  private static Value sort(Interpreter in, Span at, List<Value> a) {
    List<Value> items = new ArrayList<>(list(a.get(0), at, "sort").items());
    boolean strings = items.stream().allMatch(v -> v instanceof Value.Str);
    boolean numbers = items.stream().allMatch(v -> Interpreter.numeric(v) != null);
    if (!strings && !numbers) {
      throw new EvalException(Diagnostic.error(TYPE, at, "sort needs a list of only strings or only numbers")
          .withHint(null));
    }
    items.sort(strings ? Comparator.comparing(v -> ((Value.Str) v).value()) : Comparator.comparing(Interpreter::numeric));
    return new Value.ListV(at, items);
  }

  private static Value toInt(Interpreter in, Span at, List<Value> a) {
    Value v = a.get(0);
    try {
      if (v instanceof Value.Str s) {
        return new Value.Int(at, Long.parseLong(s.value().strip()));
      }
      BigDecimal n = Interpreter.numeric(v);
      if (n != null) {
        return new Value.Int(at, n.setScale(0, RoundingMode.DOWN).longValueExact());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw new EvalException(Diagnostic.error(TYPE, at, "`" + Text.interpolate(in, v, at) + "` is not an integer")
          .withHint(null));
    }
    throw wrongType(at, "toint", "a string or number", v);
  }

  private static Value extreme(Interpreter in, Span at, List<Value> a, boolean min) {
    List<Value> items = a.size() == 1 && a.get(0) instanceof Value.ListV l ? l.items() : a;
    if (items.isEmpty()) {
      throw new EvalException(Diagnostic.error(NOT_IN_RANGE, at, (min ? "min" : "max") + " of nothing").withHint(null));
    }
    Value best = items.get(0);
    for (Value v : items.subList(1, items.size())) {
      Value less = Operators.binary(in, Operator.LT, v, best, at);
      if (((Value.Bool) less).value() == min) {
        best = v;
      }
    }
    return best;
  }

  private static Value rate(Interpreter in, Span at, List<Value> a) {
    if (!(a.get(0) instanceof Value.Quantity q) || q.unit().dimension() != Unit.Dimension.DURATION) {
      throw wrongType(at, "rate", "a duration such as `5m`, `1h` or `1d`", a.get(0));
    }
    Long seconds = q.wholeBase();
    if (seconds == null || seconds <= 0 || seconds % 60 != 0) {
      throw new EvalException(Diagnostic.error(NOT_IN_RANGE, q.span(), "schedule rates are whole minutes, hours or days")
          .withHint("EventBridge cannot fire more often than once a minute; write e.g. `rate(5m)`"));
    }
    long value;
    String unit;
    if (seconds % 86400 == 0) {
      value = seconds / 86400;
      unit = "day";
    } else if (seconds % 3600 == 0) {
      value = seconds / 3600;
      unit = "hour";
    } else {
      value = seconds / 60;
      unit = "minute";
    }
    return new Value.Str(at, "rate(" + value + " " + unit + (value == 1 ? "" : "s") + ")");
  }

  private static String placementField(Value v, Span at) {
    String word = v instanceof Value.Symbol s ? s.name() : v instanceof Value.Str s ? s.value() : null;
    if (word == null) {
      throw wrongType(at, "placement", "a field such as `az`, `instance`, `memory` or `cpu`", v);
    }
    return switch (word) {
      case "az", "zone", "availability_zone" -> "attribute:ecs.availability-zone";
      case "instance", "host", "instance_id" -> "instanceId";
      default -> word;
    };
  }

  private static Value strategy(Span at, String type, String field) {
    List<Value.Field> fields = new ArrayList<>();
    fields.add(new Value.Field("type", List.of(), new Value.Str(at, type), at, at, null, false, false));
    if (field != null) {
      fields.add(new Value.Field("field", List.of(), new Value.Str(at, field), at, at, null, false, false));
    }
    return new Value.Obj(at, fields);
  }

  private static Value constraint(Span at, String type, String expression) {
    List<Value.Field> fields = new ArrayList<>();
    fields.add(new Value.Field("type", List.of(), new Value.Str(at, type), at, at, null, false, false));
    if (expression != null) {
      fields.add(new Value.Field("expression", List.of(), new Value.Str(at, expression), at, at, null, false, false));
    }
    return new Value.Obj(at, fields);
  }

  // ---------------------------------------------------------------------------- argument helpers

  private static String str(Value v, Span at, String fn) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    throw wrongType(at, fn, "a string", v);
  }

  private static long integer(Value v, Span at, String fn) {
    if (v instanceof Value.Int i) {
      return i.value();
    }
    throw wrongType(at, fn, "an int", v);
  }

  private static Value.ListV list(Value v, Span at, String fn) {
    if (v instanceof Value.ListV l) {
      return l;
    }
    throw wrongType(at, fn, "a list", v);
  }

  private static Value.Obj obj(Value v, Span at, String fn) {
    if (v instanceof Value.Obj o) {
      return o;
    }
    throw wrongType(at, fn, "an object", v);
  }

  private static EvalException wrongType(Span at, String fn, String expected, Value found) {
    if (found instanceof Value.Error) {
      return Silent.INSTANCE;
    }
    return new EvalException(Diagnostic.error(TYPE, found.span().isNone() ? at : found.span(),
        "`" + fn + "` needs " + expected + ", found " + Types.describe(found)).withHint(null));
  }
}
