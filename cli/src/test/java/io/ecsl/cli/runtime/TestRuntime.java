package io.ecsl.cli.runtime;

import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local runtime of each test's own: a free port, a fresh data directory, everything removed after
 * the test. Use as {@code @RegisterExtension final TestRuntime runtime = new TestRuntime();}: it
 * starts before the class's own {@code @BeforeEach} methods and stops after its {@code @AfterEach}.
 */
final class TestRuntime implements BeforeEachCallback, AfterEachCallback {
  Path dataDir;
  RuntimeStatus status;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("ecsl-cli-runtime-test");
    // The runtime is another process, told its port: FreePorts, not a closed ServerSocket(0) (see there).
    int port = FreePorts.forAServerProcess();
    status = LocalRuntime.start(RuntimeOptions.defaults().withDataDir(dataDir).withPort(port), message -> { });
  }

  /** Stops the runtime and removes every container, network and volume it created. */
  @Override
  public void afterEach(ExtensionContext context) {
    if (dataDir != null) {
      LocalRuntime.stop(dataDir, true, message -> { });
    }
  }

  String endpoint() {
    return status.endpoint().toString();
  }

  /** The data directory as the CLI's {@code --runtime-dir} / {@code --data-dir} take it. */
  String dir() {
    return dataDir.toString();
  }
}
