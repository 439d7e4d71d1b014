package io.ecsl.cli.runtime;

import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.home.RuntimeStartException;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl runtime start}: launch the runtime in the background and print its endpoint. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start the local runtime in the background (if it is not already running) and print its "
        + "endpoint. Tasks left running by a previous runtime are adopted. By default tasks cannot take over this"
        + " machine: the --allow-... flags grant them more (see docs/runtime-model.md, \"Host access\").")
final class RuntimeStartCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = "--port", paramLabel = "PORT",
      description = "TCP port on 127.0.0.1 (default: $ECSL_RUNTIME_PORT or 4747).")
  Integer port;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Option(names = HostGrants.ALLOW_MOUNT, paramLabel = "DIR",
      description = "Tasks may bind-mount host paths under DIR too (repeatable). By default only the directories of"
          + " projects applied to the runtime and its own volume area (DATA_DIR/volumes) are mountable.")
  List<Path> allowMount = new ArrayList<>();

  @Option(names = HostGrants.ALLOW_SENSITIVE_MOUNT, paramLabel = "PATH",
      description = "Tasks may mount the sensitive host path PATH and what is under it (repeatable): /, the Docker"
          + " socket, /etc, /root, home directories, ... Whoever mounts these owns the machine.")
  List<Path> allowSensitiveMount = new ArrayList<>();

  @Option(names = HostGrants.ALLOW_PRIVILEGED,
      description = "Tasks may run privileged containers, or lift their confinement (apparmor/seccomp unconfined).")
  boolean allowPrivileged;

  @Option(names = HostGrants.ALLOW_HOST_NETWORK, description = "Tasks may use networkMode host.")
  boolean allowHostNetwork;

  @Option(names = HostGrants.ALLOW_HOST_NAMESPACES, description = "Tasks may use pidMode host and ipcMode host.")
  boolean allowHostNamespaces;

  @Option(names = HostGrants.ALLOW_CAPABILITIES, description = "Containers may add Linux capabilities.")
  boolean allowCapabilities;

  @Option(names = HostGrants.ALLOW_DEVICES, description = "Containers may map host devices.")
  boolean allowDevices;

  @Option(names = "--adopt", description = "When the runtime's state was lost (state.db missing or empty) while"
      + " containers of its previous instance still run, take them over as standalone tasks instead of refusing"
      + " to start.")
  boolean adopt;

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
    for (Path dir : allowMount) {
      if (!Files.isDirectory(dir)) {
        err.println("ecsl: " + HostGrants.ALLOW_MOUNT + " " + dir + ": not a directory");
        return ExitCodes.ERROR;
      }
    }
    options = options.withGrants(new HostGrants(allowMount, allowSensitiveMount, allowPrivileged, allowHostNetwork,
        allowHostNamespaces, allowCapabilities, allowDevices)).withAdopt(adopt);
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
