package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.ManualClock;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.ecs.EcsApi;
import io.ecsl.runtime.backend.InMemoryBackend;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole engine on the in-memory backend with a manual clock and inline actions: every pass
 * is deterministic and a test of minutes of ECS time runs in milliseconds.
 */
final class EngineHarness implements AutoCloseable {
  static final String IMAGE = "ecsl/busybox:latest";

  final ManualClock clock = new ManualClock();
  final InMemoryBackend backend = new InMemoryBackend(clock, Set.of(IMAGE));
  private final Path dataDir;
  private Store store;
  private ControlPlane plane;
  private EcsApi ecs;

  EngineHarness() throws IOException {
    dataDir = Files.createTempDirectory("ecsl-engine-test");
    open();
  }

  private void open(HostGrants grants) {
    store = Store.open(dataDir);
    plane = new ControlPlane(store, backend, clock,
        ControlPlane.Options.defaults().withInlineActions(true).withGrants(grants));
    ecs = new EcsApi(plane);
  }

  private void open() {
    open(HostGrants.NONE);
  }

  /** Simulates a crash and restart: the in-memory state is dropped and rebuilt from the store. */
  void restart() {
    restart(HostGrants.NONE);
  }

  /** A restart with other start-up grants ({@code ecsl runtime start --allow-...}). */
  void restart(HostGrants grants) {
    plane.close();
    store.close();
    open(grants);
  }

  ControlPlane plane() {
    return plane;
  }

  /** The ECS API the harness calls (to give it the other APIs an operation needs, as the server does). */
  EcsApi ecsApi() {
    return ecs;
  }

  Store store() {
    return store;
  }

  JsonNode ecs(String operation, String json) {
    return ecs.call(operation, Json.parse(json), new RequestContext("us-east-1"));
  }

  JsonNode ecs(String operation, JsonNode body) {
    return ecs.call(operation, body, new RequestContext("us-east-1"));
  }

  /** Runs {@code passes} loop passes, moving the clock {@code step} before each. */
  void run(int passes, Duration step) {
    for (int i = 0; i < passes; i++) {
      clock.advance(step);
      plane.tick();
    }
  }

  void ticks(int passes) {
    run(passes, Duration.ofMillis(100));
  }

  /** The tasks' containers (and awsvpc pause containers), without bridge-mode metadata relays. */
  List<ObservedContainer> containers() {
    return backend.listContainers(Labels.RUNTIME, store.instanceId()).stream()
        .filter(c -> !Labels.ROLE_RELAY.equals(c.label(Labels.ROLE))).toList();
  }

  /** The bridge-mode metadata relays (docs/runtime-model.md, "Task metadata and credentials"). */
  List<ObservedContainer> relays() {
    return backend.listContainers(Labels.RUNTIME, store.instanceId()).stream()
        .filter(c -> Labels.ROLE_RELAY.equals(c.label(Labels.ROLE))).toList();
  }

  void registerTaskDefinition(String json) {
    ecs("RegisterTaskDefinition", json);
  }

  JsonNode service(String cluster, String name) {
    ObjectNode body = Json.object().put("cluster", cluster);
    body.putArray("services").add(name);
    return ecs("DescribeServices", body).get("services").get(0);
  }

  /** Every task of the cluster with the given desired status (RUNNING or STOPPED). */
  List<JsonNode> tasks(String cluster, String desiredStatus) {
    JsonNode arns = ecs("ListTasks", Json.object().put("cluster", cluster).put("desiredStatus", desiredStatus))
        .get("taskArns");
    List<JsonNode> out = new ArrayList<>();
    if (arns.isEmpty()) {
      return out;
    }
    ObjectNode body = Json.object().put("cluster", cluster);
    body.set("tasks", arns);
    ecs("DescribeTasks", body).get("tasks").forEach(out::add);
    return out;
  }

  List<JsonNode> allTasks(String cluster) {
    List<JsonNode> out = new ArrayList<>(tasks(cluster, "RUNNING"));
    out.addAll(tasks(cluster, "STOPPED"));
    return out;
  }

  @Override
  public void close() throws IOException {
    plane.close();
    store.close();
    try (var paths = Files.walk(dataDir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
