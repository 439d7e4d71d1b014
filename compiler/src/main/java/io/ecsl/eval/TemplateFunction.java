package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.ARGUMENTS;

import io.ecsl.ast.Item;
import io.ecsl.ast.Param;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Suggestions;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user template. Called in an expression it yields a value (its {@code = expr}, or its body as an
 * object); called as a statement it adds its body to the caller: resources at the top level,
 * fields inside a block (where the caller's own fields win).
 */
final class TemplateFunction implements Callable {
  private final Item.Template template;
  private final Env closure;

  TemplateFunction(Item.Template template, Env closure) {
    this.template = template;
    this.closure = closure;
  }

  @Override
  public String name() {
    return template.name().name();
  }

  @Override
  public Value call(Interpreter in, Span callSite, List<Argument> args, BodySink sink) {
    Env scope = bind(in, callSite, args);
    if (template.value() != null) {
      Value result = in.eval(template.value(), scope);
      if (template.result() != null) {
        result = Types.check(in, result, template.result(), template.value().span(), "the result of `" + name() + "`");
      }
      return result;
    }
    if (sink == null) {
      ObjectSink object = new ObjectSink();
      in.evalBody(template.body(), scope, object, false);
      return object.build(callSite);
    }
    in.evalBody(template.body(), scope, sink, !sink.acceptsDeclarations());
    return new Value.Null(callSite);
  }

  private Env bind(Interpreter in, Span callSite, List<Argument> args) {
    Map<String, Param> params = new LinkedHashMap<>();
    for (Param p : template.params()) {
      params.put(p.name().name(), p);
    }
    Map<String, Argument> given = new HashMap<>();
    int positional = 0;
    for (Argument a : args) {
      if (a.name() == null) {
        if (positional >= template.params().size()) {
          throw new EvalException(Diagnostic.error(ARGUMENTS, a.span(), "`" + name() + "` takes "
              + template.params().size() + " parameter" + (template.params().size() == 1 ? "" : "s") + ", this is argument "
              + (positional + 1)).withLabel(template.name().span(), "`" + name() + "` is defined here")
              .withHint("remove the extra argument"));
        }
        given.put(template.params().get(positional++).name().name(), a);
        continue;
      }
      if (!params.containsKey(a.name())) {
        throw new EvalException(Diagnostic.error(ARGUMENTS, a.span(), "`" + name() + "` has no parameter `" + a.name() + "`")
            .withLabel(template.name().span(), "`" + name() + "` is defined here")
            .withHint(orElse(Suggestions.didYouMean(a.name(), params.keySet()), "parameters: " + String.join(", ", params.keySet()))));
      }
      if (given.put(a.name(), a) != null) {
        throw new EvalException(Diagnostic.error(ARGUMENTS, a.span(), "parameter `" + a.name() + "` is given twice")
            .withHint("remove one of them"));
      }
    }
    Env scope = closure.child();
    List<String> missing = new ArrayList<>();
    for (Param p : template.params()) {
      Argument a = given.get(p.name().name());
      Value v;
      Span at;
      if (a != null) {
        v = a.value();
        at = a.span();
      } else if (p.defaultValue() != null) {
        v = in.eval(p.defaultValue(), scope);
        at = p.defaultValue().span();
      } else {
        missing.add(p.name().name());
        continue;
      }
      if (p.type() != null) {
        v = Types.check(in, v, p.type(), at, "parameter `" + p.name().name() + "` of `" + name() + "`");
      }
      scope.define(p.name().name(), p.name().span(), v);
    }
    if (!missing.isEmpty()) {
      throw new EvalException(Diagnostic.error(ARGUMENTS, callSite, "`" + name() + "` needs "
          + (missing.size() == 1 ? "parameter `" + missing.get(0) + "`" : "parameters `" + String.join("`, `", missing) + "`"))
          .withLabel(template.name().span(), "`" + name() + "` is defined here")
          .withHint("pass it by name: `" + name() + "(" + missing.get(0) + " = …)`"));
    }
    return scope;
  }

  private static String orElse(String a, String b) {
    return a != null ? a : b;
  }
}
