package io.ecsl.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.docker.DockerBackend;
import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.home.RuntimeCredentials;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public entry point to the local ECS runtime, for the apply engine and the CLI.
 *
 * <p>The runtime is a separate, detached JVM (the same java binary and class path as the caller,
 * main class {@value RuntimeHome#MAIN_CLASS}) that serves the ECS API on {@code http://127.0.0.1:PORT}
 * (default {@value RuntimeHome#DEFAULT_PORT}) and keeps its store, log and state under a data directory
 * (default {@code ~/.ecsl/runtime}). Point any AWS client at {@link #ensureRunning}'s endpoint
 * with the runtime's own key ({@link #credentials}); the region comes from the request signature.
 *
 * <p>Methods never print: progress goes to the {@link RuntimeProgress} callback, failures are
 * {@link RuntimeStartException}s (or {@link IllegalStateException}s) with one-line messages.
 */
public final class LocalRuntime {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private LocalRuntime() {}

  /**
   * Whether a runtime answers for {@code dataDir}, where, and whether it is healthy; when it is
   * not running, why not if its log says (a failed start, running out of memory). Never starts
   * anything.
   */
  public static RuntimeStatus status(Path dataDir) {
    Path stateFile = RuntimeHome.stateFile(dataDir);
    if (!Files.isRegularFile(stateFile)) {
      return RuntimeStatus.notRunning(dataDir, lastFailure(dataDir));
    }
    JsonNode state;
    try {
      state = Json.parse(Files.readString(stateFile));
    } catch (IOException | RuntimeException e) {
      return RuntimeStatus.notRunning(dataDir, lastFailure(dataDir));
    }
    long pid = state.path("pid").asLong();
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    String endpoint = Json.text(state, "endpoint");
    if (!alive || endpoint == null) {
      String failure = lastFailure(dataDir);
      return RuntimeStatus.notRunning(dataDir, failure != null ? failure : "the runtime (pid " + pid + ") ended"
          + " without stopping (was it killed?); its tasks keep running and the next start adopts them: ecsl runtime"
          + " start");
    }
    Optional<RuntimeCredentials> credentials = RuntimeCredentials.load(dataDir);
    if (credentials.isEmpty()) {
      return RuntimeStatus.notRunning(dataDir, "a runtime (pid " + pid + ") runs for " + dataDir + " but it has no"
          + " access key (an older ecsl started it); restart it: ecsl runtime stop, then ecsl runtime start");
    }
    try {
      JsonNode health = new RuntimeClient(URI.create(endpoint), credentials.get()).health();
      if (!Json.text(state, "instanceId", "").equals(Json.text(health, "instanceId"))) {
        return RuntimeStatus.notRunning(dataDir);
      }
      return new RuntimeStatus(true, URI.create(endpoint), pid, dataDir, Json.text(health, "instanceId"),
          Json.text(health, "version", RuntimeHome.currentVersion()), Json.text(health, "containerEngine"),
          Json.text(health, "containerEngineProblem"), Json.strings(health.path("hostAccess"), "grants"),
          Json.text(health.path("controlLoop"), "problem"), setAsideWarning(health.path("setAside")));
    } catch (RuntimeException e) {
      return RuntimeStatus.notRunning(dataDir, "the runtime process (pid " + pid + ") does not answer at " + endpoint
          + ": " + e.getMessage());
    }
  }

  private static String setAsideWarning(JsonNode setAside) {
    if (!setAside.isArray() || setAside.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(setAside.size() + " stored document" + (setAside.size() == 1 ? "" : "s")
        + " could not be read and " + (setAside.size() == 1 ? "was" : "were") + " set aside (table set_aside of "
        + Store.FILE_NAME + "); the rest of the state loaded:");
    for (JsonNode document : setAside) {
      out.append(' ').append(Json.text(document, "kind")).append(' ').append(Json.text(document, "id")).append(" (")
          .append(Json.text(document, "reason")).append(");");
    }
    return out.append(" re-apply your project to recreate what they described").toString();
  }

  /**
   * Why the runtime last stopped running, when its log says it failed: the reason a start failed,
   * or that it ran out of memory. Null when its last run started and stopped normally.
   */
  static String lastFailure(Path dataDir) {
    Path log = RuntimeHome.logFile(dataDir);
    String text;
    try {
      if (!Files.isRegularFile(log)) {
        return null;
      }
      long size = Files.size(log);
      try (var channel = Files.newByteChannel(log)) {
        long from = Math.max(0, size - 256 * 1024);
        channel.position(from);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (size - from));
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
          // read the tail
        }
        text = new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      return null;
    }
    String failure = null;
    for (String line : text.split("\n")) {
      int fatal = line.indexOf(RuntimeHome.FATAL);
      if (fatal >= 0) {
        failure = "its last start failed: " + line.substring(fatal + RuntimeHome.FATAL.length()).trim();
      } else if (line.contains("Terminating due to java.lang.OutOfMemoryError")) {
        failure = "it ran out of memory and exited (" + line.substring(line.indexOf("OutOfMemoryError")).trim()
            + "); its tasks keep running and the next start adopts them: ecsl runtime start. See " + log;
      } else if (line.contains(RuntimeHome.STARTED_MARK) || line.contains(RuntimeHome.STOPPED_MARK)) {
        failure = null;
      }
    }
    return failure;
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
      List<String> wanted = options.grants().toArgs();
      if (!wanted.isEmpty() && !wanted.equals(existing.grants())) {
        throw new RuntimeStartException("the local runtime is already running at " + existing.endpoint() + " with "
            + (existing.grants().isEmpty() ? "no host grants" : "host grants " + String.join(" ", existing.grants()))
            + "; grants are given at start-up, so stop it first (ecsl runtime stop), then start it with "
            + String.join(" ", wanted));
      }
      progress.report("the local runtime is already running at " + existing.endpoint());
      return existing;
    }
    Path log = RuntimeHome.logFile(options.dataDir());
    try {
      PrivateFiles.directory(options.dataDir());
      PrivateFiles.file(log);
    } catch (IOException e) {
      throw new RuntimeStartException("cannot create the runtime data directory " + options.dataDir() + ": "
          + e.getMessage());
    }
    long logOffset = sizeOf(log);
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command(options));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putAll(options.environment());
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
    // ExitOnOutOfMemoryError: a JVM out of memory is not trusted to carry on; the runtime exits,
    // the log and `ecsl runtime status` say why, and the next start adopts the running tasks.
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx" + heapMib(options.dataDir()) + "m",
        "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
        "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), RuntimeHome.MAIN_CLASS,
        "--port", Integer.toString(options.port()), "--data-dir", options.dataDir().toAbsolutePath().toString()));
    command.addAll(options.grants().toArgs());
    if (options.adopt()) {
      command.add(RuntimeHome.ADOPT);
    }
    return command;
  }

  /**
   * The runtime's heap, sized for what it holds: it keeps its whole state in memory as JSON trees,
   * about ten times the size of {@code state.db}, plus 256 MiB for requests in flight (bounded by
   * {@code RequestLimits}: 32 MiB of bodies) and the engine; never less than 512 MiB.
   */
  static long heapMib(Path dataDir) {
    long stateBytes = sizeOf(dataDir.resolve(Store.FILE_NAME)) + sizeOf(dataDir.resolve(Store.FILE_NAME + "-wal"));
    return Math.max(512, 256 + 10 * stateBytes / (1024 * 1024));
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
        client(dataDir, status).shutdown();
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
      // Also what carries the data directory's label: containers of an instance whose state (and id) was lost.
      int[] lost = removeLabelled(docker, Labels.DATA_DIR, dataDir.toAbsolutePath().toString());
      for (int i = 0; i < removed.length; i++) {
        removed[i] += lost[i];
      }
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
    return removeLabelled(backend, Labels.RUNTIME, instanceId);
  }

  private static int[] removeLabelled(ContainerBackend backend, String label, String value) {
    var containers = backend.listContainers(label, value);
    containers.forEach(c -> backend.removeContainer(c.id()));
    List<String> networks = backend.listNetworks(label, value);
    networks.forEach(backend::removeNetwork);
    List<String> volumes = backend.listVolumes(label, value);
    volumes.forEach(backend::removeVolume);
    return new int[] {containers.size(), networks.size(), volumes.size()};
  }

  // ---- credentials ----------------------------------------------------------------------------

  /**
   * The access key of the runtime for {@code dataDir}: every request to it must be signed with
   * it (the apply engine's SDK clients, the aws CLI through {@code ecsl runtime env}).
   *
   * @throws IllegalStateException when the runtime has never started there
   */
  public static RuntimeCredentials credentials(Path dataDir) {
    return RuntimeCredentials.load(dataDir).orElseThrow(() -> new IllegalStateException("the local runtime in "
        + dataDir + " has no credentials yet (it has never started); start it with: ecsl runtime start"));
  }

  /**
   * The environment that points the aws CLI and the AWS SDKs at the runtime for {@code dataDir},
   * in the order {@code ecsl runtime env} prints it: {@code AWS_ENDPOINT_URL},
   * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION} (the SDKs) and
   * {@code AWS_DEFAULT_REGION} (the aws CLI v1 reads only that one).
   */
  public static Map<String, String> environment(URI endpoint, RuntimeCredentials credentials, String region) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL", endpoint.toString());
    env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    return env;
  }

  /** A client of the running runtime for {@code dataDir}, signing with its key. */
  public static RuntimeClient client(Path dataDir) {
    RuntimeStatus status = status(dataDir);
    if (!status.running()) {
      throw new IllegalStateException("the local runtime is not running (data directory " + dataDir
          + "); start it with: ecsl runtime start");
    }
    return client(dataDir, status);
  }

  private static RuntimeClient client(Path dataDir, RuntimeStatus status) {
    return new RuntimeClient(status.endpoint(), credentials(dataDir));
  }

  // ---- secrets --------------------------------------------------------------------------------

  /**
   * Stores a secret for tasks' {@code secrets[].valueFrom} (a name, or a Secrets Manager or SSM
   * ARN). Works whether or not the runtime is running.
   */
  public static void putSecret(Path dataDir, String name, String value) {
    RuntimeStatus status = status(dataDir);
    if (status.running()) {
      client(dataDir, status).putSecret(name, value);
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
      return client(dataDir, status).secretNames();
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
      return client(dataDir, status).deleteSecret(name);
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
