package io.ecsl.compile;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Diagnostics;
import io.ecsl.eval.ProjectEvaluator;
import io.ecsl.eval.VarInputs;
import io.ecsl.lower.ModelBuilder;
import io.ecsl.model.EcsModel;
import io.ecsl.modules.LoadedModule;
import io.ecsl.modules.ModuleLoader;
import io.ecsl.rules.Rules;
import java.nio.file.Path;
import java.util.List;

/**
 * The compiler pipeline, one stage after another: load modules → evaluate → build the ECS model
 * (schema checks) → ECS rules. Every stage reports into one {@link Diagnostics}; a stage that
 * found errors stops the pipeline after it so later stages never see broken input.
 */
public final class Compiler {
  private Compiler() {}

  /**
   * What to compile.
   *
   * @param inputs files and directories; directories contribute their {@code .ecs} files
   * @param projectRoot imports may not leave it; null for the first input's directory
   * @param vars {@code name=value} flags
   * @param varFiles var files, applied in order before the flags
   * @param region AWS region for ARNs, or null
   * @param accountId AWS account for ARNs, or null
   */
  public record Options(List<Path> inputs, Path projectRoot, List<String> vars, List<Path> varFiles, String region,
      String accountId) {

    public static Options of(Path... inputs) {
      return new Options(List.of(inputs), null, List.of(), List.of(), null, null);
    }
  }

  /** The outcome: diagnostics always, the model only when there were no errors. */
  public record Result(Diagnostics diagnostics, EcsModel model) {
    public boolean ok() {
      return !diagnostics.hasErrors();
    }
  }

  public static Result compile(Options options) {
    Timings.startup();
    Timings timings = new Timings();
    Diagnostics diagnostics = new Diagnostics();
    Path root = options.projectRoot() != null ? options.projectRoot() : ModuleLoader.rootFor(options.inputs());
    VarInputs vars = new VarInputs();
    for (Path f : options.varFiles()) {
      vars.addFile(f, diagnostics);
    }
    vars.addFlags(options.vars(), diagnostics);
    List<LoadedModule> modules = new ModuleLoader(root, diagnostics).load(options.inputs());
    timings.mark("parse");
    if (diagnostics.hasErrors()) {
      // Syntax and import errors first: evaluating around them would only add follow-on errors.
      return new Result(diagnostics, null);
    }
    String projectName = root.getFileName() == null ? "ecsl" : root.getFileName().toString();
    EcsModel model = evaluateAndLower(modules, vars, diagnostics, timings,
        new ModelBuilder.Settings(projectName, options.region(), options.accountId()));
    timings.mark("lower");
    if (diagnostics.hasErrors()) {
      return new Result(diagnostics, null);
    }
    Rules.check(model, diagnostics);
    timings.mark("rules");
    if (model.resources().isEmpty()) {
      diagnostics.add(nothingDeclared(options.inputs()));
    }
    return new Result(diagnostics, diagnostics.hasErrors() ? null : model);
  }

  /**
   * W0207: files that declare nothing (only comments, `let`s or templates never called) would
   * check as "ok" and build a CloudFormation template holding a placeholder; most likely the
   * declarations are in another directory, or a template is never called.
   */
  static Diagnostic nothingDeclared(List<Path> inputs) {
    String where = String.join(" ", inputs.stream().map(Path::toString).toList());
    return Diagnostic.warning(LanguageCode.NOTHING_DECLARED, null, "the project declares no resources, so there is nothing to check or deploy")
        .withResource(where)
        .withHint("declare one (`cluster main {}`, `task web { … }`), call a template that declares some, or point ecsl at "
            + "the directory that holds them (see samples/)");
  }

  /**
   * Evaluates the modules and lowers the declarations. Its own method so that nothing keeps the
   * evaluated values once the model exists: the rules then run with a smaller heap to collect.
   */
  private static EcsModel evaluateAndLower(List<LoadedModule> modules, VarInputs vars, Diagnostics diagnostics,
      Timings timings, ModelBuilder.Settings settings) {
    ProjectEvaluator.Result evaluated = new ProjectEvaluator(diagnostics, vars).evaluate(modules);
    timings.mark("evaluate");
    // Lowering still runs after evaluation errors (failed values are silent there), so one run
    // reports every problem; the rules need a complete model and run only without errors.
    return new ModelBuilder(evaluated.interpreter(), diagnostics).build(evaluated.declarations(), settings);
  }
}
