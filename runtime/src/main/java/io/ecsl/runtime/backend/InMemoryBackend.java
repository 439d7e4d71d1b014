package io.ecsl.runtime.backend;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake container engine in memory, driven by an injected clock, for fast scheduler and
 * lifecycle tests. It passes the same contract suite as the Docker backend.
 *
 * <p>Containers "run" a tiny subset of shell, read from their entry point and command:
 * {@code exit N} exits with N at start; {@code sleep S; exit N} exits with N after S seconds;
 * {@code echo WORDS} writes a log line; a script with {@code trap 'exit N' TERM} exits with N on
 * SIGTERM (otherwise SIGTERM is ignored, like a shell running as PID 1); SIGKILL always exits 137.
 * A script that blocks ({@code sleep}, {@code wait}, {@code httpd}, {@code nc -l}, {@code tail -f})
 * runs until signalled; any other script, or none (like {@code sh} without input), exits 0 at
 * once. A health check passes unless its command contains {@code exit 1} or {@code false}.
 */
public final class InMemoryBackend implements ContainerBackend {
  public static final String PAUSE_IMAGE = "ecsl/pause:2";
  private static final Pattern EXIT = Pattern.compile("(?:^|[;&|\\s])exit (\\d+)");
  private static final Pattern SLEEP_THEN_EXIT =
      Pattern.compile("sleep (\\d+(?:\\.\\d+)?)\\s*;?\\s*(?:&&)?\\s*exit (\\d+)");
  private static final Pattern TRAP = Pattern.compile("trap ['\"]exit (\\d+)['\"] (?:TERM|SIGTERM|15)");
  private static final Pattern ECHO = Pattern.compile("echo ([^;&|]+)");
  private static final Pattern BLOCKS = Pattern.compile("sleep|wait|httpd|nc -l|tail -f");

  private final Clock clock;
  private final Set<String> localImages = new HashSet<>();
  private final Set<String> registryImages = new HashSet<>();
  private final Map<String, FakeContainer> containers = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> networks = new LinkedHashMap<>();
  private final Map<String, VolumeSpec> volumes = new LinkedHashMap<>();
  private int nextId = 1;
  private int nextHostPort = 49153;
  private boolean available = true;
  private volatile Throwable listingFault;
  private String refusedNamePrefix;
  private volatile java.util.concurrent.CountDownLatch stalledListings;

  public InMemoryBackend(Clock clock, Set<String> localImages) {
    this.clock = clock;
    this.localImages.addAll(localImages);
  }

  /** Makes {@code image} pullable from the fake registry. */
  public synchronized InMemoryBackend withRegistryImage(String image) {
    registryImages.add(image);
    return this;
  }

  /** Simulates the engine going away (every call then fails with UNAVAILABLE). */
  public synchronized void setAvailable(boolean available) {
    this.available = available;
  }

  /** Simulates {@code docker kill}: the container dies with exit code 137. */
  /**
   * Makes a container busy: from now on it uses {@code cores} of CPU (1.0 is one core) and
   * {@code memoryBytes} of memory, as {@link #stats} reports them.
   */
  public synchronized void setLoad(String containerId, double cores, long memoryBytes) {
    FakeContainer container = require(containerId);
    container.accountCpu(now());
    container.cores = cores;
    container.memoryBytes = memoryBytes;
  }

  @Override
  public synchronized ContainerStats stats(String containerId) {
    checkAvailable();
    FakeContainer container = find(containerId);
    if (container == null || container.state(now()) != ObservedContainer.State.RUNNING) {
      return null;
    }
    container.accountCpu(now());
    long limit = container.spec.resources().memoryBytes() == null ? 8L << 30 : container.spec.resources().memoryBytes();
    return new ContainerStats(container.cpuNanos, container.memoryBytes, limit, now());
  }

  /** What a container was created with (for tests that check the Docker mapping). */
  public synchronized ContainerSpec spec(String containerId) {
    return require(containerId).spec;
  }

  public synchronized void kill(String containerId) {
    FakeContainer container = find(containerId);
    if (container != null && container.state(now()) == ObservedContainer.State.RUNNING) {
      container.exit(now(), 137);
    }
  }

  /** Simulates {@code docker rm -f} behind the runtime's back. */
  public synchronized void forget(String containerId) {
    FakeContainer container = find(containerId);
    if (container != null) {
      containers.remove(container.id);
      container.followers.forEach(LogSink::end);
      container.followers.clear();
    }
  }

