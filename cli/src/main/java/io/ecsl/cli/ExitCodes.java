package io.ecsl.cli;

import picocli.CommandLine;

/**
 * Exit codes, in one place, as Terraform uses them: 0 success (or, with --detailed-exitcode, no
 * changes), 1 error (invalid input, usage error, failed operation), 2 changes present (plan with
 * --detailed-exitcode only). A usage error is 1, not picocli's 2, so CI never reads it as "changes".
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int CHANGES = 2;

  private ExitCodes() {}

  static void install(CommandLine cli) {
    cli.setParameterExceptionHandler((ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println("ecsl: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
      cmd.getErr().println("Run `" + cmd.getCommandSpec().qualifiedName() + " --help` for usage.");
      return ERROR;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      String fileProblem = fileProblem(ex);
      if (fileProblem != null) {
        // the file system said no (permissions, a file where a directory should be): not a bug
        cmd.getErr().println("ecsl: " + fileProblem);
        return ERROR;
      }
      // Our own bugs and environment failures: one clear line, the stack trace only on request.
      cmd.getErr().println("ecsl: internal error: " + ex);
      cmd.getErr().println("This is a bug in ecsl; please report it with the command you ran."
          + " Set ECSL_DEBUG=1 for the stack trace.");
      if (System.getenv("ECSL_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return ERROR;
    });
  }

  /** "cannot write ro/main.ecs: permission denied" for a file-system refusal, else null. */
  static String fileProblem(Throwable ex) {
    Throwable t = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
    if (!(t instanceof java.nio.file.FileSystemException f)) {
      return null;
    }
    String why = switch (f) {
      case java.nio.file.AccessDeniedException a -> "permission denied";
      case java.nio.file.NoSuchFileException n -> "no such file or directory";
      case java.nio.file.NotDirectoryException n -> "not a directory";
      case java.nio.file.FileAlreadyExistsException e -> "a file of that name is in the way";
      case java.nio.file.DirectoryNotEmptyException d -> "the directory is not empty";
      default -> f.getReason() != null ? f.getReason() : "the file system refused";
    };
    String file = f.getFile() != null ? f.getFile() : "a file";
    return "cannot use " + file + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "") + ": " + why
        + "; check the path and its permissions";
  }
}
