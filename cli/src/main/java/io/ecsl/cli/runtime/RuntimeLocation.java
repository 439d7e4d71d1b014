package io.ecsl.cli.runtime;

import io.ecsl.runtime.home.RuntimeOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: which local runtime a command talks to (default {@code ECSL_RUNTIME_DIR} or ~/.ecsl/runtime). */
public final class RuntimeLocation {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The runtime's data directory (default: $ECSL_RUNTIME_DIR or ~/.ecsl/runtime).")
  Path dataDir;

  RuntimeOptions options() {
    RuntimeOptions defaults = RuntimeOptions.defaults();
    return dataDir == null ? defaults : defaults.withDataDir(dataDir);
  }

  Path dataDir() {
    return options().dataDir();
  }
}
