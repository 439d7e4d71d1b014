package io.ecsl.runtime.engine;

import java.time.Instant;

/**
 * Work that runs once per pass of the control loop, after the tasks and services are stepped:
 * scheduled rules, service auto scaling. A stage takes the state lock itself for its reads and
 * writes and keeps slow work (API calls, Docker) outside it. Stages are registered by whoever
 * assembles the runtime ({@code RuntimeServer}; tests), so the engine needs no knowledge of them.
 */
public interface LoopStage {
  /** A short name for the runtime log. */
  String name();

  void run(Instant now);
}
