package io.ecsl.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.VolumesFrom;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.ContainerSpec;
import io.ecsl.runtime.backend.ContainerStats;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.backend.VolumeSpec;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container backend on a real Docker engine, and the only class that touches docker-java.
 *
 * <p>Talks to the engine named by {@code DOCKER_HOST} (default the local socket) without pinning
 * an API version, so the daemon's own version is used. Every docker-java failure is translated
 * into a {@link BackendException} naming the object; connection failures become
 * {@link BackendException.Kind#UNAVAILABLE}.
 */
public final class DockerBackend implements ContainerBackend {
  /** How long a start answered with "No such container" is retried before the container counts as gone. */
  static final Duration START_NOT_FOUND_GRACE = Duration.ofSeconds(3);
  private static final Duration START_RETRY = Duration.ofMillis(200);
  private static final Pattern EXIT_CODE = Pattern.compile("^Exited \\((-?\\d+)\\)");
  private static final Pattern DOCKER_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final DockerClient docker;
  private final DockerHttpClient http;
  private final String endpoint;
  private volatile Map<String, String> ownerLabels = Map.of();

  private DockerBackend(DockerClient docker, DockerHttpClient http, String endpoint) {
    this.docker = docker;
    this.http = http;
    this.endpoint = endpoint;
  }

  /**
   * Puts {@code labels} on every container, network and volume this backend creates, besides the
   * ones the engine asks for (the runtime process adds its data directory, {@code Labels.DATA_DIR}).
   */
  public DockerBackend ownedBy(Map<String, String> labels) {
    this.ownerLabels = Map.copyOf(labels);
    return this;
  }

  private Map<String, String> withOwner(Map<String, String> labels) {
    if (ownerLabels.isEmpty()) {
      return labels;
    }
    Map<String, String> all = new java.util.LinkedHashMap<>(labels);
    all.putAll(ownerLabels);
    return all;
  }

  /** Connects to the engine named by {@code DOCKER_HOST} (or the default local socket). */
  public static DockerBackend connect() {
    return connect(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
  }

  /** Connects to the engine at {@code dockerHost} ({@code unix:///...} or {@code tcp://host:port}). */
  static DockerBackend connect(String dockerHost) {
    return connect(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build());
  }

  private static DockerBackend connect(DockerClientConfig config) {
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(128)
        .connectionTimeout(Duration.ofSeconds(5))
        .build();
    return new DockerBackend(DockerClientImpl.getInstance(config, http), http, config.getDockerHost().toString());
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public void ping() {
    call("reach the Docker engine", () -> docker.pingCmd().exec());
  }

  @Override
  public String localImageId(String image) {
    try {
      return call("inspect image " + image, () -> docker.inspectImageCmd(image).exec().getId());
    } catch (BackendException e) {
      if (e.kind() == BackendException.Kind.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public String pullImage(String image) {
    ImageRef ref = ImageRef.parse(image);
    try {
      boolean done = docker.pullImageCmd(ref.repository()).withTag(ref.tagOrDigest())
          .exec(new PullImageResultCallback()).awaitCompletion(10, TimeUnit.MINUTES);
      if (!done) {
        throw new BackendException(BackendException.Kind.IMAGE_PULL,
            "pulling " + image + ": timed out after 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException(BackendException.Kind.IMAGE_PULL, "pulling " + image + ": interrupted");
    } catch (RuntimeException e) {
      BackendException translated = translate("pull " + image, e);
      if (translated.kind() == BackendException.Kind.UNAVAILABLE) {
        throw translated;
      }
      throw new BackendException(BackendException.Kind.IMAGE_PULL,
          "pulling " + image + ": " + engineMessage(e), e);
    }
    String id = localImageId(image);
    if (id == null) {
      throw new BackendException(BackendException.Kind.IMAGE_PULL,
          "pulling " + image + ": the engine reported success but the image is not present");
    }
    return id;
  }

  @Override
  public synchronized String ensurePauseImage() {
    if (localImageId(PauseImage.NAME) == null) {
      importImage(PauseImage.REPOSITORY, PauseImage.TAG, PauseImage.rootfsTar());
    }
    return PauseImage.NAME;
  }

  /**
   * {@code docker import}: POST the root filesystem to {@code /images/create?fromSrc=-}. Sent on
   * the raw transport because docker-java's CreateImageCmd streams the body in a way the engine
   * reads as a truncated archive ("unexpected EOF").
   */
  private void importImage(String repository, String tag, byte[] rootfsTar) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.POST)
        .path("/images/create?fromSrc=-&repo=" + repository + "&tag=" + tag)
        .putHeader("Content-Type", "application/x-tar")
        .body(new ByteArrayInputStream(rootfsTar))
        .build();
    try (DockerHttpClient.Response response = http.execute(request)) {
      String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (response.getStatusCode() != 200 || body.contains("\"error")) {
        throw new BackendException(BackendException.Kind.FAILED, "cannot import the pause image "
            + repository + ":" + tag + ": " + engineMessage(new RuntimeException(body)));
      }
    } catch (IOException e) {
      throw translate("import the pause image", new java.io.UncheckedIOException(e));
    } catch (RuntimeException e) {
      throw translate("import the pause image", e);
    }
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    try {
      return call("create container " + spec.name(), () -> toCreateCommand(spec).exec().getId());
    } catch (BackendException e) {
      if (e.getCause() instanceof ConflictException) {
        String existing = containerIdByName(spec.name());
        if (existing != null) {
          return existing;
        }
      }
      throw e;
    }
  }

  private String containerIdByName(String name) {
    List<Container> found = call("find container " + name, () -> docker.listContainersCmd()
        .withShowAll(true).withNameFilter(List.of("^/" + Pattern.quote(name) + "$")).exec());
    return found.isEmpty() ? null : found.get(0).getId();
  }

  private CreateContainerCmd toCreateCommand(ContainerSpec spec) {
    CreateContainerCmd cmd = docker.createContainerCmd(spec.image()).withName(spec.name())
        .withLabels(withOwner(spec.labels()));
    ContainerSpec.Process process = spec.process();
    if (process.entrypoint() != null) {
      cmd.withEntrypoint(process.entrypoint());
    }
    if (process.command() != null) {
      cmd.withCmd(process.command());
    }
    cmd.withEnv(process.env()).withTty(process.tty()).withStdinOpen(process.openStdin());
    if (process.user() != null) {
      cmd.withUser(process.user());
    }
    if (process.workingDir() != null) {
      cmd.withWorkingDir(process.workingDir());
    }
    if (process.stopTimeoutSeconds() != null) {
      cmd.withStopTimeout(process.stopTimeoutSeconds());
    }
    ContainerSpec.Network network = spec.network();
    if (network.hostname() != null) {
      cmd.withHostName(network.hostname());
    }
    if (network.disabled()) {
      cmd.withNetworkDisabled(true);
    }
    List<ExposedPort> exposed = new ArrayList<>();
    Ports ports = new Ports();
    for (ContainerSpec.PortBinding binding : network.ports()) {
      ExposedPort port = new ExposedPort(binding.containerPort(),
          InternetProtocol.parse(binding.protocol().toLowerCase(Locale.ROOT)));
      exposed.add(port);
      ports.bind(port, binding.hostPort() == 0 ? Ports.Binding.bindIp(binding.hostIp())
          : Ports.Binding.bindIpAndPort(binding.hostIp(), binding.hostPort()));
    }
    if (!exposed.isEmpty()) {
      cmd.withExposedPorts(exposed);
    }
    if (spec.healthCheck() != null) {
      ContainerSpec.HealthCheck check = spec.healthCheck();
      cmd.withHealthcheck(new com.github.dockerjava.api.model.HealthCheck()
          .withTest(check.test())
          .withInterval(check.intervalSeconds() * NANOS_PER_SECOND)
          .withTimeout(check.timeoutSeconds() * NANOS_PER_SECOND)
          .withRetries(check.retries())
          .withStartPeriod(check.startPeriodSeconds() * NANOS_PER_SECOND));
    }
    if (!spec.network().aliases().isEmpty()) {
      cmd.withAliases(spec.network().aliases());
    }
    return cmd.withHostConfig(toHostConfig(spec, ports));
  }

  private static HostConfig toHostConfig(ContainerSpec spec, Ports ports) {
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode(spec.network().mode())
        .withPortBindings(ports)
        // Always json-file, whatever the task definition asks (awslogs cannot work offline), so
        // `ecsl logs` can read every container.
        .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "10m", "max-file", "3")));
    ContainerSpec.Resources resources = spec.resources();
    host.withCpuShares(resources.cpuShares())
        .withMemory(resources.memoryBytes())
        .withMemoryReservation(resources.memoryReservationBytes())
        .withMemorySwap(resources.memorySwapBytes())
        .withMemorySwappiness(resources.swappiness())
        .withShmSize(resources.shmSizeBytes());
    if (resources.nanoCpus() != null) {
      host.withNanoCPUs(resources.nanoCpus());
    }
    if (!resources.ulimits().isEmpty()) {
      host.withUlimits(resources.ulimits().stream()
          .map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList());
    }
    ContainerSpec.Network network = spec.network();
    host.withExtraHosts(network.extraHosts().toArray(String[]::new));
    if (!network.dns().isEmpty()) {
      host.withDns(network.dns());
    }
    if (!network.dnsSearch().isEmpty()) {
      host.withDnsSearch(network.dnsSearch());
    }
    if (!network.links().isEmpty()) {
      host.withLinks(network.links().stream().map(Link::parse).toList());
    }
    ContainerSpec.Storage storage = spec.storage();
    if (!storage.mounts().isEmpty()) {
      host.withMounts(storage.mounts().stream().map(DockerBackend::toMount).toList());
    }
    if (!storage.volumesFrom().isEmpty()) {
      host.withVolumesFrom(storage.volumesFrom().stream().map(VolumesFrom::parse).toList());
    }
    if (!storage.tmpfs().isEmpty()) {
      host.withTmpFs(storage.tmpfs());
    }
    host.withReadonlyRootfs(storage.readonlyRootfs());
    ContainerSpec.Security security = spec.security();
    host.withPrivileged(security.privileged());
    if (!security.capAdd().isEmpty()) {
      host.withCapAdd(security.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    if (!security.capDrop().isEmpty()) {
      host.withCapDrop(security.capDrop().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    if (!security.devices().isEmpty()) {
      host.withDevices(security.devices().stream()
          .map(d -> new Device(d.permissions(), d.containerPath(), d.hostPath())).toList());
    }
    if (!security.securityOpts().isEmpty()) {
      host.withSecurityOpts(security.securityOpts());
    }
    if (!security.sysctls().isEmpty()) {
      host.withSysctls(security.sysctls());
    }
    if (spec.process().init() != null) {
      host.withInit(spec.process().init());
    }
    return host;
  }

  private static Mount toMount(ContainerSpec.Mount mount) {
    return new Mount()
        .withType(mount.type() == ContainerSpec.Mount.Type.BIND ? MountType.BIND : MountType.VOLUME)
        .withSource(mount.source())
        .withTarget(mount.target())
        .withReadOnly(mount.readOnly());
  }

  @Override
  public void startContainer(String containerId) {
    // A busy engine can answer a start with "No such container" for a container whose create it
    // has already answered (moby/moby#26452, docker/compose#5179); the same start succeeds moments
    // later. Seen here on a loaded 2-core machine as a task failing with CannotStartContainerError.
    long giveUpAt = System.nanoTime() + START_NOT_FOUND_GRACE.toNanos();
    while (true) {
      try {
        call("start container " + containerId, () -> docker.startContainerCmd(containerId).exec());
        return;
      } catch (BackendException e) {
        if (e.getCause() instanceof NotModifiedException) {
          return; // already running
        }
        if (e.kind() != BackendException.Kind.NOT_FOUND || System.nanoTime() > giveUpAt || !pause(START_RETRY)) {
          throw e;
        }
      }
    }
  }

  /** Sleeps; false when interrupted (the caller gives up). */
  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void signal(String containerId, String signal) {
    try {
      call("signal container " + containerId,
          () -> docker.killContainerCmd(containerId).withSignal(signal).exec());
    } catch (BackendException e) {
      // Not running (409) or gone (404): the signal has nothing left to do.
      if (!(e.getCause() instanceof ConflictException) && e.kind() != BackendException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  @Override
  public void removeContainer(String containerId) {
    try {
      call("remove container " + containerId, () -> docker.removeContainerCmd(containerId)
          .withForce(true).withRemoveVolumes(true).exec());
    } catch (BackendException e) {
      // Gone already, or a removal is in progress: either way it is going away.
      if (e.kind() != BackendException.Kind.NOT_FOUND && !(e.getCause() instanceof ConflictException)) {
        throw e;
      }
    }
  }

  @Override
  public List<ObservedContainer> listContainers(String labelKey, String labelValue) {
    List<Container> containers = call("list containers", () -> docker.listContainersCmd()
        .withShowAll(true).withLabelFilter(Map.of(labelKey, labelValue)).exec());
    List<ObservedContainer> out = new ArrayList<>(containers.size());
    for (Container container : containers) {
      out.add(observe(container));
    }
    return out;
  }

  private static ObservedContainer observe(Container container) {
    String status = container.getStatus() == null ? "" : container.getStatus();
    ObservedContainer.State state = parseState(container.getState());
    Integer exitCode = null;
    Matcher exit = EXIT_CODE.matcher(status);
    if (exit.find()) {
      exitCode = Integer.valueOf(exit.group(1));
    }
    List<ObservedContainer.PublishedPort> ports = new ArrayList<>();
    if (container.getPorts() != null) {
      for (ContainerPort port : container.getPorts()) {
        if (port.getPublicPort() != null && port.getIp() != null && !port.getIp().contains(":")) {
          ports.add(new ObservedContainer.PublishedPort(port.getIp(), port.getPublicPort(),
              port.getPrivatePort(), port.getType()));
        }
      }
    }
    Map<String, String> ips = new LinkedHashMap<>();
    if (container.getNetworkSettings() != null && container.getNetworkSettings().getNetworks() != null) {
      for (Map.Entry<String, ContainerNetwork> network
          : container.getNetworkSettings().getNetworks().entrySet()) {
        String ip = network.getValue().getIpAddress();
        if (ip != null && !ip.isEmpty()) {
          ips.put(network.getKey(), ip);
        }
      }
    }
    String name = container.getNames() != null && container.getNames().length > 0
        ? container.getNames()[0].replaceFirst("^/", "") : container.getId();
    return new ObservedContainer(container.getId(), name,
        container.getLabels() == null ? Map.of() : container.getLabels(),
        state, exitCode, parseHealth(status), ports, ips, container.getImage());
  }

  private static ObservedContainer.State parseState(String state) {
    if (state == null) {
      return ObservedContainer.State.DEAD;
    }
    try {
      return ObservedContainer.State.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ObservedContainer.State.DEAD;
    }
  }

  private static ObservedContainer.Health parseHealth(String status) {
    if (status.contains("(healthy)")) {
      return ObservedContainer.Health.HEALTHY;
    }
    if (status.contains("(unhealthy)")) {
      return ObservedContainer.Health.UNHEALTHY;
    }
    if (status.contains("(health: starting)")) {
      return ObservedContainer.Health.STARTING;
    }
    return ObservedContainer.Health.NONE;
  }

  /**
   * Synchronized because Docker does not enforce unique network names: two concurrent creates
   * would both succeed and leave the name ambiguous for every later container.
   */
  @Override
  public synchronized void ensureNetwork(String name, Map<String, String> labels) {
    List<Network> existing = call("list networks", () -> docker.listNetworksCmd().withNameFilter(name).exec())
        .stream().filter(n -> n.getName().equals(name)).toList();
    if (!existing.isEmpty()) {
      return;
    }
    try {
      call("create network " + name, () -> docker.createNetworkCmd().withName(name)
          .withDriver("bridge").withLabels(withOwner(labels)).withCheckDuplicate(true).exec());
    } catch (BackendException e) {
      if (!(e.getCause() instanceof ConflictException)) {
        throw e;
      }
    }
  }

  @Override
  public void removeNetwork(String name) {
    try {
      call("remove network " + name, () -> docker.removeNetworkCmd(name).exec());
    } catch (BackendException e) {
      if (e.kind() != BackendException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  @Override
  public List<String> listNetworks(String labelKey, String labelValue) {
    return call("list networks", () -> docker.listNetworksCmd()
        .withFilter("label", List.of(labelKey + "=" + labelValue)).exec())
        .stream().map(Network::getName).toList();
  }

  @Override
  public void createVolume(VolumeSpec spec) {
    if (volumeExists(spec.name())) {
      return;
    }
    call("create volume " + spec.name(), () -> docker.createVolumeCmd().withName(spec.name())
        .withDriver(spec.driver() == null ? "local" : spec.driver())
        .withDriverOpts(spec.driverOpts()).withLabels(withOwner(spec.labels())).exec());
  }

  @Override
  public boolean volumeExists(String name) {
    try {
      call("inspect volume " + name, () -> docker.inspectVolumeCmd(name).exec());
      return true;
    } catch (BackendException e) {
      if (e.kind() == BackendException.Kind.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void removeVolume(String name) {
    try {
      call("remove volume " + name, () -> docker.removeVolumeCmd(name).exec());
    } catch (BackendException e) {
      if (e.kind() != BackendException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  @Override
  public List<String> listVolumes(String labelKey, String labelValue) {
    var response = call("list volumes", () -> docker.listVolumesCmd()
        .withFilter("label", List.of(labelKey + "=" + labelValue)).exec());
    if (response.getVolumes() == null) {
      return List.of();
    }
    return response.getVolumes().stream().map(v -> v.getName()).toList();
  }

  @Override
  public Closeable streamLogs(String containerId, LogRequest request, LogSink sink) {
    var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
        .withFollowStream(request.follow());
    if (request.tail() >= 0) {
      cmd.withTail(request.tail());
    } else {
      cmd.withTailAll();
    }
    ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        sink.write(frame.getPayload(), frame.getStreamType() == StreamType.STDERR);
      }

      @Override
      public void onComplete() {
        super.onComplete();
        sink.end();
      }

      @Override
      public void onError(Throwable throwable) {
        super.onError(throwable);
        sink.end();
      }
    };
    call("read logs of container " + containerId, () -> cmd.exec(callback));
    return callback;
  }

  /**
   * {@code GET /containers/{id}/stats?stream=false&one-shot=true}: one reading without the engine's
   * second sample (the caller keeps the previous reading for the CPU rate). Memory as {@code docker
   * stats} shows it: usage less inactive page cache (cgroup v2 {@code inactive_file}, v1
   * {@code total_inactive_file}).
   */
  @Override
  public ContainerStats stats(String containerId) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + containerId + "/stats?stream=false&one-shot=true")
        .build();
    try (DockerHttpClient.Response response = http.execute(request)) {
      String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (response.getStatusCode() == 404) {
        return null;
      }
      if (response.getStatusCode() != 200) {
        throw new BackendException(BackendException.Kind.FAILED, "cannot read stats of container " + containerId
            + ": " + engineMessage(new RuntimeException(body)));
      }
      return parseStats(body);
    } catch (IOException e) {
      throw translate("read stats of container " + containerId, new java.io.UncheckedIOException(e));
    } catch (BackendException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate("read stats of container " + containerId, e);
    }
  }

  /**
   * {@code GET /containers/{id}/stats?stream=false}: the engine samples twice, a second apart, so
   * {@code precpu_stats} is filled, as in the agent's documents.
   */
  @Override
  public com.fasterxml.jackson.databind.JsonNode statsDocument(String containerId) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + containerId + "/stats?stream=false")
        .build();
    try (DockerHttpClient.Response response = http.execute(request)) {
      String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (response.getStatusCode() != 200) {
        return null;
      }
      com.fasterxml.jackson.databind.JsonNode json = io.ecsl.runtime.json.Json.parse(body);
      return json.path("read").asText("").startsWith("0001-") ? null : json;
    } catch (IOException | RuntimeException e) {
      throw translate("read stats of container " + containerId, e instanceof IOException io
          ? new java.io.UncheckedIOException(io) : (RuntimeException) e);
    }
  }

  /** A stats document; null for a container that does not run (the engine answers with zeros). */
  static ContainerStats parseStats(String body) {
    com.fasterxml.jackson.databind.JsonNode json = io.ecsl.runtime.json.Json.parse(body);
    com.fasterxml.jackson.databind.JsonNode memory = json.path("memory_stats");
    long cpu = json.path("cpu_stats").path("cpu_usage").path("total_usage").asLong(0);
    String read = json.path("read").asText("");
    if (cpu == 0 || read.isEmpty() || read.startsWith("0001-")) {
      return null;
    }
    long usage = memory.path("usage").asLong(0);
    com.fasterxml.jackson.databind.JsonNode detail = memory.path("stats");
    long cache = detail.has("inactive_file") ? detail.path("inactive_file").asLong(0)
        : detail.path("total_inactive_file").asLong(0);
    return new ContainerStats(cpu, Math.max(0, usage - cache), memory.path("limit").asLong(0),
        java.time.Instant.parse(read));
  }

  @Override
  public void close() {
    try {
      docker.close();
      http.close();
    } catch (IOException ignored) {
      // shutting down
    }
  }

  private <T> T call(String action, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      throw translate(action, e);
    }
  }

  private void call(String action, Runnable operation) {
    call(action, () -> {
      operation.run();
      return null;
    });
  }

  private BackendException translate(String action, RuntimeException e) {
    if (e instanceof BackendException backend) {
      return backend;
    }
    if (e instanceof NotFoundException) {
      return new BackendException(BackendException.Kind.NOT_FOUND,
          "cannot " + action + ": " + engineMessage(e), e);
    }
    if (e instanceof DockerException) {
      return new BackendException(BackendException.Kind.FAILED,
          "cannot " + action + ": " + engineMessage(e), e);
    }
    if (hasCause(e, IOException.class)) {
      return new BackendException(BackendException.Kind.UNAVAILABLE, "the Docker engine at " + endpoint
          + " is not reachable (" + rootMessage(e) + ") while trying to " + action
          + "; start Docker (on CI machines: bash .ci/setup) and try again", e);
    }
    return new BackendException(BackendException.Kind.FAILED, "cannot " + action + ": " + e, e);
  }

  /** The engine's own message out of docker-java's {@code Status 500: {"message": ...}} text. */
  private static String engineMessage(Throwable e) {
    String text = String.valueOf(e.getMessage());
    Matcher matcher = DOCKER_MESSAGE.matcher(text);
    if (matcher.find()) {
      return matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\").trim();
    }
    return text.replaceFirst("^Status \\d+: ", "").trim();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
