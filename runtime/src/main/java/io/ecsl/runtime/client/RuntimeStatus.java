package io.ecsl.runtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.home.RuntimeHome;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.json.Json;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link LocalRuntime#status} found: whether a runtime answers for the data directory, and
 * where. {@link #toJson()} is the {@code ecsl runtime status --format json} document.
 *
 * @param endpoint where it listens; when not running, where it would listen by default
 * @param containerEngineProblem why Docker is unreachable, or null
 * @param grants the host-access flags it was started with (empty: the default)
 * @param problem why a running runtime is unhealthy (its control loop stalled or failing), or why
 *     one is not running (its last start failed, it ran out of memory, it does not answer); null if none
 * @param stateWarning stored documents that could not be read and were set aside, in words; or null
 */
public record RuntimeStatus(
    boolean running,
    URI endpoint,
    long pid,
    Path dataDir,
    String instanceId,
    String version,
    String containerEngine,
    String containerEngineProblem,
    List<String> grants,
    String problem,
    String stateWarning) {

  /** Running, and its control loop works. */
  public boolean healthy() {
    return running && problem == null;
  }

  /** Not running; {@code endpoint} is where {@code ecsl runtime start} would listen by default. */
  static RuntimeStatus notRunning(Path dataDir) {
    return notRunning(dataDir, null);
  }

  /** Not running, and why ({@code problem} may be null: simply never started, or stopped). */
  static RuntimeStatus notRunning(Path dataDir, String problem) {
    int port;
    try {
      port = RuntimeOptions.defaults().port();
    } catch (IllegalArgumentException e) {
      port = RuntimeHome.DEFAULT_PORT;
    }
    return new RuntimeStatus(false, URI.create("http://127.0.0.1:" + port), 0, dataDir, null, RuntimeHome.currentVersion(),
        null, null, List.of(), problem, null);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("running", running);
    Json.putIfPresent(json, "endpoint", endpoint == null ? null : endpoint.toString());
    if (running) {
      json.put("pid", pid);
    }
    json.put("dataDir", dataDir.toAbsolutePath().toString());
    json.put("logFile", RuntimeHome.logFile(dataDir).toAbsolutePath().toString());
    Json.putIfPresent(json, "instanceId", instanceId);
    json.put("version", version);
    Json.putIfPresent(json, "containerEngine", containerEngine);
    Json.putIfPresent(json, "containerEngineProblem", containerEngineProblem);
    if (running) {
      json.put("healthy", problem == null);
      json.set("hostGrants", Json.arrayOf(grants));
    }
    Json.putIfPresent(json, "problem", problem);
    Json.putIfPresent(json, "stateWarning", stateWarning);
    return json;
  }
}