  @Override
  public String endpoint() {
    return "in-memory";
  }

  @Override
  public synchronized void ping() {
    checkAvailable();
  }

  @Override
  public synchronized String localImageId(String image) {
    checkAvailable();
    return localImages.contains(image) ? "sha256:" + Integer.toHexString(image.hashCode()) : null;
  }

  @Override
  public synchronized String pullImage(String image) {
    checkAvailable();
    if (!registryImages.contains(image)) {
      throw new BackendException(BackendException.Kind.IMAGE_PULL,
          "pulling " + image + ": pull access denied for " + image
              + ", repository does not exist or may require 'docker login'");
    }
    localImages.add(image);
    return localImageId(image);
  }

  @Override
  public synchronized String ensurePauseImage() {
    checkAvailable();
    localImages.add(PAUSE_IMAGE);
    return PAUSE_IMAGE;
  }

  @Override
  public synchronized String createContainer(ContainerSpec spec) {
    checkAvailable();
    for (FakeContainer existing : containers.values()) {
      if (existing.spec.name().equals(spec.name())) {
        return existing.id;
      }
    }
    if (!localImages.contains(spec.image())) {
      throw new BackendException(BackendException.Kind.NOT_FOUND, "No such image: " + spec.image());
    }
    if (refusedNamePrefix != null && spec.name().startsWith(refusedNamePrefix)) {
      throw new BackendException(BackendException.Kind.FAILED, "creating " + spec.name() + ": refused by the test");
    }
    for (ContainerSpec.Mount mount : spec.storage().mounts()) {
      if (mount.type() == ContainerSpec.Mount.Type.VOLUME && !volumes.containsKey(mount.source())) {
        // Docker auto-creates a missing named volume on create; so does the fake.
        volumes.put(mount.source(), new VolumeSpec(mount.source(), "local", Map.of(), Map.of()));
      }
    }
    String id = String.format("%064x", nextId++);
    containers.put(id, new FakeContainer(id, spec));
    return id;
  }

  @Override
  public synchronized void startContainer(String containerId) {
    checkAvailable();
    FakeContainer container = require(containerId);
    if (container.state(now()) == ObservedContainer.State.RUNNING) {
      return;
    }
    List<ObservedContainer.PublishedPort> ports = new ArrayList<>();
    for (ContainerSpec.PortBinding binding : container.spec.network().ports()) {
      int hostPort = binding.hostPort() == 0 ? nextHostPort++ : binding.hostPort();
      if (binding.hostPort() != 0 && portInUse(binding.hostIp(), hostPort)) {
        throw new BackendException(BackendException.Kind.FAILED, "starting " + container.spec.name()
            + ": Bind for " + binding.hostIp() + ":" + hostPort + " failed: port is already allocated");
      }
      ports.add(new ObservedContainer.PublishedPort(binding.hostIp(), hostPort,
          binding.containerPort(), binding.protocol()));
    }
    container.start(now(), ports);
  }

