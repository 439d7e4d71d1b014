package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.BAD_VAR_INPUT;
import static io.ecsl.diag.LanguageCode.UNDECLARED_VAR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.Suggestions;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for the root module's {@code var}s, from {@code --var-file FILE} (JSON, or {@code .ecs}
 * syntax: {@code name = value} lines) and {@code --var name=value} (which wins). A {@code --var}
 * for a string var is taken literally; for any other type it is read as an expression, so
 * {@code --var memory="1 GiB"} and {@code --var zones='["a", "b"]'} work.
 */
public final class VarInputs {
  private final Map<String, Input> values = new LinkedHashMap<>();

  /** A value from the command line or a file, before it meets its var's type. */
  private record Input(String name, String text, Expr expr, Value json, Span span, String origin) {}

  public static VarInputs none() {
    return new VarInputs();
  }

  /** Adds {@code --var name=value} flags. */
  public void addFlags(List<String> flags, Diagnostics diagnostics) {
    for (String flag : flags) {
      int eq = flag.indexOf('=');
      if (eq <= 0) {
        diagnostics.add(Diagnostic.error(BAD_VAR_INPUT, null, "--var needs name=value, got `" + flag + "`")
            .withResource("--var " + flag).withHint("e.g. --var image_tag=1.4.2"));
        continue;
      }
      String name = flag.substring(0, eq).strip();
      String text = flag.substring(eq + 1);
      SourceFile file = SourceFile.of("--var " + name, text);
      values.put(name, new Input(name, text, null, null, new Span(file, 0, text.length()), "--var"));
    }
  }

  /** Adds the assignments of a var file. */
  public void addFile(Path path, Diagnostics diagnostics) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(BAD_VAR_INPUT, null, "cannot read var file " + path + ": " + e.getMessage())
          .withResource(path.toString()).withHint("check the path given to --var-file"));
      return;
    }
    SourceFile file = new SourceFile(path.toString(), path, text);
    if (path.toString().endsWith(".json")) {
      addJson(file, diagnostics);
      return;
    }
    SourceUnit unit = Parser.parse(file, diagnostics);
    if (unit == null) {
      return;
    }
    for (Item item : unit.items()) {
      if (item instanceof Item.Entry e && e.value() != null && e.labels().isEmpty() && !e.isBlock()
          && e.key().constant() != null) {
        String name = e.key().constant();
        values.put(name, new Input(name, null, e.value(), null, e.key().span(), path.toString()));
      } else {
        diagnostics.add(Diagnostic.error(BAD_VAR_INPUT, item.span(), "a var file holds only `name = value` lines")
            .withHint("remove everything else"));
      }
    }
  }

  private void addJson(SourceFile file, Diagnostics diagnostics) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.text());
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(BAD_VAR_INPUT, new Span(file, 0, 0), "var file is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse("")).withHint(null));
      return;
    }
    if (root == null || !root.isObject()) {
      diagnostics.add(Diagnostic.error(BAD_VAR_INPUT, new Span(file, 0, 0), "a JSON var file must be an object")
          .withHint("{\"image_tag\": \"1.4.2\"}"));
      return;
    }
    Span span = new Span(file, 0, Math.min(1, file.text().length()));
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      values.put(e.getKey(), new Input(e.getKey(), null, null, fromJson(e.getValue(), span), span, file.displayName()));
    }
  }

  private static Value fromJson(JsonNode node, Span span) {
    if (node.isTextual()) {
      return new Value.Str(span, node.asText());
    }
    if (node.isIntegralNumber()) {
      return new Value.Int(span, node.asLong());
    }
    if (node.isNumber()) {
      return new Value.Dec(span, node.decimalValue());
    }
    if (node.isBoolean()) {
      return new Value.Bool(span, node.asBoolean());
    }
    if (node.isArray()) {
      List<Value> items = new ArrayList<>();
      node.forEach(n -> items.add(fromJson(n, span)));
      return new Value.ListV(span, items);
    }
    if (node.isObject()) {
      List<Value.Field> fields = new ArrayList<>();
      node.fields().forEachRemaining(e -> fields.add(new Value.Field(e.getKey(), List.of(), fromJson(e.getValue(), span),
          span, span, null, false, false)));
      return new Value.Obj(span, fields);
    }
    return new Value.Null(span);
  }

  /** The value given for a var, its default, or null when it has neither. */
  Value valueOf(Item.Var v, Interpreter interpreter, Env env) {
    Input input = values.get(v.name().name());
    if (input == null) {
      return v.defaultValue() == null ? null : interpreter.eval(v.defaultValue(), env);
    }
    if (input.json() != null) {
      return input.json();
    }
    if (input.expr() != null) {
      return interpreter.eval(input.expr(), new Env(interpreter.builtins()));
    }
    boolean literal = v.type() != null ? v.type().name().equals("string")
        : v.defaultValue() == null || v.defaultValue() instanceof Expr.StringLit;
    if (literal) {
      return new Value.Str(input.span(), input.text());
    }
    SourceFile file = input.span().file();
    Diagnostics local = new Diagnostics();
    SourceUnit unit = Parser.parse(SourceFile.of(file.displayName(), "__value = " + input.text()), local);
    if (unit == null || !(unit.items().get(0) instanceof Item.Entry e) || e.value() == null || unit.items().size() != 1) {
      throw unreadable(v, input);
    }
    // Evaluated apart, so that what cannot be read (`--var desired=abc`: a bare word reads as a
    // name, and only built-ins are in scope) is one error about the flag, not about a made-up line.
    Diagnostics problems = new Diagnostics();
    Value value;
    try {
      value = new Interpreter(problems).eval(e.value(), new Env(interpreter.builtins()));
    } catch (EvalException notAValue) {
      throw unreadable(v, input);
    }
    boolean wordForTypedVar = value instanceof Value.Symbol && v.type() != null && !v.type().name().equals("any");
    if (problems.hasErrors() || value instanceof Value.Error || wordForTypedVar) {
      throw unreadable(v, input);
    }
    return value;
  }

  private static EvalException unreadable(Item.Var v, Input input) {
    return new EvalException(Diagnostic.error(BAD_VAR_INPUT, input.span(), "cannot read `" + input.text()
        + "` as a value for var `" + v.name() + "`").withHint(v.type() != null
            ? "var `" + v.name() + "` is " + ("aeiou".indexOf(v.type().toString().charAt(0)) >= 0 ? "an " : "a ") + v.type()
                + "; quote strings, write units (`1 GiB`)" : null));
  }

  /** Values given for vars the project does not declare are mistakes, not silently ignored. */
  void reportUnknown(Collection<String> declared, Diagnostics diagnostics) {
    for (Input input : values.values()) {
      if (!declared.contains(input.name())) {
        String hint = Suggestions.didYouMean(input.name(), declared);
        diagnostics.add(Diagnostic.error(UNDECLARED_VAR, input.origin().equals("--var") ? null : input.span(),
            "no `var " + input.name() + "` is declared, but " + input.origin() + " sets it")
            .withResource(input.origin().equals("--var") ? "--var " + input.name() : null)
            .withHint(hint != null ? hint : declared.isEmpty() ? "the project declares no vars"
                : "declared vars: " + String.join(", ", declared)));
      }
    }
  }
}
