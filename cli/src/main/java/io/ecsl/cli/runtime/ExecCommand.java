package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.facts.shell.Shell;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsl exec TASK|SERVICE [--container C] [-it] -- COMMAND}: ECS Exec on the local runtime.
 * The runtime's ExecuteCommand judges the request as ECS does (refused unless the task was started
 * with execute command enabled); the command then runs with the engine's own exec, where ECS would
 * open a Session Manager session.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
    description = {"Run a command in a running task's container (ECS Exec).",
        "The task, or the service's first running task, must have been started with",
        "execute command enabled (enable_execute_command = true on the service or",
        "task), as on ECS.",
        "Example: ecsl exec web -it -- sh"})
public final class ExecCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Parameters(index = "0", paramLabel = "SERVICE|TASK", description = "A service name, or a task id, id prefix or ARN.")
  String target;

  @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (after --).")
  List<String> command = new ArrayList<>();

  @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster (default: whichever has the target).")
  String cluster;

  @Option(names = {"-c", "--container"}, paramLabel = "NAME",
      description = "The container (required when the task has several).")
  String container;

  @Option(names = {"-i", "--interactive"}, description = "Keep standard input open.")
  boolean interactive;

  @Option(names = {"-t", "--tty"}, description = "Allocate a terminal (for a shell: -it).")
  boolean tty;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (command.isEmpty()) {
      err.println("ecsl: give the command to run after --, e.g. ecsl exec " + target + " -it -- sh");
      return ExitCodes.ERROR;
    }
    try {
      RuntimeConnection runtime = RuntimeConnection.open(location.dataDir());
      List<JsonNode> tasks = runtime.findTasks(cluster, target).stream()
          .filter(t -> "RUNNING".equals(Json.text(t, "lastStatus"))).toList();
      if (tasks.isEmpty()) {
        err.println("ecsl: " + target + " has no running task");
        return ExitCodes.ERROR;
      }
      JsonNode task = tasks.get(0);
      JsonNode answer = runtime.client().ecs("ExecuteCommand", Json.object()
          .put("cluster", Json.text(task, "clusterArn"))
          .put("task", Json.text(task, "taskArn"))
          .put("command", Shell.command(command.toArray(String[]::new)))
          .put("interactive", true)
          .put("container", container));
      String containerName = Json.text(answer, "containerName");
      String runtimeId = null;
      for (JsonNode each : task.path("containers")) {
        if (containerName.equals(Json.text(each, "name"))) {
          runtimeId = Json.text(each, "runtimeId");
        }
      }
      if (runtimeId == null) {
        err.println("ecsl: container " + containerName + " of " + target + " has not been created");
        return ExitCodes.ERROR;
      }
      return dockerExec(runtimeId, out, err);
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  /**
   * The engine's exec through the docker CLI: it alone handles a terminal (raw mode, resizes).
   * Without {@code -t} the output is copied to this command's own streams, so scripts and tests read it.
   */
  private int dockerExec(String runtimeId, PrintWriter out, PrintWriter err) throws InterruptedException {
    List<String> argv = new ArrayList<>(List.of("docker", "exec"));
    if (interactive) {
      argv.add("-i");
    }
    if (tty) {
      argv.add("-t");
    }
    argv.add(runtimeId);
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv);
    if (tty || interactive) {
      builder.inheritIO();
    } else {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    try {
      Process process = builder.start();
      if (!(tty || interactive)) {
        Thread errors = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), err));
        copy(process.getInputStream(), out);
        errors.join();
      }
      return process.waitFor();
    } catch (IOException e) {
      err.println("ecsl: cannot run the docker CLI (" + e.getMessage() + "); ecsl exec runs `docker exec` on"
          + " this machine: install the docker CLI or run " + Shell.command(argv.toArray(String[]::new)) + " where it is");
      return ExitCodes.ERROR;
    }
  }

  private static void copy(InputStream in, PrintWriter to) {
    try (in) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (to) {
          to.print(new String(buffer, 0, n, StandardCharsets.UTF_8));
          to.flush();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
