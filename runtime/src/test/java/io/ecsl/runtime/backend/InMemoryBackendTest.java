package io.ecsl.runtime.backend;

import io.ecsl.runtime.ManualClock;
import java.time.Duration;
import java.util.Set;

class InMemoryBackendTest extends ContainerBackendContract {
  private final ManualClock clock = new ManualClock();
  private final InMemoryBackend backend = new InMemoryBackend(clock, Set.of(Specs.IMAGE));

  @Override
  protected ContainerBackend backend() {
    return backend;
  }

  @Override
  protected void pass(Duration duration) {
    clock.advance(duration);
  }
}
