package io.ecsl.runtime.docker;

import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.ContainerBackendContract;
import io.ecsl.testing.NeedsDocker;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The backend contract on a real Docker engine. Runs for real in CI: a missing engine fails here
 * (ping throws), it is never skipped.
 */
@NeedsDocker
class DockerBackendTest extends ContainerBackendContract {
  private static DockerBackend docker;

  @BeforeAll
  static void connect() {
    docker = DockerBackend.connect();
    docker.ping();
  }

  @AfterAll
  static void disconnect() {
    docker.close();
  }

  @Override
  protected ContainerBackend backend() {
    return docker;
  }

  @Override
  protected void pass(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
