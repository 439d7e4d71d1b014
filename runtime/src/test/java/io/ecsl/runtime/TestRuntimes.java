package io.ecsl.runtime;

import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.InMemoryBackend;
import io.ecsl.runtime.docker.DockerBackend;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.server.RuntimeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Set;

/**
 * A runtime server started in-process on a free port and a fresh data directory, on the
 * in-memory or the Docker backend. Closing it stops the server, removes every Docker object
 * labelled with its instance id and deletes the data directory.
 */
public final class TestRuntimes implements AutoCloseable {
  private final RuntimeServer server;
  private final ContainerBackend backend;
  private final Path dataDir;

  private TestRuntimes(RuntimeServer server, ContainerBackend backend, Path dataDir) {
    this.server = server;
    this.backend = backend;
    this.dataDir = dataDir;
  }

  public static TestRuntimes inMemory() {
    return start(new InMemoryBackend(Clock.systemUTC(), Set.of("ecsl/busybox:latest")));
  }

  /** On the real Docker engine; fails (never skips) when Docker is not running. */
  public static TestRuntimes docker() {
    DockerBackend docker = DockerBackend.connect();
    docker.ping();
    return start(docker);
  }

  /** On the real Docker engine, with a clock and loop options of the test's own (schedules, metrics periods). */
  public static TestRuntimes docker(Clock clock, ControlPlane.Options options) {
    DockerBackend docker = DockerBackend.connect();
    docker.ping();
    return start(docker, clock, options);
  }

  private static TestRuntimes start(ContainerBackend backend) {
    return start(backend, Clock.systemUTC(), ControlPlane.Options.defaults());
  }

  private static TestRuntimes start(ContainerBackend backend, Clock clock, ControlPlane.Options options) {
    try {
      Path dataDir = Files.createTempDirectory("ecsl-runtime-test");
      RuntimeServer server = RuntimeServer.start(dataDir, 0, backend, clock, options);
      return new TestRuntimes(server, backend, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RuntimeServer server() {
    return server;
  }

  public RuntimeClient client() {
    return new RuntimeClient(server.endpoint());
  }

  public ContainerBackend backend() {
    return backend;
  }

  public String instanceId() {
    return server.controlPlane().instanceId();
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    String instance = instanceId();
    server.close();
    LocalRuntime.removeLabelled(backend, instance);
    deleteRecursively(dataDir);
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
