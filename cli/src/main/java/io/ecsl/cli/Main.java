package io.ecsl.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ecsl} command. {@link #run} executes in-process so tests can drive the whole CLI and
 * check stdout, stderr and the exit code.
 */
@Command(
    name = "ecsl",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Define and run Amazon ECS workloads as code.%n",
    commandListHeading = "%nCommands:%n",
    footer = {"", "Run `ecsl COMMAND --help` for a command's options. Docs: README.md, docs/."},
    subcommands = {
      CheckCommand.class,
      BuildCommand.class,
      FmtCommand.class,
      ImportCommand.class,
      io.ecsl.cli.deploy.PlanCommand.class,
      io.ecsl.cli.deploy.ApplyCommand.class,
      io.ecsl.cli.deploy.DestroyCommand.class,
      io.ecsl.cli.runtime.RuntimeCommand.class,
      io.ecsl.cli.runtime.PsCommand.class,
      io.ecsl.cli.runtime.LogsCommand.class,
      io.ecsl.cli.runtime.EventsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the CLI with the given streams; returns the exit code (see {@link ExitCodes}). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(Terminal.colorEnabled(out)
        ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    ExitCodes.install(cli);
    try {
      return cli.execute(args);
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
  }
}
