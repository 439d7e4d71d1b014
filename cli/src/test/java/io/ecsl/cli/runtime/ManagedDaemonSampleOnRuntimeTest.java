package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/managed-daemon on the local runtime, on Docker: every instance the web service's tasks
 * make ECS launch runs one log-agent daemon task, started before the web task placed beside it;
 * when an agent is stopped, its instance is drained and replaced and the web tasks move; deleting
 * the daemon stops the agents and leaves the service running.
 *
 * <p>{@code ecsl apply} does not take daemons yet (another change adds them), so the test sends the
 * requests {@code ecsl build} writes for the sample to the runtime itself, as deploy.sh would (the
 * aws CLI v1 here has no daemon operations): the same JSON, against the runtime's ECS API.
 */
@NeedsDocker
class ManagedDaemonSampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  /** Patient: CI runs Docker tests side by side on two cores; a daemon and a web task start per instance. */
  private static final Duration PATIENCE = Duration.ofSeconds(300);
  @RegisterExtension final TestRuntime runtime = new TestRuntime();
  @TempDir Path out;
  private RuntimeClient ecs;

  @Test
  void everyInstanceRunsTheAgentFirstAndAStoppedAgentGetsItsInstanceReplaced() throws Exception {
    Processes.Result build = ECSL.run("build", RepoPaths.samples().resolve("managed-daemon").toString(), "--out",
        out.toString());
    assertEquals(0, build.exitCode(), build.output());
    ecs = new RuntimeClient(runtime.status.endpoint(), LocalRuntime.credentials(runtime.dataDir));
    sendTheBuildsRequests();

    waitFor("4 web tasks running, each instance with its agent", () -> webRunning() == 4 && everyInstanceHasAnAgent());
    Map<String, JsonNode> agents = agentsByInstance();
    for (JsonNode web : tasks("service:web")) {
      JsonNode agent = agents.get(web.path("containerInstanceArn").asText());
      assertTrue(agent != null, "an agent where " + web.path("taskArn").asText() + " runs");
      assertTrue(time(agent, "startedAt").compareTo(time(web, "startedAt")) < 0,
          "the agent started before the web task beside it: " + agent + " / " + web);
    }
    JsonNode agent = agents.values().iterator().next();
    assertEquals("MANAGED_INSTANCES", agent.path("launchType").asText());
    assertEquals("web-mi", agent.path("capacityProviderName").asText());
    assertEquals("platform", ecs.ecs("ListTagsForResource", Json.object().put("resourceArn",
        agent.path("taskArn").asText())).at("/tags/0/value").asText(), "propagate_tags = DAEMON");

    String instance = agent.path("containerInstanceArn").asText();
    ecs.ecs("StopTask", Json.object().put("cluster", "apps").put("task", agent.path("taskArn").asText()));
    waitFor("the stopped agent's instance replaced, the web tasks moved", () -> !activeInstances().contains(instance)
        && webRunning() == 4 && everyInstanceHasAnAgent());

    String daemonArn = "arn:aws:ecs:us-east-1:000000000000:daemon/apps/log-agent";
    ecs.ecs("DeleteDaemon", Json.object().put("daemonArn", daemonArn));
    waitFor("the agents stopped and the daemon gone", () -> tasks("daemon:log-agent").isEmpty()
        && ecs.ecs("ListDaemons", Json.object().put("clusterArn", "apps")).path("daemonSummariesList").isEmpty());
    assertEquals(4, webRunning(), "the application runs on");
  }

  /** The build's requests in dependency order, its placeholders filled as deploy.sh fills them. */
  private void sendTheBuildsRequests() throws IOException {
    Map<String, String> files = new HashMap<>();
    for (JsonNode entry : Json.parse(Files.readString(out.resolve("manifest.json"))).get("entries")) {
      files.put(entry.get("operation").asText(), entry.get("file").asText());
    }
    ecs.ecs("CreateCluster", request(files, "create-cluster"));
    ecs.ecs("CreateCapacityProvider", request(files, "create-capacity-provider"));
    ecs.ecs("RegisterTaskDefinition", request(files, "register-task-definition"));
    String definition = ecs.ecs("RegisterDaemonTaskDefinition", request(files, "register-daemon-task-definition"))
        .get("daemonTaskDefinitionArn").asText();
    String daemon = Json.write(request(files, "create-daemon")).replace("${daemon-task-definition:log-agent}", definition);
    assertFalse(daemon.contains("${"), daemon);
    ecs.ecs("CreateDaemon", Json.parse(daemon));
    ecs.ecs("CreateService", request(files, "create-service"));
  }

  private ObjectNode request(Map<String, String> files, String operation) throws IOException {
    return (ObjectNode) Json.parse(Files.readString(out.resolve(files.get(operation))));
  }

  private List<JsonNode> tasks(String group) {
    JsonNode arns = ecs.ecs("ListTasks", Json.object().put("cluster", "apps")).get("taskArns");
    List<JsonNode> found = new ArrayList<>();
    if (arns.isEmpty()) {
      return found;
    }
    ObjectNode body = Json.object().put("cluster", "apps");
    body.set("tasks", arns);
    for (JsonNode task : ecs.ecs("DescribeTasks", body).get("tasks")) {
      if (group.equals(task.path("group").asText()) && "RUNNING".equals(task.path("lastStatus").asText())) {
        found.add(task);
      }
    }
    return found;
  }

  private int webRunning() {
    return tasks("service:web").size();
  }

  private Map<String, JsonNode> agentsByInstance() {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode task : tasks("daemon:log-agent")) {
      out.put(task.path("containerInstanceArn").asText(), task);
    }
    return out;
  }

  private List<String> activeInstances() {
    List<String> out = new ArrayList<>();
    ecs.ecs("ListContainerInstances", Json.object().put("cluster", "apps").put("status", "ACTIVE"))
        .get("containerInstanceArns").forEach(a -> out.add(a.asText()));
    return out;
  }

  private boolean everyInstanceHasAnAgent() {
    List<String> active = activeInstances();
    Map<String, JsonNode> agents = agentsByInstance();
    return !active.isEmpty() && agents.keySet().containsAll(active) && tasks("daemon:log-agent").size() == agents.size();
  }

  private static BigDecimal time(JsonNode task, String field) {
    return task.path(field).decimalValue();
  }

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
      }
      Thread.sleep(1000);
    }
  }
}
