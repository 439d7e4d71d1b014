package io.ecsl.cli;

import io.ecsl.compile.Compiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every command that compiles a project shares (check, build, plan, apply, …): a
 * {@code @Mixin} for the annotated commands, and {@link #addTo} for the ones whose spec is built
 * without annotations ({@link Specs}). Both read the texts below.
 */
public final class CompileOptions {
  static final String PATHS = "Project directories or .ecs files (default: the current directory).";
  static final String VAR = "Set a `var` input; may be repeated.";
  static final String VAR_FILE = "Read `var` inputs from FILE (name = value lines, or JSON).";
  static final String REGION = "AWS region for the ARNs the output needs (default: project setting, AWS_REGION, us-east-1).";
  static final String ACCOUNT_ID = "AWS account id for the ARNs the output needs (schedules).";
  static final String PROJECT_ROOT = "Imports may not leave this directory (default: the project directory).";

  @Parameters(paramLabel = "PATH", arity = "0..*", description = PATHS)
  List<Path> paths = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE", description = VAR)
  List<String> vars = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "FILE", description = VAR_FILE)
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--region", paramLabel = "REGION", description = REGION)
  String region;

  @Option(names = "--account-id", paramLabel = "ID", description = ACCOUNT_ID)
  String accountId;

  @Option(names = "--project-root", paramLabel = "DIR", description = PROJECT_ROOT)
  Path projectRoot;

  /** Adds these options to a spec built without annotations, as the {@code @Mixin} would. */
  void addTo(CommandSpec spec) {
    spec.addPositional(Specs.positionals(Path.class, () -> paths, v -> paths = v)
        .paramLabel("PATH").arity("0..*").description(PATHS).build());
    spec.addOption(Specs.listOption(String.class, () -> vars, v -> vars = v, "--var")
        .paramLabel("NAME=VALUE").description(VAR).build());
    spec.addOption(Specs.listOption(Path.class, () -> varFiles, v -> varFiles = v, "--var-file")
        .paramLabel("FILE").description(VAR_FILE).build());
    spec.addOption(Specs.option(String.class, () -> region, v -> region = v, "--region")
        .paramLabel("REGION").description(REGION).build());
    spec.addOption(Specs.option(String.class, () -> accountId, v -> accountId = v, "--account-id")
        .paramLabel("ID").description(ACCOUNT_ID).build());
    spec.addOption(Specs.option(Path.class, () -> projectRoot, v -> projectRoot = v, "--project-root")
        .paramLabel("DIR").description(PROJECT_ROOT).build());
  }

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
