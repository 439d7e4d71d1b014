package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.ARGUMENTS;

import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions that spell a deployment the way people say it: {@code canary(10%, bake = 5m)},
 * {@code linear(step = 20%, bake = 2m)}, {@code blue_green(bake = 10m)}, {@code rolling()}, and
 * the lifecycle hook targets {@code lambda("arn:…", role = "arn:…")} and
 * {@code pause(timeout = 2h, on_timeout = rollback)}.
 *
 * <p>Each returns an object in the API's own member names (a deployment configuration's
 * {@code strategy} with its {@code canary_configuration}, a lifecycle hook's {@code target_type}
 * with its target), whose values are the arguments as written: lowering then checks their types
 * and units against the ECS model like any other field, and an error points at the argument.
 */
final class DeploymentFunctions {
  private DeploymentFunctions() {}

  /** One parameter: its name, and the API member (a path inside the result) it fills. */
  private record Param(String name, String... path) {}

  private record Function(String name, String usage, Map<String, String> fixed, List<Param> params) implements Callable {
    @Override
    public Value call(Interpreter in, Span at, List<Argument> args, BodySink sink) {
      Map<String, Argument> given = new LinkedHashMap<>();
      int position = 0;
      for (Argument a : args) {
        Param p;
        if (a.name() == null) {
          if (position >= params.size()) {
            throw error(a.span(), "too many positional arguments to `" + name + "`");
          }
          p = params.get(position++);
        } else {
          p = params.stream().filter(q -> q.name().equals(a.name())).findFirst()
              .orElseThrow(() -> error(a.span(), "`" + name + "` has no parameter `" + a.name() + "`"));
        }
        if (given.put(p.name(), a) != null) {
          throw error(a.span(), "`" + p.name() + "` is given twice to `" + name + "`");
        }
        if (a.value() instanceof Value.Symbol s && !takesWord(p)) {
          throw in.unknownName(s);
        }
      }
      Builder result = new Builder();
      fixed.forEach((member, value) -> result.put(at, new Value.Str(at, value), member));
      for (Param p : params) {
        Argument a = given.get(p.name());
        if (a != null) {
          result.put(a.span(), a.value(), p.path());
        }
      }
      return result.build(at);
    }

    private EvalException error(Span at, String message) {
      return new EvalException(Diagnostic.error(ARGUMENTS, at, message).withHint("usage: " + usage));
    }

    /** `on_timeout = rollback`: the enum's words are written bare. */
    private static boolean takesWord(Param p) {
      return p.name().equals("on_timeout");
    }
  }

  /** Nested objects built from member paths, keeping the order they were first written in. */
  private static final class Builder {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<Map<String, Object>, Span> spans = new java.util.IdentityHashMap<>();

    @SuppressWarnings("unchecked")
    void put(Span at, Value value, String... path) {
      Map<String, Object> node = root;
      for (int i = 0; i < path.length - 1; i++) {
        Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        spans.merge(child, at, (a, b) -> a);
        node = child;
      }
      node.put(path[path.length - 1], new Entry(at, value));
    }

    Value.Obj build(Span at) {
      return object(root, at);
    }

    @SuppressWarnings("unchecked")
    private Value.Obj object(Map<String, Object> node, Span at) {
      List<Value.Field> fields = new ArrayList<>();
      node.forEach((key, v) -> {
        if (v instanceof Entry e) {
          fields.add(new Value.Field(key, List.of(), e.value(), e.at(), e.value().span().isNone() ? e.at() : e.value().span(),
              null, false, false));
        } else {
          Map<String, Object> child = (Map<String, Object>) v;
          Span childAt = spans.getOrDefault(child, at);
          fields.add(new Value.Field(key, List.of(), object(child, childAt), childAt, childAt, null, false, false));
        }
      });
      return new Value.Obj(at, fields);
    }

    private record Entry(Span at, Value value) {}
  }

  /** The strategy functions by name, for lowering to recognise {@code strategy = canary} written bare. */
  static final List<String> STRATEGIES = List.of("rolling", "blue_green", "linear", "canary");

  static List<Callable> all() {
    return List.of(
        new Function("rolling", "rolling()", Map.of("strategy", "ROLLING"), List.of()),
        new Function("blue_green", "blue_green(bake = 10m)", Map.of("strategy", "BLUE_GREEN"),
            List.of(new Param("bake", "bake_time_in_minutes"))),
        new Function("linear", "linear(step = 20%, bake = 2m)", Map.of("strategy", "LINEAR"),
            List.of(new Param("step", "linear_configuration", "step_percent"),
                new Param("bake", "linear_configuration", "step_bake_time_in_minutes"))),
        new Function("canary", "canary(10%, bake = 5m)", Map.of("strategy", "CANARY"),
            List.of(new Param("percent", "canary_configuration", "canary_percent"),
                new Param("bake", "canary_configuration", "canary_bake_time_in_minutes"))),
        new Function("lambda", "lambda(\"arn:aws:lambda:…:function:NAME\", role = \"arn:aws:iam::…:role/NAME\", details = { … }, "
            + "timeout = 30m, on_timeout = rollback)", Map.of(),
            List.of(new Param("function", "hook_target_arn"), new Param("role", "role_arn"), new Param("details", "hook_details"),
                new Param("timeout", "timeout_configuration", "timeout_in_minutes"),
                new Param("on_timeout", "timeout_configuration", "action"))),
        new Function("pause", "pause(timeout = 2h, on_timeout = rollback | continue)", Map.of("target_type", "PAUSE"),
            List.of(new Param("timeout", "timeout_configuration", "timeout_in_minutes"),
                new Param("on_timeout", "timeout_configuration", "action"))));
  }
}
