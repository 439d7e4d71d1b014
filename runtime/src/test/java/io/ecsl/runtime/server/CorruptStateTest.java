package io.ecsl.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.backend.InMemoryBackend;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.home.RuntimeStartException;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged state: one unreadable document is set aside with a clear message and the rest of the
 * state loads; a store that is not a database at all stops the start with words that say what to
 * do, never a stack trace.
 */
class CorruptStateTest {
  @TempDir Path dataDir;

  private RuntimeServer start() {
    return RuntimeServer.start(dataDir, 0, new InMemoryBackend(Clock.systemUTC(), Set.of("ecsl/busybox:latest")),
        Clock.systemUTC(), ControlPlane.Options.defaults());
  }

  @Test
  void aCorruptDocumentIsSetAsideAndTheRestLoads() throws Exception {
    try (RuntimeServer first = start()) {
      RuntimeClient client = new RuntimeClient(first.endpoint(), LocalRuntime.credentials(dataDir));
      client.ecs("CreateCluster", Json.parse("{\"clusterName\":\"kept\"}"));
      client.ecs("CreateCluster", Json.parse("{\"clusterName\":\"damaged\"}"));
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Store.FILE_NAME));
        Statement sql = db.createStatement()) {
      assertEquals(1, sql.executeUpdate("UPDATE documents SET body = '{\"clusterArn\": \"arn:aws:ecs:us-east-1:0"
          + "00000000000:cluster/damaged\", \"clusterName\": ' WHERE id LIKE '%cluster/damaged'"));
    }
    try (RuntimeServer second = start()) {
      RuntimeClient client = new RuntimeClient(second.endpoint(), LocalRuntime.credentials(dataDir));
      var clusters = client.ecs("ListClusters", Json.object()).get("clusterArns");
      assertEquals(1, clusters.size(), clusters.toString());
      assertTrue(clusters.get(0).asText().endsWith("cluster/kept"));
      RuntimeStatus status = LocalRuntime.status(dataDir);
      assertTrue(status.healthy(), "a set-aside document does not make the runtime unhealthy");
      assertTrue(status.stateWarning().startsWith("1 stored document could not be read and was set aside (table"
          + " set_aside of state.db)"), status.stateWarning());
      assertTrue(status.stateWarning().contains("cluster/damaged"), status.stateWarning());
      assertEquals(1, second.controlPlane().state().store().setAside().size());
    }
    String log = Files.exists(dataDir.resolve("runtime.log")) ? Files.readString(dataDir.resolve("runtime.log")) : "";
    assertTrue(log.isEmpty() || !log.contains("Exception\n\tat"), "no stack trace for a damaged document");
  }

  @Test
  void aStoreThatIsNotADatabaseStopsTheStartWithWhatToDo() throws Exception {
    Files.writeString(dataDir.resolve(Store.FILE_NAME), "this is not an SQLite database, it only has its name\n"
        .repeat(200));
    RuntimeStartException refused = assertThrows(RuntimeStartException.class, this::start);
    assertTrue(refused.getMessage().contains("move it aside (mv "), refused.getMessage());
    assertTrue(refused.getMessage().contains("ecsl runtime start --adopt"), refused.getMessage());
    TestRuntimes.deleteRecursively(dataDir.resolve("volumes"));
  }
}
