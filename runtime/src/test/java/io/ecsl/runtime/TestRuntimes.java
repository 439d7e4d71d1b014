package io.ecsl.runtime;

import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.InMemoryBackend;
import io.ecsl.runtime.docker.DockerBackend;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.server.RuntimeServer;
import io.ecsl.testing.AwsCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A runtime server started in-process on a free port and a fresh data directory, on the
 * in-memory or the Docker backend. Closing it stops the server, removes every Docker object
 * labelled with its instance id and deletes the data directory.
 *
 * <p>The one way runtime tests reach a runtime: {@link #client}, {@link #sdk} and
 * {@link #awsEnvironment} all sign with its own key, as every client must.
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

  /** On the in-memory backend, with engine options of the test's own (e.g. a short stall threshold). */
  public static TestRuntimes inMemory(ControlPlane.Options options) {
    return start(new InMemoryBackend(Clock.systemUTC(), Set.of("ecsl/busybox:latest")), options);
  }

  /** On the real Docker engine; fails (never skips) when Docker is not running. */
  public static TestRuntimes docker() {
    return docker(HostGrants.NONE);
  }

  /** On the real Docker engine, started with {@code grants} ({@code ecsl runtime start --allow-...}). */
  public static TestRuntimes docker(HostGrants grants) {
    DockerBackend docker = DockerBackend.connect();
    docker.ping();
    return start(docker, grants);
  }

  /** On the real Docker engine, with a clock and loop options of the test's own (schedules, metrics periods). */
  public static TestRuntimes docker(Clock clock, ControlPlane.Options options) {
    DockerBackend docker = DockerBackend.connect();
    docker.ping();
    return start(docker, clock, options);
  }

  private static TestRuntimes start(ContainerBackend backend) {
    return start(backend, HostGrants.NONE);
  }

  private static TestRuntimes start(ContainerBackend backend, HostGrants grants) {
    return start(backend, ControlPlane.Options.defaults().withGrants(grants));
  }

  private static TestRuntimes start(ContainerBackend backend, ControlPlane.Options options) {
    return start(backend, Clock.systemUTC(), options);
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

  /** The runtime's access key: every request to it must be signed with it. */
  public RuntimeCredentials credentials() {
    return LocalRuntime.credentials(dataDir);
  }

  /** A client signing with the runtime's key, in {@code us-east-1}. */
  public RuntimeClient client() {
    return new RuntimeClient(server.endpoint(), credentials());
  }

  /** A client signing with the runtime's key in {@code region} (where resources are filed). */
  public RuntimeClient client(String region) {
    return new RuntimeClient(server.endpoint(), credentials(), region);
  }

  /**
   * What {@code ecsl runtime env} prints for this runtime, over the harness's isolated aws CLI
   * environment ({@link AwsCli#environment}: nothing from {@code ~/.aws}): for {@link AwsCli} and the SDKs.
   */
  public Map<String, String> awsEnvironment() {
    Map<String, String> env = new LinkedHashMap<>(AwsCli.environment(server.endpoint().toString(),
        credentials().accessKeyId(), credentials().secretAccessKey()));
    env.putAll(LocalRuntime.environment(server.endpoint(), credentials(), "us-east-1"));
    return env;
  }

  /** An ECS client of the AWS SDK for Java v2, signing with the runtime's key in {@code region}. */
  public EcsClient sdk(Region region) {
    return EcsClient.builder()
        .endpointOverride(server.endpoint())
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(credentials().accessKeyId(), credentials().secretAccessKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
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
