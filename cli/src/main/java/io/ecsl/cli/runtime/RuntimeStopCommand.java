package io.ecsl.cli.runtime;

import io.ecsl.cli.ExitCodes;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.store.StoreException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl runtime stop [--clean]}. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop the local runtime gracefully. Its tasks keep running and are adopted at the next "
        + "start. With --clean, also remove every container, network and volume it created, and its "
        + "data directory.")
final class RuntimeStopCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = "--clean", description = "Also remove the runtime's containers, networks, volumes and data.")
  boolean clean;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      boolean stopped = LocalRuntime.stop(location.dataDir(), clean, message -> err.println("ecsl: " + message));
      out.println(stopped ? "stopped the local runtime" + (clean ? " and removed everything it created" : "")
          : "the local runtime was not running" + (clean ? "; removed everything it had created" : ""));
      return ExitCodes.OK;
    } catch (IllegalStateException | StoreException e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