  private boolean portInUse(String hostIp, int hostPort) {
    for (FakeContainer other : containers.values()) {
      if (other.state(now()) == ObservedContainer.State.RUNNING) {
        for (ObservedContainer.PublishedPort port : other.ports) {
          if (port.hostPort() == hostPort && port.hostIp().equals(hostIp)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  public synchronized void signal(String containerId, String signal) {
    checkAvailable();
    FakeContainer container = find(containerId);
    if (container == null || container.state(now()) != ObservedContainer.State.RUNNING) {
      return;
    }
    if (signal.equals("SIGKILL") || signal.equals("KILL") || signal.equals("9")) {
      container.exit(now(), 137);
    } else if (container.exitOnTerm != null) {
      container.exit(now(), container.exitOnTerm);
    }
  }

  @Override
  public synchronized void removeContainer(String containerId) {
    checkAvailable();
    FakeContainer container = find(containerId);
    if (container != null) {
      containers.remove(container.id);
      container.followers.forEach(LogSink::end);
      container.followers.clear();
    }
  }

  @Override
  public List<ObservedContainer> listContainers(String labelKey, String labelValue) {
    java.util.concurrent.CountDownLatch stall = stalledListings;
    if (stall != null) {
      try {
        stall.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable fault = listingFault;
    if (fault instanceof Error error) {
      throw error;
    }
    if (fault instanceof RuntimeException exception) {
      throw exception;
    }
    return listNow(labelKey, labelValue);
  }

  /**
   * Makes every listing throw {@code fault} (an {@link Error} too) until called with null: how a
   * test makes the control loop's passes fail.
   */
  public void failListings(Throwable fault) {
    listingFault = fault;
  }

  /**
   * Makes creating a container whose name starts with {@code prefix} fail as Docker fails a create
   * (null: none fails): how a test makes a part of a task that is not its containers fail.
   */
  public synchronized void refuseCreating(String prefix) {
    refusedNamePrefix = prefix;
  }

  /** Makes listings block until called with false: how a test makes a pass never complete. */
  public void stallListings(boolean stall) {
    java.util.concurrent.CountDownLatch previous = stalledListings;
    stalledListings = stall ? new java.util.concurrent.CountDownLatch(1) : null;
    if (previous != null) {
      previous.countDown();
    }
  }

  private synchronized List<ObservedContainer> listNow(String labelKey, String labelValue) {
    checkAvailable();
    List<ObservedContainer> out = new ArrayList<>();
    for (FakeContainer container : containers.values()) {
      if (labelValue.equals(container.spec.labels().get(labelKey))) {
        out.add(container.observe(now()));
      }
    }
    return out;
  }

  @Override
  public synchronized void ensureNetwork(String name, Map<String, String> labels) {
    checkAvailable();
    networks.putIfAbsent(name, Map.copyOf(labels));
  }

  @Override
  public synchronized void removeNetwork(String name) {
    checkAvailable();
    networks.remove(name);
  }

  @Override
  public synchronized List<String> listNetworks(String labelKey, String labelValue) {
    checkAvailable();
    return networks.entrySet().stream()
        .filter(e -> labelValue.equals(e.getValue().get(labelKey))).map(Map.Entry::getKey).toList();
  }

  @Override
  public synchronized void createVolume(VolumeSpec spec) {
    checkAvailable();
    volumes.putIfAbsent(spec.name(), spec);
  }

  @Override
  public synchronized boolean volumeExists(String name) {
    checkAvailable();
    return volumes.containsKey(name);
  }

  @Override
  public synchronized void removeVolume(String name) {
    checkAvailable();
    volumes.remove(name);
  }

  @Override
  public synchronized List<String> listVolumes(String labelKey, String labelValue) {
    checkAvailable();
    return volumes.values().stream()
        .filter(v -> labelValue.equals(v.labels().get(labelKey))).map(VolumeSpec::name).toList();
  }

  @Override
  public synchronized Closeable streamLogs(String containerId, LogRequest request, LogSink sink) {
    checkAvailable();
    FakeContainer container = require(containerId);
    List<String> lines = container.output;
    int from = request.tail() < 0 ? 0 : Math.max(0, lines.size() - request.tail());
    for (String line : lines.subList(from, lines.size())) {
      sink.write((line + "\n").getBytes(StandardCharsets.UTF_8), false);
    }
    if (!request.follow() || container.exitedAt != null) {
      sink.end();
      return () -> {};
    }
    // Following a running container: the stream stays open until the caller closes it or the
    // container exits (the fake has no later output to send).
    container.followers.add(sink);
    return () -> {
      synchronized (this) {
        if (container.followers.remove(sink)) {
          sink.end();
        }
      }
    };
  }

  @Override
  public void close() {}

  private Instant now() {
    return clock.instant();
  }

  private void checkAvailable() {
    if (!available) {
      throw new BackendException(BackendException.Kind.UNAVAILABLE, "the in-memory engine is down");
    }
  }

  private FakeContainer find(String idOrName) {
    FakeContainer byId = containers.get(idOrName);
    if (byId != null) {
      return byId;
    }
    for (FakeContainer container : containers.values()) {
      if (container.spec.name().equals(idOrName) || container.id.startsWith(idOrName)) {
        return container;
      }
    }
    return null;
  }

  private FakeContainer require(String containerId) {
    FakeContainer container = find(containerId);
    if (container == null) {
      throw new BackendException(BackendException.Kind.NOT_FOUND, "No such container: " + containerId);
    }
    return container;
  }

  /** One fake container and the little program it runs. */
  private static final class FakeContainer {
    final String id;
    final ContainerSpec spec;
    final Integer exitOnTerm;
    final Integer exitAtStart;
    final Duration runFor;
    final List<String> output = new ArrayList<>();
    final List<LogSink> followers = new ArrayList<>();
    final boolean healthFails;
    Instant startedAt;
    Instant exitedAt;
    Integer exitCode;
    double cores;
    long memoryBytes = 4L << 20;
    long cpuNanos = 1;
    Instant cpuAccountedAt;
    List<ObservedContainer.PublishedPort> ports = List.of();

    FakeContainer(String id, ContainerSpec spec) {
      this.id = id;
      this.spec = spec;
      String script = script(spec);
      boolean pause = spec.image().equals(PAUSE_IMAGE);
      Matcher trap = TRAP.matcher(script);
      this.exitOnTerm = pause ? Integer.valueOf(0) : trap.find() ? Integer.valueOf(trap.group(1)) : null;
      String body = trap.replaceAll("");
      Matcher sleepExit = SLEEP_THEN_EXIT.matcher(body);
      Matcher exit = EXIT.matcher(body);
      if (pause) {
        exitAtStart = null;
        runFor = null;
      } else if (sleepExit.find()) {
        exitAtStart = Integer.valueOf(sleepExit.group(2));
        runFor = Duration.ofMillis((long) (Double.parseDouble(sleepExit.group(1)) * 1000));
      } else if (exit.find()) {
        exitAtStart = Integer.valueOf(exit.group(1));
        runFor = Duration.ZERO;
      } else if (BLOCKS.matcher(body).find()) {
        exitAtStart = null;
        runFor = null;
      } else {
        exitAtStart = 0;
        runFor = Duration.ZERO;
      }
      Matcher echo = ECHO.matcher(body);
      while (echo.find()) {
        output.add(echo.group(1).trim().replaceAll("^['\"]|['\"]$", ""));
      }
      String healthCommand = spec.healthCheck() == null ? "" : String.join(" ", spec.healthCheck().test());
      this.healthFails = healthCommand.contains("exit 1") || healthCommand.contains("false");
    }

    private static String script(ContainerSpec spec) {
      List<String> parts = new ArrayList<>();
      if (spec.process().entrypoint() != null) {
        parts.addAll(spec.process().entrypoint());
      }
      if (spec.process().command() != null) {
        parts.addAll(spec.process().command());
      }
      return String.join(" ", parts);
    }

    /** Adds the CPU time used at the current load since the last accounting. */
    void accountCpu(Instant now) {
      if (cpuAccountedAt != null && now.isAfter(cpuAccountedAt)) {
        cpuNanos += (long) (cores * Duration.between(cpuAccountedAt, now).toNanos());
      }
      cpuAccountedAt = now;
    }

    void start(Instant now, List<ObservedContainer.PublishedPort> ports) {
      this.startedAt = now;
      this.exitedAt = null;
      this.exitCode = null;
      this.ports = ports;
    }

    void exit(Instant now, int code) {
      this.exitedAt = now;
      this.exitCode = code;
      this.ports = List.of();
      followers.forEach(LogSink::end);
      followers.clear();
    }

    ObservedContainer.State state(Instant now) {
      if (startedAt == null) {
        return ObservedContainer.State.CREATED;
      }
      if (exitedAt == null && exitAtStart != null && !now.isBefore(startedAt.plus(runFor))) {
        exit(startedAt.plus(runFor), exitAtStart);
      }
      return exitedAt == null ? ObservedContainer.State.RUNNING : ObservedContainer.State.EXITED;
    }

    ObservedContainer.Health health(Instant now) {
      ContainerSpec.HealthCheck check = spec.healthCheck();
      if (check == null) {
        return ObservedContainer.Health.NONE;
      }
      if (startedAt == null) {
        return ObservedContainer.Health.STARTING;
      }
      Instant end = exitedAt == null ? now : exitedAt;
      long elapsed = Duration.between(startedAt, end).toSeconds();
      if (!healthFails) {
        return elapsed >= check.intervalSeconds() ? ObservedContainer.Health.HEALTHY
            : ObservedContainer.Health.STARTING;
      }
      long failingFrom = Math.max(check.startPeriodSeconds(), 0)
          + (long) check.intervalSeconds() * check.retries();
      return elapsed >= failingFrom ? ObservedContainer.Health.UNHEALTHY
          : ObservedContainer.Health.STARTING;
    }

    ObservedContainer observe(Instant now) {
      ObservedContainer.State state = state(now);
      return new ObservedContainer(id, spec.name(), spec.labels(), state,
          state == ObservedContainer.State.EXITED ? exitCode : null, health(now), ports,
          Map.of("fake", "10.0.0." + (Integer.parseInt(id.substring(56), 16) % 250 + 2)), spec.image());
    }
  }
}
