package io.ecsl.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.client.LocalRuntime;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every container backend must have. The in-memory fake and the Docker backend
 * both extend this suite, which is what makes engine tests on the fake meaningful.
 */
public abstract class ContainerBackendContract {
  protected String instance;
  protected Map<String, String> labels;

  /** The backend under test (one per test). */
  protected abstract ContainerBackend backend();

  /** Lets time pass: the fake moves its clock, Docker sleeps. */
  protected abstract void pass(Duration duration);

  @BeforeEach
  void label() {
    instance = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    labels = Map.of(Labels.RUNTIME, instance);
  }

  @AfterEach
  void cleanUp() {
    LocalRuntime.removeLabelled(backend(), instance);
  }

  private String name(String suffix) {
    return instance + "-" + suffix;
  }

  protected ObservedContainer await(String id, Predicate<ObservedContainer> condition, String what) {
    return await(id, condition, what, Duration.ofSeconds(60));
  }

  protected ObservedContainer await(String id, Predicate<ObservedContainer> condition, String what, Duration patience) {
    Instant deadline = Instant.now().plus(patience);
    ObservedContainer last = null;
    while (Instant.now().isBefore(deadline)) {
      last = backend().listContainers(Labels.RUNTIME, instance).stream()
          .filter(c -> c.id().equals(id)).findFirst().orElse(null);
      if (last != null && condition.test(last)) {
        return last;
      }
      pass(Duration.ofMillis(100));
    }
    throw new AssertionError("container never " + what + "; last seen " + last);
  }

  @Test
  void createsStartsAndListsContainersByLabelAndReusesAnExistingName() {
    String id = backend().createContainer(Specs.shell(name("a"), labels, Specs.SERVE_UNTIL_TERM));
    assertEquals(ObservedContainer.State.CREATED, await(id, c -> true, "listed").state());
    backend().startContainer(id);
    ObservedContainer running = await(id, ObservedContainer::isRunning, "ran");
    assertEquals(instance, running.label(Labels.RUNTIME));
    assertEquals(id, backend().createContainer(Specs.shell(name("a"), labels, Specs.SERVE_UNTIL_TERM)),
        "creating an existing name returns the existing container");
    backend().startContainer(id);
    assertTrue(await(id, ObservedContainer::isRunning, "kept running").isRunning(), "starting twice is harmless");
  }

  @Test
  void readsTheResourceUseOfARunningContainerAndNothingOfAStoppedOne() {
    String id = backend().createContainer(Specs.shell(name("stats"), labels, Specs.SERVE_UNTIL_TERM));
    assertNull(backend().stats(id), "created, not running");
    backend().startContainer(id);
    await(id, ObservedContainer::isRunning, "ran");
    ContainerStats first = backend().stats(id);
    assertTrue(first != null && first.memoryBytes() > 0 && first.cpuNanos() > 0, "a running container: " + first);
    pass(Duration.ofMillis(300));
    ContainerStats second = backend().stats(id);
    assertTrue(second.readAt().isAfter(first.readAt()), first + " then " + second);
    assertTrue(second.cpuNanos() >= first.cpuNanos(), "CPU time only grows: " + first + " then " + second);
    backend().signal(id, "SIGKILL");
    await(id, c -> !c.isRunning(), "stopped");
    assertNull(backend().stats(id), "a stopped container");
  }

  @Test
  void reportsTheExitCodeOfAContainerThatExits() {
    String id = backend().createContainer(Specs.shell(name("exit"), labels, "exit 3"));
    backend().startContainer(id);
    ObservedContainer exited = await(id, ObservedContainer::hasExited, "exited");
    assertEquals(3, exited.exitCode());
  }

  @Test
  void sigtermEndsAContainerThatTrapsIt() {
    String id = backend().createContainer(Specs.shell(name("term"), labels, Specs.SERVE_UNTIL_TERM));
    backend().startContainer(id);
    await(id, ObservedContainer::isRunning, "ran");
    backend().signal(id, "SIGTERM");
    assertEquals(0, await(id, ObservedContainer::hasExited, "exited on SIGTERM").exitCode());
  }

  @Test
  void aProcessThatIgnoresSigtermOnlyStopsOnSigkill() {
    // The shell ignores TERM explicitly and says so before blocking. Signalling as soon as Docker
    // reports "running" raced the container's init (runc's, which SIGTERM does end) still
    // being PID 1 before it exec'd the shell: on a loaded machine that window is long enough.
    String id = backend().createContainer(Specs.shell(name("stubborn"), labels, "trap '' TERM; echo ready; sleep 3600"));
    backend().startContainer(id);
    await(id, ObservedContainer::isRunning, "ran");
    awaitOutput(id, "ready");
    backend().signal(id, "SIGTERM");
    pass(Duration.ofMillis(500));
    assertTrue(await(id, c -> true, "listed").isRunning(), "PID 1 without a handler ignores SIGTERM");
    backend().signal(id, "SIGKILL");
    assertEquals(137, await(id, ObservedContainer::hasExited, "was killed").exitCode());
    backend().signal(id, "SIGKILL");
  }

