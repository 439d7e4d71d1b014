package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that reads the local runtime and shows what it found as a table or, with
 * {@code --format json}, as JSON. Connecting, and a runtime that is not running or an API error
 * as one {@code ecsl: …} line and exit code 1, are handled here once for {@code ps},
 * {@code schedules} and {@code runtime instances}.
 *
 * @param <T> what the command read, shown both ways
 */
abstract class RuntimeReadCommand<T> implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Spec CommandSpec spec;

  /** Reads what the command shows. */
  abstract T read(RuntimeConnection runtime);

  /** What {@code --format json} prints. */
  abstract JsonNode json(T found);

  /** The tables; {@code runtime} is there for what only the text shows. */
  abstract void printText(T found, RuntimeConnection runtime, PrintWriter out);

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      RuntimeConnection runtime = RuntimeConnection.open(location.dataDir());
      T found = read(runtime);
      if (format == OutputFormat.json) {
        out.println(Json.write(json(found)));
      } else {
        printText(found, runtime, out);
      }
      return ExitCodes.OK;
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      spec.commandLine().getErr().println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
