package io.ecsl.cli;

import io.ecsl.compile.Compiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that compiles a project shares (check, build, plan, apply, …). */
public final class CompileOptions {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Project directories or .ecs files (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Set a `var` input; may be repeated.")
  List<String> vars = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "FILE", description = "Read `var` inputs from FILE (name = value lines, or JSON).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region for the ARNs the output needs (default: project setting, AWS_REGION, us-east-1).")
  String region;

  @Option(names = "--account-id", paramLabel = "ID", description = "AWS account id for the ARNs the output needs (schedules).")
  String accountId;

  @Option(names = "--project-root", paramLabel = "DIR", description = "Imports may not leave this directory (default: the project directory).")
  Path projectRoot;

  public List<Path> paths() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
  }

  public Compiler.Options toOptions() {
    return toOptions(paths());
  }

  /** The options for some of the paths (e.g. the .ecs ones when JSON files are checked beside them). */
  public Compiler.Options toOptions(List<Path> inputs) {
    return new Compiler.Options(inputs.isEmpty() ? List.of(Path.of(".")) : inputs, projectRoot, vars, varFiles, region, accountId);
  }
}
