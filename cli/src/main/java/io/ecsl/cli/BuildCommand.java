package io.ecsl.cli;

import io.ecsl.compile.Compiler;
import io.ecsl.emit.BuildWriter;
import io.ecsl.emit.Manifest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code ecsl build}: compile to ECS API request JSON plus a manifest. Its picocli spec is built
 * without annotations ({@link Specs}: reading them costs a tenth of a second at every start).
 */
final class BuildCommand implements Callable<Integer> {
  final CompileOptions compile = new CompileOptions();
  Path out;
  boolean toStdout;
  OutputFormat format;
  boolean strict;
  CommandSpec spec;

  /** The command line of {@code ecsl build}, with a fresh command behind it. */
  static CommandSpec spec() {
    BuildCommand command = new BuildCommand();
    CommandSpec spec = Specs.command(command, "build",
        "Compile a project to the ECS API requests that create it.",
        "Writes task-definitions/, clusters/, services/<cluster>/, …,",
        "cloudformation.json, deploy.sh and manifest.json to --out. Each file is exactly",
        "what `aws <service> <operation> --cli-input-json file://FILE` takes.");
    command.compile.addTo(spec);
    spec.addOption(Specs.option(Path.class, () -> command.out, v -> command.out = v, "-o", "--out")
        .paramLabel("DIR").defaultValue("ecsl-out").description("Output directory (default: ${DEFAULT-VALUE}).").build());
    spec.addOption(Specs.option(boolean.class, () -> command.toStdout, v -> command.toStdout = v, "--stdout")
        .description("Print the requests as one JSON document on stdout instead of writing --out:"
            + " manifest.json with each request inline (\"request\" instead of \"file\"), for a pipe. No deploy.sh or"
            + " CloudFormation template.").build());
    spec.addOption(Specs.option(OutputFormat.class, () -> command.format, v -> command.format = v, "--format")
        .paramLabel("<format>")  // picocli names it after the field when annotated
        .defaultValue("text").description("text or json (diagnostics and a summary on stdout).").build());
    spec.addOption(Specs.option(boolean.class, () -> command.strict, v -> command.strict = v, "--strict")
        .description("Treat warnings as errors.").build());
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() {
    if (toStdout && spec.commandLine().getParseResult().hasMatchedOption("--out")) {
      throw new ParameterException(spec.commandLine(), "--stdout prints the requests instead of writing them; give --out or --stdout, not both");
    }
    Compiler.Result result = Compiler.compile(compile.toOptions());
    var stdout = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    boolean failed = !result.ok() || strict && result.diagnostics().warningCount() > 0;
    if (format == OutputFormat.text || failed) {
      DiagnosticPrinter.print(result.diagnostics(), format, stdout, err, Terminal.colorEnabled(System.err));
    }
    if (failed) {
      if (format == OutputFormat.text) {
        err.println("build failed: " + DiagnosticPrinter.counts(result.diagnostics()) + "; nothing was written");
      }
      return ExitCodes.ERROR;
    }
    EcsModel model = result.model();
    if (toStdout) {
      // stdout is the document alone; warnings went to stderr (text) or are left out (json, as without --stdout)
      Manifest.writeInline(model, stdout);
      return ExitCodes.OK;
    }
    io.ecsl.compile.Timings timings = new io.ecsl.compile.Timings();
    BuildOutputs outputs = BuildOutputs.of(model);
    timings.mark("emit");
    List<BuildWriter.OutputFile> files = outputs.files();
    try {
      BuildWriter.write(out, files);
      BuildOutputs.finish(out);
      timings.mark("write");
    } catch (IOException e) {
      err.println("ecsl: cannot write " + out + ": " + e.getMessage());
      return ExitCodes.ERROR;
    }
    if (format == OutputFormat.json) {
      stdout.println("{\"ok\": true, \"out\": \"" + out.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"files\": "
          + files.size() + ", \"resources\": " + model.resources().size() + "}");
    } else {
      stdout.println("wrote " + files.size() + " files to " + out + " (" + summary(model) + ")");
    }
    outputs.notes().forEach(note -> err.println("note: " + note));
    return ExitCodes.OK;
  }

  private static String summary(EcsModel model) {
    Map<ResourceKind, Integer> counts = new EnumMap<>(ResourceKind.class);
    for (Resource r : model.resources()) {
      counts.merge(r.kind(), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(k.word()).append(n == 1 ? "" : "s"));
    return sb.isEmpty() ? "nothing declared" : sb.toString();
  }
}
