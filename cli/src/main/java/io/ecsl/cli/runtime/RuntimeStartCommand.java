package io.ecsl.cli.runtime;

import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.home.RuntimeStartException;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl runtime start}: launch the runtime in the background and print its endpoint. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start the local runtime in the background (if it is not already running) and print its "
        + "endpoint. Tasks left running by a previous runtime are adopted.")
final class RuntimeStartCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = "--port", paramLabel = "PORT",
      description = "TCP port on 127.0.0.1 (default: $ECSL_RUNTIME_PORT or 4747).")
  Integer port;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    RuntimeOptions options = location.options();
    if (port != null) {
      if (port < 1 || port > 65535) {
        err.println("ecsl: --port must be between 1 and 65535; got " + port);
        return ExitCodes.ERROR;
      }
      options = options.withPort(port);
    }
    try {
      RuntimeStatus status = LocalRuntime.start(options, message -> err.println("ecsl: " + message));
      out.println(format == OutputFormat.json ? Json.write(status.toJson()) : status.endpoint().toString());
      return ExitCodes.OK;
    } catch (RuntimeStartException | IllegalArgumentException e) {
      err.println("ecsl: cannot start the local runtime: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