  @Test
  void pullingAnImageThatNoRegistryServesFailsAsAPullError() {
    BackendException error = assertThrows(BackendException.class,
        () -> backend().pullImage("127.0.0.1:1/ecsl-missing:latest"));
    assertEquals(BackendException.Kind.IMAGE_PULL, error.kind());
    assertTrue(error.getMessage().contains("127.0.0.1:1/ecsl-missing"), error.getMessage());
    assertNull(backend().localImageId("127.0.0.1:1/ecsl-missing:latest"));
    assertTrue(backend().localImageId(Specs.IMAGE) != null, "the test image is local");
  }

  @Test
  void publishesPortsOnLoopbackOnChosenHostPorts() {
    ContainerSpec spec = Specs.spec(name("web"), labels, List.of("sh", "-c", Specs.SERVE_UNTIL_TERM),
        List.of(new ContainerSpec.PortBinding(8080, "tcp", "127.0.0.1", 0)), null);
    String id = backend().createContainer(spec);
    backend().startContainer(id);
    ObservedContainer running = await(id, c -> c.isRunning() && !c.ports().isEmpty(), "published its port");
    ObservedContainer.PublishedPort port = running.ports().get(0);
    assertEquals("127.0.0.1", port.hostIp());
    assertEquals(8080, port.containerPort());
    assertTrue(port.hostPort() > 0);
  }

  @Test
  void healthChecksDriveTheHealthState() {
    // The passing check gets a long timeout and many retries: on a loaded engine a `docker exec` of
    // `exit 0` can take longer than a second, and a 1 s timeout then reads as a failure (CI saw it).
    ContainerSpec passing = Specs.spec(name("ok"), labels, List.of("sh", "-c", Specs.SERVE_UNTIL_TERM), List.of(),
        new ContainerSpec.HealthCheck(List.of("CMD-SHELL", "exit 0"), 1, 30, 10, 0));
    ContainerSpec failing = Specs.spec(name("bad"), labels, List.of("sh", "-c", Specs.SERVE_UNTIL_TERM), List.of(),
        new ContainerSpec.HealthCheck(List.of("CMD-SHELL", "exit 1"), 1, 1, 1, 0));
    String ok = backend().createContainer(passing);
    String bad = backend().createContainer(failing);
    backend().startContainer(ok);
    backend().startContainer(bad);
    await(ok, c -> c.health() == ObservedContainer.Health.HEALTHY, "became healthy", Duration.ofSeconds(60));
    await(bad, c -> c.health() == ObservedContainer.Health.UNHEALTHY, "became unhealthy", Duration.ofSeconds(60));
  }

  @Test
  void networksAndVolumesAreCreatedOnceAndFoundByLabel() {
    backend().ensureNetwork(name("net"), labels);
    backend().ensureNetwork(name("net"), labels);
    assertEquals(List.of(name("net")), backend().listNetworks(Labels.RUNTIME, instance));
    backend().createVolume(new VolumeSpec(name("vol"), "local", Map.of(), labels));
    backend().createVolume(new VolumeSpec(name("vol"), "local", Map.of(), labels));
    assertTrue(backend().volumeExists(name("vol")));
    assertEquals(List.of(name("vol")), backend().listVolumes(Labels.RUNTIME, instance));
    backend().removeVolume(name("vol"));
    backend().removeNetwork(name("net"));
    assertTrue(backend().listNetworks(Labels.RUNTIME, instance).isEmpty());
    assertTrue(!backend().volumeExists(name("vol")));
    backend().removeVolume(name("vol"));
    backend().removeContainer("no-such-container-" + instance);
  }

  @Test
  void streamsAContainersOutput() {
    String id = backend().createContainer(Specs.shell(name("echo"), labels, "echo hello from the contract"));
    backend().startContainer(id);
    await(id, ObservedContainer::hasExited, "exited");
    assertEquals("hello from the contract\n", output(id));
  }

  /** Everything the container has written so far. */
  private String output(String id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountDownLatch done = new CountDownLatch(1);
    backend().streamLogs(id, new ContainerBackend.LogRequest(false, -1), new ContainerBackend.LogSink() {
      @Override
      public void write(byte[] bytes, boolean stderr) {
        out.writeBytes(bytes);
      }

      @Override
      public void end() {
        done.countDown();
      }
    });
    try {
      assertTrue(done.await(10, TimeUnit.SECONDS), "the log stream of " + id + " never ended");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return out.toString();
  }

  private void awaitOutput(String id, String text) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!output(id).contains(text)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("container " + id + " never wrote '" + text + "'; it wrote: " + output(id));
      }
      pass(Duration.ofMillis(100));
    }
  }
}
