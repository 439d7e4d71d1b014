package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.BAD_VAR_INPUT;
import static io.ecsl.diag.LanguageCode.UNDECLARED_VAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.ast.TypeRef;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.Suggestions;
import io.ecsl.importer.JsonDocument;
import io.ecsl.model.SpanIndex;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.SourceFiles;
import io.ecsl.source.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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

  /**
   * A value from the command line or a file, before it meets its var's type: the text of a
   * {@code --var}, an expression of an {@code .ecs} var file, or a member of a JSON var file.
   *
   * @param span where the value is (for messages about the value)
   * @param keySpan where its name is (for messages about the name)
   */
  private record Input(String name, String text, Expr expr, JsonNode json, JsonDocument doc, Span span, Span keySpan,
      String origin) {}

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
      Span span = new Span(file, 0, text.length());
      values.put(name, new Input(name, text, null, null, null, span, span, "--var"));
    }
  }

  /** Adds the assignments of a var file. */
  public void addFile(Path path, Diagnostics diagnostics) {
    SourceFile file;
    try {
      file = SourceFiles.read(path, path.toString());
    } catch (SourceFiles.NotUtf8 e) {
      diagnostics.add(io.ecsl.modules.ModuleLoader.notUtf8(e));
      return;
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(LanguageCode.BAD_VAR_INPUT, null, "cannot read var file " + path + ": " + why(e))
          .withResource(path.toString()).withHint("check the path given to --var-file"));
      return;
    }
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
        values.put(name, new Input(name, null, e.value(), null, null, e.value().span(), e.key().span(), path.toString()));
      } else {
        diagnostics.add(Diagnostic.error(BAD_VAR_INPUT, item.span(), "a var file holds only `name = value` lines")
            .withHint("remove everything else"));
      }
    }
  }

  /** "no such file" rather than the exception's message, which is the path again. */
  private static String why(IOException e) {
    return switch (e) {
      case java.nio.file.NoSuchFileException n -> "no such file";
      case java.nio.file.AccessDeniedException a -> "permission denied";
      case java.nio.file.FileSystemException f when f.getReason() != null -> f.getReason();
      default -> e.getMessage() != null && e.getMessage().contains("Is a directory") ? "it is a directory"
          : "the file system refused (" + e.getMessage() + ")";
    };
  }

  private void addJson(SourceFile file, Diagnostics diagnostics) {
    Diagnostics problems = new Diagnostics();
    JsonDocument doc = JsonDocument.parse(file, problems);
    for (Diagnostic d : problems.sorted()) {
      // The JSON reader words its errors for `ecsl import`; the location and the words fit a var file too.
      diagnostics.add(Diagnostic.error(LanguageCode.BAD_VAR_INPUT, d.span(), "var file: " + d.message())
          .withHint("a JSON var file is one object of var names: {\"image_tag\": \"1.4.2\", \"memory\": \"1 GiB\"}"));
    }
    if (doc == null) {
      return;
    }
    if (!doc.root().isObject()) {
      diagnostics.add(Diagnostic.error(LanguageCode.BAD_VAR_INPUT, doc.span(""), "a JSON var file must be an object")
          .withHint("{\"image_tag\": \"1.4.2\"}"));
      return;
    }
    for (Map.Entry<String, JsonNode> e : doc.root().properties()) {
      String pointer = "/" + SpanIndex.escape(e.getKey());
      values.put(e.getKey(), new Input(e.getKey(), null, null, e.getValue(), doc, doc.span(pointer), doc.keySpan(pointer),
          file.displayName()));
    }
  }

  /**
   * A JSON value as a value of the var's type. JSON has no quantities, ports or names, so where
   * the type wants one a string is read as the language writes it ({@code "1 vcpu"},
   * {@code "512 MiB"}, {@code "30s"}, {@code "8080/tcp"}), as {@code --var} reads its text.
   */
  private Value fromJson(JsonNode node, JsonDocument doc, String pointer, TypeRef type, Item.Var v, Interpreter interpreter) {
    Span span = doc.span(pointer);
    if (node.isTextual()) {
      return type != null && readsText(type) ? read(node.asText(), span, v, interpreter) : new Value.Str(span, node.asText());
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw new EvalException(Diagnostic.error(LanguageCode.BAD_VAR_INPUT, span, "`" + node.asText() + "` is too large for var `" + v.name()
            + "`").withHint(TOO_LARGE));
      }
      return new Value.Int(span, node.asLong());
    }
    if (node.isNumber()) {
      return new Value.Dec(span, node.decimalValue());
    }
    if (node.isBoolean()) {
      return new Value.Bool(span, node.asBoolean());
    }
    TypeRef element = type != null && type.element() != null ? type.element() : null;
    if (node.isArray()) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        items.add(fromJson(node.get(i), doc, pointer + "/" + i, element, v, interpreter));
      }
      return new Value.ListV(span, items);
    }
    if (node.isObject()) {
      List<Value.Field> fields = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String member = pointer + "/" + SpanIndex.escape(e.getKey());
        fields.add(new Value.Field(e.getKey(), List.of(), fromJson(e.getValue(), doc, member, element, v, interpreter),
            doc.keySpan(member), doc.span(member), null, false, false));
      }
      return new Value.Obj(span, fields);
    }
    return new Value.Null(span);
  }

  private static final String TOO_LARGE = "integers are 64-bit: at most " + Long.MAX_VALUE;

  /** Types whose values JSON can only spell as text in the language's syntax. */
  private static boolean readsText(TypeRef type) {
    return switch (type.name()) {
      case "memory", "cpu", "duration", "percent", "port" -> true;
      default -> false;
    };
  }

  /** The value given for a var, its default, or null when it has neither. */
  Value valueOf(Item.Var v, Interpreter interpreter, Env env) {
    Input input = values.get(v.name().name());
    if (input == null) {
      return v.defaultValue() == null ? null : interpreter.eval(v.defaultValue(), env);
    }
    if (input.json() != null) {
      return fromJson(input.json(), input.doc(), "/" + SpanIndex.escape(input.name()), v.type(), v, interpreter);
    }
    if (input.expr() != null) {
      return interpreter.eval(input.expr(), new Env(interpreter.builtins()));
    }
    boolean literal = v.type() != null ? v.type().name().equals("string")
        : v.defaultValue() == null || v.defaultValue() instanceof Expr.StringLit;
    if (literal) {
      return new Value.Str(input.span(), input.text());
    }
    return read(input.text(), input.span(), v, interpreter);
  }

  /**
   * Text read as one value of the language, as in a file. Spans point into the text itself, so a
   * message about the value shows the value (`--var desired:1:1`), never a line ecsl made up.
   */
  private static Value read(String text, Span at, Item.Var v, Interpreter interpreter) {
    SourceFile file = at.file().text().equals(text) ? at.file() : SourceFile.of(at.file().displayName(), text);
    Diagnostics syntax = new Diagnostics();
    Expr expr = Parser.parseExpression(file, syntax);
    if (expr == null) {
      Diagnostic d = syntax.sorted().get(0);
      if (d.message().contains("too large")) {
        throw new EvalException(Diagnostic.error(LanguageCode.BAD_VAR_INPUT, at, d.message().replace("number ", "") + " for var `" + v.name() + "`")
            .withHint(TOO_LARGE));
      }
      throw unreadable(v, text, at);
    }
    // Evaluated apart, so that what cannot be read (`--var desired=abc`: a bare word reads as a
    // name, and only built-ins are in scope) is one error about the value, not a cascade.
    Diagnostics problems = new Diagnostics();
    Value value;
    try {
      value = new Interpreter(problems).eval(expr, new Env(interpreter.builtins()));
    } catch (EvalException notAValue) {
      throw unreadable(v, text, at);
    }
    boolean wordForTypedVar = value instanceof Value.Symbol && v.type() != null && !v.type().name().equals("any");
    if (problems.hasErrors() || value instanceof Value.Error || wordForTypedVar) {
      throw unreadable(v, text, at);
    }
    return file == at.file() ? value : rebased(value, at);
  }

  /** A value read from a JSON string, placed at that string in the JSON file. */
  private static Value rebased(Value value, Span at) {
    return switch (value) {
      case Value.Quantity q -> new Value.Quantity(at, q.amount(), q.unit());
      case Value.Port p -> new Value.Port(at, p.from(), p.to(), p.protocol());
      case Value.Int i -> new Value.Int(at, i.value());
      case Value.Dec d -> new Value.Dec(at, d.value());
      default -> value;
    };
  }

  private static EvalException unreadable(Item.Var v, String text, Span at) {
    return new EvalException(Diagnostic.error(LanguageCode.BAD_VAR_INPUT, at, "cannot read `" + text
        + "` as a value for var `" + v.name() + "`").withHint(v.type() != null
            ? "var `" + v.name() + "` is " + ("aeiou".indexOf(v.type().toString().charAt(0)) >= 0 ? "an " : "a ") + v.type()
                + "; quote strings, write units (`1 GiB`)" : null));
  }

  /** Values given for vars the project does not declare are mistakes, not silently ignored. */
  void reportUnknown(Collection<String> declared, Diagnostics diagnostics) {
    for (Input input : values.values()) {
      if (!declared.contains(input.name())) {
        String hint = Suggestions.didYouMean(input.name(), declared);
        diagnostics.add(Diagnostic.error(LanguageCode.UNDECLARED_VAR, input.origin().equals("--var") ? null : input.keySpan(),
            "no `var " + input.name() + "` is declared, but " + input.origin() + " sets it")
            .withResource(input.origin().equals("--var") ? "--var " + input.name() : null)
            .withHint(hint != null ? hint : declared.isEmpty() ? "the project declares no vars"
                : "declared vars: " + String.join(", ", declared)));
      }
    }
  }
}
