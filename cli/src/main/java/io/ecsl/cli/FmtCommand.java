package io.ecsl.cli;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.LanguageCode;
import io.ecsl.facts.shell.Shell;
import io.ecsl.fmt.Formatter;
import io.ecsl.modules.ModuleLoader;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.SourceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ecsl fmt}: rewrite .ecs files in the canonical style (comments are kept). Its picocli spec
 * is built without annotations ({@link Specs}), as {@code check}'s is: {@code fmt --check} runs in
 * pre-commit hooks and CI, on every commit.
 */
final class FmtCommand implements Callable<Integer> {
  List<Path> paths = new ArrayList<>();
  boolean check;
  boolean stdout;
  CommandSpec spec;

  /** The command line of {@code ecsl fmt}, with a fresh command behind it. */
  static CommandSpec spec() {
    FmtCommand command = new FmtCommand();
    CommandSpec spec = Specs.command(command, "fmt",
        "Format .ecs files in place in the canonical style.",
        "Exit status: 0 formatted (or, with --check, already formatted), 1 otherwise.");
    spec.addPositional(Specs.positionals(Path.class, () -> command.paths, v -> command.paths = v)
        .paramLabel("PATH").arity("0..*").description("Files or directories (searched recursively; default: .).").build());
    spec.addOption(Specs.option(boolean.class, () -> command.check, v -> command.check = v, "--check")
        .description("Change nothing; list files that are not formatted and exit 1 if any.").build());
    spec.addOption(Specs.option(boolean.class, () -> command.stdout, v -> command.stdout = v, "--stdout")
        .description("Print the formatted source instead of writing files.").build());
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<Path> files = new ArrayList<>();
    Diagnostics diagnostics = new Diagnostics();
    for (Path p : paths.isEmpty() ? List.of(Path.of(".")) : paths) {
      if (Files.isDirectory(p)) {
        int before = files.size();
        Path root = p.toRealPath();
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".ecs") && Files.isRegularFile(f)).sorted()
              .filter(f -> !leadsOutside(f, root, diagnostics)).forEach(files::add);
        }
        if (files.size() == before) {
          // Saying nothing and exiting 0 would read as "all formatted" for a mistyped directory.
          diagnostics.add(Diagnostic.error(LanguageCode.CANNOT_FIND, null, "no .ecs files in " + p + " (or its subdirectories)")
              .withResource(p.toString()).withHint("point fmt at a directory of .ecs files, or at a file"));
        }
      } else if (Files.isRegularFile(p)) {
        Path dir = p.toAbsolutePath().normalize().getParent();
        if (dir == null || !leadsOutside(p, dir.toRealPath(), diagnostics)) {
          files.add(p);
        }
      } else {
        diagnostics.add(Diagnostic.error(LanguageCode.CANNOT_FIND, null, "no such file or directory: " + p)
            .withResource(p.toString()).withHint("check the path"));
      }
    }
    int unformatted = 0;
    for (Path file : files) {
      SourceFile source;
      try {
        source = SourceFiles.read(file, file.toString());
      } catch (SourceFiles.NotUtf8 e) {
        diagnostics.add(ModuleLoader.notUtf8(e));  // said as check says it; the other files are still formatted
        continue;
      }
      SourceUnit unit = Parser.parse(source, diagnostics);
      if (unit == null) {
        continue;
      }
      String formatted = Formatter.format(unit);
      if (stdout) {
        out.print(formatted);
      } else if (!formatted.equals(source.text())) {
        unformatted++;
        if (check) {
          out.println(file);
        } else {
          Files.writeString(file, formatted, StandardCharsets.UTF_8);
          out.println("formatted " + file);
        }
      }
    }
    DiagnosticPrinter.print(diagnostics, OutputFormat.text, out, err, Terminal.colorEnabled(System.err));
    if (diagnostics.hasErrors()) {
      err.println(files.isEmpty() ? "fmt: nothing to format" : "fmt: files with errors were left unchanged");
      return ExitCodes.ERROR;
    }
    return check && unformatted > 0 ? ExitCodes.ERROR : ExitCodes.OK;
  }

  /**
   * A file that is a link out of the directory fmt was given (or, named itself, out of its own) is
   * neither read nor rewritten, as {@code check} refuses it (E0208): a link to
   * {@code /proc/self/environ} would be printed as a syntax error, another project's file rewritten.
   */
  private static boolean leadsOutside(Path file, Path root, Diagnostics diagnostics) {
    Path real = ModuleLoader.linkLeaving(file, root);
    if (real == null) {
      return false;
    }
    diagnostics.add(Diagnostic.error(LanguageCode.OUTSIDE_ROOT, null, "`" + file + "` is a link to " + real
            + ", outside " + root).withResource(file.toString())
        .withHint("fmt formats the files inside the paths it is given; to format the file the link leads to, name"
            + " it: " + Shell.command("ecsl", "fmt", real.toString())));
    return true;
  }
}
