package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.DEFINED_TWICE;
import static io.ecsl.diag.LanguageCode.VAR_IN_MODULE;
import static io.ecsl.diag.LanguageCode.VAR_WITHOUT_VALUE;

import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.modules.LoadedModule;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every module of a project. All names of all modules are bound first, then bodies are
 * evaluated, so a file may use what another file (or a later line) defines.
 */
public final class ProjectEvaluator {
  private final Interpreter interpreter;
  private final Diagnostics diagnostics;
  private final VarInputs inputs;

  public ProjectEvaluator(Diagnostics diagnostics, VarInputs inputs) {
    this.diagnostics = diagnostics;
    this.interpreter = new Interpreter(diagnostics);
    this.inputs = inputs;
  }

  public Interpreter interpreter() {
    return interpreter;
  }

  /**
   * The evaluated project: every declaration of every module, the root's {@code var}s, and each
   * file's scope (its imports, then its module's names), in which an editor evaluates what the
   * cursor is on.
   */
  public record Result(List<Declaration> declarations, Map<String, Value> vars, Interpreter interpreter,
      Map<SourceUnit, Env> fileScopes) {}

  public Result evaluate(List<LoadedModule> modules) {
    Map<LoadedModule, ModuleScope> scopes = new IdentityHashMap<>();
    for (LoadedModule m : modules) {
      scopes.put(m, new ModuleScope(m.displayName(), interpreter.builtins(), m.isRoot()));
    }
    Map<String, Value> vars = new LinkedHashMap<>();
    record Pending(SourceUnit unit, Env env, ModuleScope scope, List<Item> items, List<Declaration> predeclared) {}
    List<Pending> pending = new ArrayList<>();
    Map<SourceUnit, Env> fileScopes = new IdentityHashMap<>();
    for (LoadedModule m : modules) {
      ModuleScope scope = scopes.get(m);
      for (SourceUnit unit : m.units()) {
        Env fileEnv = new Env(scope.env());
        fileScopes.put(unit, fileEnv);
        bindImports(m, unit, fileEnv, scopes);
        List<Item> items = new ArrayList<>();
        for (Item item : unit.items()) {
          switch (item) {
            case Item.Import i -> {}
            case Item.Var v -> bindVar(v, scope, fileEnv, vars);
            default -> items.add(item);
          }
        }
        pending.add(new Pending(unit, fileEnv, scope, items, interpreter.predeclare(items, fileEnv, scope.env(), scope)));
      }
    }
    inputs.reportUnknown(vars.keySet(), diagnostics);
    for (Pending p : pending) {
      interpreter.run(p.items(), p.env(), p.scope(), false, p.predeclared());
    }
    List<Declaration> declarations = new ArrayList<>();
    for (LoadedModule m : modules) {
      declarations.addAll(scopes.get(m).declarations());
    }
    return new Result(declarations, vars, interpreter, fileScopes);
  }

  private void bindImports(LoadedModule m, SourceUnit unit, Env fileEnv, Map<LoadedModule, ModuleScope> scopes) {
    Map<String, Span> seen = new HashMap<>();
    for (LoadedModule.Import imp : m.imports()) {
      if (imp.unit() != unit) {
        continue;
      }
      Span previous = seen.put(imp.alias(), imp.item().span());
      if (previous != null) {
        diagnostics.add(Diagnostic.error(DEFINED_TWICE, imp.item().span(), "`" + imp.alias() + "` is imported twice")
            .withLabel(previous, "first imported here").withHint("give one of them another name with `as`"));
        continue;
      }
      fileEnv.define(imp.alias(), imp.item().span(), scopes.get(imp.module()).asValue(imp.item().span()));
    }
  }

  private void bindVar(Item.Var v, ModuleScope scope, Env fileEnv, Map<String, Value> vars) {
    String name = v.name().name();
    if (!scope.isRoot()) {
      diagnostics.add(Diagnostic.error(VAR_IN_MODULE, v.span(), "`var` is only allowed in the project's own files")
          .withHint("a module takes its inputs as template parameters"));
      return;
    }
    if (v.type() != null) {
      Diagnostic bad = Types.validate(v.type());
      if (bad != null) {
        diagnostics.add(bad);
        // still bound, as a value that failed: its uses are not unknown names as well
        scope.env().define(name, v.name().span(), new Value.Error(v.name().span()));
        return;
      }
    }
    Env.Slot previous = scope.env().defineLazy(name, v.name().span(), () -> {
      Value value = inputs.valueOf(v, interpreter, fileEnv);
      if (value == null) {
        throw new EvalException(Diagnostic.error(VAR_WITHOUT_VALUE, v.name().span(), "var `" + name + "` has no value")
            .withHint("pass --var " + name + "=…, put it in a --var-file, or give it a default"));
      }
      return v.type() == null ? value : Types.check(interpreter, value, v.type(), value.span(), "var `" + name + "`");
    });
    if (previous != null) {
      diagnostics.add(Diagnostic.error(DEFINED_TWICE, v.name().span(), "`" + name + "` is defined twice")
          .withLabel(previous.definedAt(), "first defined here").withHint("rename one of them"));
      return;
    }
    vars.put(name, null);
  }
}
