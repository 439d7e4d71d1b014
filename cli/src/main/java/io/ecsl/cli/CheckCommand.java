package io.ecsl.cli;

import io.ecsl.compile.Compiler;
import io.ecsl.diag.Diagnostics;
import io.ecsl.importer.Importer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ecsl check}: validate without writing anything. Its picocli spec is built without
 * annotations ({@link Specs}: reading them costs a tenth of a second at every start).
 */
final class CheckCommand implements Callable<Integer> {
  final CompileOptions compile = new CompileOptions();
  OutputFormat format;
  boolean strict;
  CommandSpec spec;

  /** The command line of {@code ecsl check}, with a fresh command behind it. */
  static CommandSpec spec() {
    CheckCommand command = new CheckCommand();
    CommandSpec spec = Specs.command(command, "check",
        "Validate a project: syntax, names, types and units, and every ECS rule.",
        "JSON files (task definitions, services, clusters, capacity providers in API",
        "shape) are checked too, with diagnostics pointing into the JSON.",
        "Exit status: 0 valid, 1 invalid (warnings fail only with --strict).");
    command.compile.addTo(spec);
    spec.addOption(Specs.option(OutputFormat.class, () -> command.format, v -> command.format = v, "--format")
        .paramLabel("<format>")  // picocli names it after the field when annotated
        .defaultValue("text").description("text or json (diagnostics on stdout for editors and CI).").build());
    spec.addOption(Specs.option(boolean.class, () -> command.strict, v -> command.strict = v, "--strict")
        .description("Treat warnings as errors.").build());
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() {
    List<Path> json = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (Path p : compile.paths()) {
      (p.toString().endsWith(".json") ? json : sources).add(p);
    }
    Diagnostics diagnostics = new Diagnostics();
    int resources = 0;
    if (!sources.isEmpty() || json.isEmpty()) {
      Compiler.Result result = Compiler.compile(compile.toOptions(sources));
      diagnostics.addAll(result.diagnostics().sorted());
      resources += result.model() == null ? 0 : result.model().resources().size();
    }
    if (!json.isEmpty()) {
      Importer.Result imported = Importer.importFiles(json);
      diagnostics.addAll(imported.diagnostics().sorted());
      resources += imported.model() == null ? 0 : imported.model().resources().size();
    }
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    DiagnosticPrinter.print(diagnostics, format, out, err, Terminal.colorEnabled(System.err));
    boolean failed = diagnostics.hasErrors() || strict && diagnostics.warningCount() > 0;
    if (format == OutputFormat.text) {
      if (failed) {
        err.println("check failed: " + DiagnosticPrinter.counts(diagnostics));
      } else {
        out.println("ok: " + resources + " resource" + (resources == 1 ? "" : "s") + " checked"
            + (diagnostics.warningCount() > 0 ? ", " + DiagnosticPrinter.counts(diagnostics) : ""));
      }
    }
    return failed ? ExitCodes.ERROR : ExitCodes.OK;
  }
}
