package io.ecsl.runtime.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ecsl.runtime.backend.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's transient "No such container" answer to a start (moby/moby#26452) cannot be
 * provoked on demand from a real engine, so a loopback HTTP stand-in plays the engine's start
 * endpoint here; {@link DockerBackendTest} covers starting on the real one.
 */
class StartRetryTest {
  private static final String WARM_UP = "warm-up";
  private final List<String> starts = new CopyOnWriteArrayList<>();
  private HttpServer engine;

  /** An engine whose start answers 404 {@code notFoundAnswers} times, then 204. */
  private DockerBackend engineFailingStarts(int notFoundAnswers) {
    AtomicInteger left = new AtomicInteger(notFoundAnswers);
    try {
      engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    engine.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String id = path.replaceAll(".*/containers/([^/]+)/start$", "$1");
      if (id.equals(WARM_UP)) {
        exchange.sendResponseHeaders(500, -1);  // an error that is not retried
        exchange.close();
        return;
      }
      starts.add(exchange.getRequestMethod() + " " + path);
      byte[] body = ("{\"message\":\"No such container: " + id + "\"}").getBytes(StandardCharsets.UTF_8);
      if (left.getAndDecrement() > 0) {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
      } else {
        exchange.sendResponseHeaders(204, -1);
      }
      exchange.close();
    });
    engine.start();
    DockerBackend backend = DockerBackend.connect("tcp://127.0.0.1:" + engine.getAddress().getPort());
    // docker-java's first request builds its HTTP client and JSON mappers, which on a loaded
    // machine can take longer than the whole grace period: warm it up, so that what the tests
    // count is the retry loop, not the client's start-up.
    assertThrows(BackendException.class, () -> backend.startContainer(WARM_UP));
    return backend;
  }

  @AfterEach
  void stopEngine() {
    engine.stop(0);
  }

  @Test
  void aStartAnsweredNoSuchContainerIsRetriedUntilTheEngineHasTheContainer() {
    DockerBackend backend = engineFailingStarts(2);
    backend.startContainer("abc123");
    assertEquals(3, starts.size(), "two refused starts and the one that worked: " + starts);
    assertTrue(starts.stream().allMatch(s -> s.matches("POST (/v[\\d.]+)?/containers/abc123/start")), starts::toString);
    backend.close();
  }

  @Test
  void aContainerThatStaysMissingFailsAsNotFoundAfterTheGracePeriod() {
    DockerBackend backend = engineFailingStarts(Integer.MAX_VALUE);
    BackendException error = assertThrows(BackendException.class, () -> backend.startContainer("gone"));
    assertEquals(BackendException.Kind.NOT_FOUND, error.kind());
    assertTrue(error.getMessage().contains("No such container: gone"), error.getMessage());
    long expectedTries = DockerBackend.START_NOT_FOUND_GRACE.toMillis() / 200;
    assertTrue(starts.size() > 1 && starts.size() <= expectedTries + 2,
        "retried for the grace period, then gave up: " + starts.size() + " starts");
    backend.close();
  }
}
