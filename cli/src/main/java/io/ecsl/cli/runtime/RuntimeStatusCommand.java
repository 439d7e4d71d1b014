package io.ecsl.cli.runtime;

import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl runtime status}: exit 0 when running, 1 when not (so scripts can test it). */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show whether the local runtime is running, where, and whether it is healthy (its control loop"
        + " passes); when it is not running, why, if its log says. Exit status: 0 running and healthy, 1 otherwise.")
final class RuntimeStatusCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    RuntimeStatus status = LocalRuntime.status(location.dataDir());
    if (format == OutputFormat.json) {
      out.println(Json.write(status.toJson()));
    } else if (status.running()) {
      out.println((status.healthy() ? "running" : "running but unhealthy") + " at " + status.endpoint() + " (pid "
          + status.pid() + ", data " + status.dataDir() + ")");
      if (status.problem() != null) {
        out.println("problem: " + status.problem() + "; see the runtime log (ecsl runtime logs), and restart it if it"
            + " does not recover: ecsl runtime stop, then ecsl runtime start");
      }
      out.println("host grants: " + (status.grants().isEmpty() ? "none (the default)" : String.join(" ", status.grants())));
      if (status.containerEngineProblem() != null) {
        out.println("warning: " + status.containerEngineProblem());
      }
      if (status.stateWarning() != null) {
        out.println("warning: " + status.stateWarning());
      }
    } else if (status.problem() != null) {
      out.println("not running (data " + status.dataDir() + "): " + status.problem());
    } else {
      out.println("not running (data " + status.dataDir() + "); start it with: ecsl runtime start");
    }
    return status.healthy() ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
