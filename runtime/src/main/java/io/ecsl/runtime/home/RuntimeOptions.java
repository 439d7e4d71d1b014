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
 * @param grants what tasks may take from the host beyond the default ({@code ecsl runtime start --allow-...})
 * @param adopt take over the running containers of a previous instance whose state was lost
 *     ({@code ecsl runtime start --adopt})
 * @param environment variables the runtime process gets beside this process's own, e.g. {@code
 *     ECSL_RUNTIME_DEPLOYMENT_MINUTE} for a test that rehearses a canary in seconds
 */
public record RuntimeOptions(int port, Path dataDir, Duration startTimeout, HostGrants grants, boolean adopt,
    Map<String, String> environment) {

  public RuntimeOptions {
    environment = Map.copyOf(environment);
  }

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
    return new RuntimeOptions(port, dataDir, Duration.ofSeconds(30), HostGrants.NONE, false, Map.of());
  }

  public RuntimeOptions withPort(int newPort) {
    return new RuntimeOptions(newPort, dataDir, startTimeout, grants, adopt, environment);
  }

  public RuntimeOptions withDataDir(Path newDataDir) {
    return new RuntimeOptions(port, newDataDir, startTimeout, grants, adopt, environment);
  }

  public RuntimeOptions withGrants(HostGrants newGrants) {
    return new RuntimeOptions(port, dataDir, startTimeout, newGrants, adopt, environment);
  }

  public RuntimeOptions withAdopt(boolean newAdopt) {
    return new RuntimeOptions(port, dataDir, startTimeout, grants, newAdopt, environment);
  }

  public RuntimeOptions withEnvironment(Map<String, String> more) {
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.putAll(more);
    return new RuntimeOptions(port, dataDir, startTimeout, grants, adopt, all);
  }
}
