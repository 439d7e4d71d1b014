package io.ecsl.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.docker.DockerBackend;
import io.ecsl.runtime.home.RuntimeHome;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.home.RuntimeStartException;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.store.Store;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public entry point to the local ECS runtime, for the apply engine and the CLI.
 *
 * <p>The runtime is a separate, detached JVM (the same java binary and class path as the caller,
 * main class {@value RuntimeHome#MAIN_CLASS}) that serves the ECS API on {@code http://127.0.0.1:PORT}
 * (default {@value RuntimeHome#DEFAULT_PORT}) and keeps its store, log and state under a data directory
 * (default {@code ~/.ecsl/runtime}). Point any AWS client at {@link #ensureRunning}'s endpoint
 * with any credentials; the region comes from the request signature.
 *
 * <p>Methods never print: progress goes to the {@link RuntimeProgress} callback, failures are
 * {@link RuntimeStartException}s (or {@link IllegalStateException}s) with one-line messages.
 */
public final class LocalRuntime {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private LocalRuntime() {}

  /** Whether a runtime answers for {@code dataDir}, and where. Never starts anything. */
  public static RuntimeStatus status(Path dataDir) {
    Path stateFile = RuntimeHome.stateFile(dataDir);
    if (!Files.isRegularFile(stateFile)) {
      return RuntimeStatus.notRunning(dataDir);
    }
    JsonNode state;
    try {
      state = Json.parse(Files.readString(stateFile));
    } catch (IOException | RuntimeException e) {
      return RuntimeStatus.notRunning(dataDir);
    }
    long pid = state.path("pid").asLong();
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    String endpoint = Json.text(state, "endpoint");
    if (!alive || endpoint == null) {
      return RuntimeStatus.notRunning(dataDir);
    }
    try {
      JsonNode health = new RuntimeClient(URI.create(endpoint)).health();
      if (!Json.text(state, "instanceId", "").equals(Json.text(health, "instanceId"))) {
        return RuntimeStatus.notRunning(dataDir);
      }
      return new RuntimeStatus(true, URI.create(endpoint), pid, dataDir, Json.text(health, "instanceId"),
          Json.text(health, "version", RuntimeHome.currentVersion()), Json.text(health, "containerEngine"),
          Json.text(health, "containerEngineProblem"));
    } catch (RuntimeException e) {
      return RuntimeStatus.notRunning(dataDir);
    }
  }

  /**
   * The endpoint of the runtime for {@code options.dataDir()}, starting it first if it is not
   * running (and saying so through {@code progress}).
   */
  public static URI ensureRunning(RuntimeOptions options, RuntimeProgress progress) {
    RuntimeStatus status = status(options.dataDir());
    if (status.running()) {
      return status.endpoint();
    }
    progress.report("starting the local ECS runtime on 127.0.0.1:" + options.port() + " (data in "
        + options.dataDir() + ")");
    return start(options, progress).endpoint();
  }

  /**
   * Starts the runtime as a detached process and waits until it answers. If one already runs for
   * the data directory, returns its status instead.
   */
  public static RuntimeStatus start(RuntimeOptions options, RuntimeProgress progress) {
    RuntimeStatus existing = status(options.dataDir());
    if (existing.running()) {
      progress.report("the local runtime is already running at " + existing.endpoint());
      return existing;
    }
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new RuntimeStartException("cannot create the runtime data directory " + options.dataDir() + ": "
          + e.getMessage());
    }
    Path log = RuntimeHome.logFile(options.dataDir());
    long logOffset = sizeOf(log);
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command(options));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      process = builder.start();
    } catch (IOException e) {
      throw new RuntimeStartException("cannot launch the runtime process: " + e.getMessage());
    }
    Instant deadline = Instant.now().plus(options.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      RuntimeStatus status = status(options.dataDir());
      if (status.running()) {
        progress.report("local runtime ready at " + status.endpoint());
        return status;
      }
      if (!process.isAlive()) {
        throw new RuntimeStartException(fatalLine(log, logOffset)
            .orElse("the runtime process exited with code " + process.exitValue() + "; see " + log));
      }
      sleep(100);
    }
    process.destroy();
    throw new RuntimeStartException("the runtime did not answer within " + options.startTimeout().toSeconds()
        + "s; see " + log);
  }

  private static List<String> command(RuntimeOptions options) {
    List<String> command = new ArrayList<>();
    // setsid puts the runtime in its own session, so Ctrl-C in the terminal that started it does not stop it.
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // Native access: sqlite-jdbc loads its library; saying so keeps the JVM's warning out of the log.
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), RuntimeHome.MAIN_CLASS,
        "--port", Integer.toString(options.port()), "--data-dir", options.dataDir().toAbsolutePath().toString()));
    return command;
  }

  /**
   * Stops the runtime gracefully (its tasks keep running and are adopted at the next start). With
   * {@code clean}, also removes every container, network and volume it created (found by label)
   * and deletes its data directory.
   *
   * @return true if a running runtime was stopped
   */
  public static boolean stop(Path dataDir, boolean clean, RuntimeProgress progress) {
    RuntimeStatus status = status(dataDir);
    boolean wasRunning = status.running();
    if (wasRunning) {
      progress.report("stopping the local runtime (pid " + status.pid() + ")");
      try {
        new RuntimeClient(status.endpoint()).shutdown();
      } catch (RuntimeClient.ApiError e) {
        progress.report("the runtime did not answer the shutdown request; terminating it");
      }
      waitForExit(status.pid());
    }
    if (clean) {
      clean(dataDir, progress);
    }
    return wasRunning;
  }

  private static void waitForExit(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return;
    }
    Instant deadline = Instant.now().plus(STOP_TIMEOUT);
    while (handle.get().isAlive() && Instant.now().isBefore(deadline)) {
      sleep(100);
    }
    if (handle.get().isAlive()) {
      handle.get().destroy();
      sleep(2000);
      handle.get().destroyForcibly();
    }
  }

  private static void clean(Path dataDir, RuntimeProgress progress) {
    if (!Files.isDirectory(dataDir)) {
      progress.report("nothing to clean: " + dataDir + " does not exist");
      return;
    }
    String instanceId = instanceId(dataDir);
    try (ContainerBackend docker = DockerBackend.connect()) {
      int[] removed = removeLabelled(docker, instanceId);
      progress.report("removed " + removed[0] + " containers, " + removed[1] + " networks and " + removed[2]
          + " volumes created by the runtime");
    } catch (BackendException e) {
      throw new IllegalStateException("cannot clean up the runtime's Docker objects: " + e.getMessage());
    }
    deleteRecursively(dataDir);
    progress.report("deleted " + dataDir);
  }

  /** The runtime identity of a data directory (its Docker objects carry it as a label). */
  private static String instanceId(Path dataDir) {
    Path file = RuntimeHome.instanceFile(dataDir);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).trim();
      }
    } catch (IOException e) {
      // fall back to the store below
    }
    try (Store store = Store.open(dataDir)) {
      return store.instanceId();
    }
  }

  /** Removes every container, network and volume labelled with {@code instanceId}; returns the three counts. */
  public static int[] removeLabelled(ContainerBackend backend, String instanceId) {
    var containers = backend.listContainers(Labels.RUNTIME, instanceId);
    containers.forEach(c -> backend.removeContainer(c.id()));
    List<String> networks = backend.listNetworks(Labels.RUNTIME, instanceId);
    networks.forEach(backend::removeNetwork);
    List<String> volumes = backend.listVolumes(Labels.RUNTIME, instanceId);
    volumes.forEach(backend::removeVolume);
    return new int[] {containers.size(), networks.size(), volumes.size()};
  }

  // ---- secrets --------------------------------------------------------------------------------

  /**
   * Stores a secret for tasks' {@code secrets[].valueFrom} (a name, or a Secrets Manager or SSM
   * ARN). Works whether or not the runtime is running.
   */
  public static void putSecret(Path dataDir, String name, String value) {
    RuntimeStatus status = status(dataDir);
    if (status.running()) {
      new RuntimeClient(status.endpoint()).putSecret(name, value);
      return;
    }
    try (Store store = Store.open(dataDir)) {
      store.putSecret(name, value);
    }
  }

  /** The names (never the values) of the stored secrets. */
  public static List<String> secretNames(Path dataDir) {
    RuntimeStatus status = status(dataDir);
    if (status.running()) {
      return new RuntimeClient(status.endpoint()).secretNames();
    }
    if (!Files.isRegularFile(dataDir.resolve(Store.FILE_NAME))) {
      return List.of();
    }
    try (Store store = Store.open(dataDir)) {
      return store.secretNames();
    }
  }

  /** Deletes a secret; false if there was none of that name. */
  public static boolean deleteSecret(Path dataDir, String name) {
    RuntimeStatus status = status(dataDir);
    if (status.running()) {
      return new RuntimeClient(status.endpoint()).deleteSecret(name);
    }
    if (!Files.isRegularFile(dataDir.resolve(Store.FILE_NAME))) {
      return false;
    }
    try (Store store = Store.open(dataDir)) {
      return store.deleteSecret(name);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Optional<String> fatalLine(Path log, long fromOffset) {
    try {
      String text = Files.readString(log);
      String tail = text.length() > fromOffset ? text.substring((int) fromOffset) : text;
      String found = null;
      for (String line : tail.split("\n")) {
        int at = line.indexOf(RuntimeHome.FATAL);
        if (at >= 0) {
          found = line.substring(at + RuntimeHome.FATAL.length()).trim();
        }
      }
      return Optional.ofNullable(found);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the runtime");
    }
  }
}
