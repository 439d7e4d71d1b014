package io.ecsl.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code ecsl} command. {@link #run} executes in-process so tests can drive the whole CLI and
 * check stdout, stderr and the exit code.
 */
public final class Main implements Runnable {
  /**
   * The subcommands, in help order: an annotated command object, or the spec of one built without
   * annotations ({@link Specs}). They are registered on demand: picocli introspects every
   * registered command class by reflection, which for all of them costs about 150 ms, a third of
   * a small build. A command line that names one command gets only that one.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  /** Other names of commands, as their {@code @Command(aliases)} declare them. */
  private static final Map<String, String> ALIASES = Map.of("stats", "top");

  static {
    // picocli's DefaultFactory probes for Groovy closures (Class.forName("groovy.lang.Closure")):
    // finding it missing reads ecsl.jar's 32,000-entry directory, ~20 ms on the main thread.
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    COMMANDS.put("check", CheckCommand::spec);
    COMMANDS.put("build", BuildCommand::spec);
    COMMANDS.put("fmt", FmtCommand::spec);
    COMMANDS.put("import", ImportCommand::new);
    COMMANDS.put("graph", GraphCommand::spec);
    COMMANDS.put("explain", ExplainCommand::new);
    COMMANDS.put("plan", io.ecsl.cli.deploy.PlanCommand::new);
    COMMANDS.put("apply", io.ecsl.cli.deploy.ApplyCommand::new);
    COMMANDS.put("destroy", io.ecsl.cli.deploy.DestroyCommand::new);
    COMMANDS.put("run", io.ecsl.cli.deploy.RunCommand::new);
    COMMANDS.put("deploy", io.ecsl.cli.deploy.DeployCommand::new);
    COMMANDS.put("runtime", io.ecsl.cli.runtime.RuntimeCommand::new);
    COMMANDS.put("ps", io.ecsl.cli.runtime.PsCommand::new);
    COMMANDS.put("logs", io.ecsl.cli.runtime.LogsCommand::new);
    COMMANDS.put("exec", io.ecsl.cli.runtime.ExecCommand::new);
    COMMANDS.put("events", io.ecsl.cli.runtime.EventsCommand::new);
    COMMANDS.put("top", io.ecsl.cli.runtime.TopCommand::new);
    COMMANDS.put("schedules", io.ecsl.cli.runtime.SchedulesCommand::new);
    COMMANDS.put("lsp", LspCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  public static void main(String[] args) {
    guardProcess();
    int code = run(System.out, System.err, args);
    String command = commandName(args);
    if (code == ExitCodes.OK && command != null && ENDS_BY_RETURNING.contains(command)) {
      // These commands leave only daemon threads, so returning ends the JVM with status 0. System.exit
      // would first ask System.getLogger whether to log the exit (JDK 21+), and finding the logger
      // backend scans the class path's META-INF/services: in ecsl.jar, 32,000 entries.
      System.out.flush();
      System.err.flush();
      return;
    }
    System.exit(code);
  }

  /** What every ecsl process sets up first (also the AOT cache's training run, {@link AotTraining}). */
  static void guardProcess() {
    HeapLimit.guard();
    // an OutOfMemoryError on another thread (the warm-up, a rules worker) ends the process the same way
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof OutOfMemoryError) {
        System.err.println(HeapLimit.message());
        Runtime.getRuntime().halt(ExitCodes.ERROR);
      }
      // What the JVM prints without a handler (ThreadGroup.uncaughtException would call this one again)
      System.err.print("Exception in thread \"" + thread.getName() + "\" ");
      e.printStackTrace();
    });
  }

  /** Commands that start no thread of their own which would keep the JVM alive. */
  private static final java.util.Set<String> ENDS_BY_RETURNING = java.util.Set.of("check", "build", "fmt", "graph", "explain");

  /** Runs the CLI with the given streams; returns the exit code (see {@link ExitCodes}). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    String unknown = unknownCommand(args);
    if (unknown != null) {
      // Before picocli: `ecsl run --help` would otherwise print the top-level help and exit 0, as
      // if `run` were a command, and `ecsl chek .` would report "unmatched arguments".
      PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
      e.println("ecsl: unknown command `" + unknown + "`");
      String suggestion = suggestion(unknown);
      if (suggestion != null) {
        e.println("Did you mean `ecsl " + suggestion + "`?");
      }
      e.println("Run `ecsl --help` for the commands.");
      e.flush();
      return ExitCodes.ERROR;
    }
    if (args.length == 1 && Info.isVersion(args[0])) {
      return print(out, Info.versionLine() + System.lineSeparator());
    }
    if (args.length == 1 && Info.isHelp(args[0])) {
      return print(out, TopLevelHelp.text(Terminal.colorEnabled(out)));
    }
    return runCommandLine(out, err, Terminal.colorEnabled(out), args);
  }

  /** Runs the arguments through picocli, in color or not. */
  static int runCommandLine(PrintStream out, PrintStream err, boolean color, String... args) {
    CommandLine cli = commandLine(args);
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    ExitCodes.install(cli);
    try {
      return cli.execute(args);
    } catch (StackOverflowError e) {
      // Every stage bounds its own nesting (E0101, E0206); this is the last line of defence.
      cli.getErr().println("ecsl: the input nests too deeply to process; split deeply nested values with `let`");
      return ExitCodes.ERROR;
    } catch (OutOfMemoryError e) {
      // Evaluation has its own budget (E0216); what is left is a project larger than the heap.
      cli.getErr().println(HeapLimit.message());
      return ExitCodes.ERROR;
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  /**
   * {@code ecsl --version} and {@code ecsl --help} print without picocli: building the command tree
   * (every command class introspected by reflection for the help's command list) would cost four
   * times what the JVM's own start does. The help text is picocli's, rendered at build time
   * ({@link TopLevelHelp}). The launcher prints them from a jar of their own ({@link Info}).
   */
  private static int print(PrintStream out, String text) {
    out.print(text);
    out.flush();
    return ExitCodes.OK;
  }

  /** The command tree for these arguments: every command, or only the one they name. */
  static CommandLine commandLine(String... args) {
    String named = commandName(args);
    warmUpFor(named);
    CommandLine cli = new CommandLine(new Main().spec);
    if (named != null && !named.equals("help")) {
      cli.addSubcommand(named, COMMANDS.get(named).get());
    } else if (named == null && args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
      return cli; // `ecsl --version` needs no commands
    } else {
      // top-level help and `help COMMAND`: all of them (an unknown command never gets here)
      COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    return cli;
  }

  /**
   * Commands that compile a project start loading the compiler on the spare core now, before
   * picocli reads the command line (which takes a tenth of a second on its own).
   */
  private static void warmUpFor(String command) {
    if (command == null) {
      return;
    }
    switch (command) {
      case "build" -> io.ecsl.compile.Warmup.start(io.ecsl.compile.Warmup.Stages.BUILD);
      case "check", "plan", "apply", "destroy", "run", "graph" -> io.ecsl.compile.Warmup.start(io.ecsl.compile.Warmup.Stages.CHECK);
      default -> { }
    }
  }

  /**
   * The command the arguments name (the first word that is not an option), if it is one of ours;
   * null when top-level help comes first ({@code ecsl -h build} lists every command).
   */
  private static String commandName(String... args) {
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help")) {
        return null;
      }
      if (!a.startsWith("-")) {
        String command = ALIASES.getOrDefault(a, a);
        return COMMANDS.containsKey(command) ? command : null;
      }
    }
    return null;
  }

  /**
   * The first word of the command line when it is not one of our commands, else null. The top
   * level takes only flags (`-h`, `-V`), so the first word that is not a flag is the command.
   */
  static String unknownCommand(String... args) {
    boolean help = false;
    for (String a : args) {
      if (a.startsWith("-")) {
        continue;
      }
      if (!COMMANDS.containsKey(ALIASES.getOrDefault(a, a))) {
        return a;
      }
      if (help || !a.equals("help")) {
        return null;
      }
      help = true;  // `ecsl help run`: the word after `help` must be a command too
    }
    return null;
  }

  /** A command spelt nearly like {@code word}, or one it begins ({@code run} → {@code runtime}). */
  private static String suggestion(String word) {
    String close = io.ecsl.diag.Suggestions.closest(word, COMMANDS.keySet());
    if (close != null) {
      return close;
    }
    return COMMANDS.keySet().stream().filter(c -> word.length() >= 2 && c.startsWith(word)).findFirst().orElse(null);
  }

  /** The top level, built without annotations (see {@link Specs}). */
  private final CommandSpec spec = topLevel(this);

  private static CommandSpec topLevel(Main main) {
    CommandSpec spec = Specs.command(main, "ecsl", "Define and run Amazon ECS workloads as code.%n");
    spec.versionProvider(new Version());
    spec.usageMessage().commandListHeading("%nCommands:%n")
        .footer("", "Run `ecsl COMMAND --help` for a command's options. Docs: README.md, docs/.");
    return spec;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
