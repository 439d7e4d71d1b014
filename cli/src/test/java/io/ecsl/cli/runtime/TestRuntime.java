package io.ecsl.cli.runtime;

import io.ecsl.cli.Main;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local runtime of each test's own: a free port, a fresh data directory, everything removed after
 * the test. Use as {@code @RegisterExtension final TestRuntime runtime = new TestRuntime();}: it
 * starts before the class's own {@code @BeforeEach} methods and stops after its {@code @AfterEach}.
 * {@link #apply} and {@link #plan} run the CLI on a project against it.
 */
final class TestRuntime implements BeforeEachCallback, AfterEachCallback {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private final java.util.Map<String, String> environment;
  Path dataDir;
  RuntimeStatus status;

  TestRuntime() {
    this(java.util.Map.of());
  }

  /** A runtime whose process also gets {@code environment} (e.g. a short deployment minute). */
  TestRuntime(java.util.Map<String, String> environment) {
    this.environment = java.util.Map.copyOf(environment);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("ecsl-cli-runtime-test");
    // The runtime is another process, told its port: FreePorts, not a closed ServerSocket(0) (see there).
    int port = FreePorts.forAServerProcess();
    status = LocalRuntime.start(RuntimeOptions.defaults().withDataDir(dataDir).withPort(port).withEnvironment(environment),
        message -> { });
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

  /** The project {@code dir} with {@code source} as its main.ecs. */
  static Path project(Path dir, String source) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("main.ecs"), source);
    return dir;
  }

  /** {@code ecsl apply PROJECT --auto-approve} against this runtime, polling each second; {@code flags} follow. */
  Processes.Result apply(Path project, String... flags) {
    return ecsl(List.of("apply", project.toString(), "--auto-approve", "--target", "local", "--runtime-dir", dir(),
        "--poll-interval", "1s"), flags);
  }

  /** {@code ecsl plan PROJECT} against this runtime; {@code flags} follow. */
  Processes.Result plan(Path project, String... flags) {
    return ecsl(List.of("plan", project.toString(), "--target", "local", "--runtime-dir", dir()), flags);
  }

  private static Processes.Result ecsl(List<String> command, String... flags) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(flags));
    return ECSL.run(args.toArray(String[]::new));
  }

  /** The exception a request to {@code address} ends with, or null when it was answered (a listener gone). */
  static Exception refused(java.net.URI address) {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .connectTimeout(java.time.Duration.ofSeconds(5)).build()) {
      http.send(java.net.http.HttpRequest.newBuilder(address).timeout(java.time.Duration.ofSeconds(5)).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
