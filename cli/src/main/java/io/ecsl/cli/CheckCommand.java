package io.ecsl.cli;

import io.ecsl.compile.Compiler;
import io.ecsl.model.EcsModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl check}: validate without writing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Validate a project: syntax, names, types and units, and every ECS rule.",
        "Exit status: 0 valid, 1 invalid (warnings fail only with --strict)."})
final class CheckCommand implements Callable<Integer> {
  @Mixin CompileOptions compile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (diagnostics on stdout for editors and CI).")
  OutputFormat format;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Compiler.Result result = Compiler.compile(compile.toOptions());
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    DiagnosticPrinter.print(result.diagnostics(), format, out, err, Terminal.colorEnabled(System.err));
    boolean failed = !result.ok() || strict && result.diagnostics().warningCount() > 0;
    if (format == OutputFormat.text) {
      if (failed) {
        err.println("check failed: " + DiagnosticPrinter.counts(result.diagnostics()));
      } else {
        EcsModel model = result.model();
        out.println("ok: " + model.resources().size() + " resource" + (model.resources().size() == 1 ? "" : "s")
            + " checked" + (result.diagnostics().warningCount() > 0 ? ", " + DiagnosticPrinter.counts(result.diagnostics()) : ""));
      }
    }
    return failed ? ExitCodes.ERROR : ExitCodes.OK;
  }
}
