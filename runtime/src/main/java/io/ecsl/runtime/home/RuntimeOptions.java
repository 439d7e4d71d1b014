package io.ecsl.runtime.home;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local runtime listens and keeps its data.
 *
 * @param port the TCP port on 127.0.0.1 (default {@value RuntimeHome#DEFAULT_PORT}, env {@code ECSL_RUNTIME_PORT})
 * @param dataDir store, log and state files (default {@code ~/.ecsl/runtime}, env {@code ECSL_RUNTIME_DIR})
 * @param startTimeout how long {@code LocalRuntime.start} waits for the new process to answer
 */
public record RuntimeOptions(int port, Path dataDir, Duration startTimeout) {

  /** Defaults from the environment: {@code ECSL_RUNTIME_PORT}, {@code ECSL_RUNTIME_DIR}. */
  public static RuntimeOptions defaults() {
    return fromEnvironment(System.getenv());
  }

  static RuntimeOptions fromEnvironment(Map<String, String> env) {
    int port = RuntimeHome.DEFAULT_PORT;
    String portText = env.get("ECSL_RUNTIME_PORT");
    if (portText != null && !portText.isBlank()) {
      try {
        port = Integer.parseInt(portText.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ECSL_RUNTIME_PORT must be a port number; got '" + portText + "'");
      }
    }
    String dir = env.get("ECSL_RUNTIME_DIR");
    Path dataDir = dir != null && !dir.isBlank() ? Path.of(dir)
        : Path.of(System.getProperty("user.home"), ".ecsl", "runtime");
    return new RuntimeOptions(port, dataDir, Duration.ofSeconds(30));
  }

  public RuntimeOptions withPort(int newPort) {
    return new RuntimeOptions(newPort, dataDir, startTimeout);
  }

  public RuntimeOptions withDataDir(Path newDataDir) {
    return new RuntimeOptions(port, newDataDir, startTimeout);
  }
}
