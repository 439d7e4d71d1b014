package io.ecsl.cli.runtime;

import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A local runtime of a test's own: a free port, a fresh data directory, everything removed on close. */
final class TestRuntime implements AutoCloseable {
  final Path dataDir;
  final RuntimeStatus status;

  private TestRuntime(Path dataDir, RuntimeStatus status) {
    this.dataDir = dataDir;
    this.status = status;
  }

  static TestRuntime start() throws IOException {
    Path dataDir = Files.createTempDirectory("ecsl-cli-runtime-test");
    // The runtime is another process, told its port: FreePorts, not a closed ServerSocket(0) (see there).
    int port = FreePorts.forAServerProcess();
    RuntimeStatus status = LocalRuntime.start(RuntimeOptions.defaults().withDataDir(dataDir).withPort(port), message -> { });
    return new TestRuntime(dataDir, status);
  }

  String endpoint() {
    return status.endpoint().toString();
  }

  /** Stops the runtime and removes every container, network and volume it created. */
  @Override
  public void close() {
    LocalRuntime.stop(dataDir, true, message -> { });
  }
}
