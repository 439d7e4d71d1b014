package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ecsl exec}: a command runs in the container of a task started with execute command
 * enabled, with its output and exit code; a task without it is refused with ECS's words.
 */
@NeedsDocker
class ExecCommandTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);

  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @Test
  void runsInExecEnabledTasksOnlyAsEcsDoes() throws Exception {
    String dir = runtime.dir();
    RuntimeClient client = LocalRuntime.client(runtime.dataDir);
    client.ecs("CreateCluster", Json.parse("{\"clusterName\":\"exec\"}"));
    client.ecs("RegisterTaskDefinition", Json.parse("""
        {"family":"exec","memory":"64","containerDefinitions":[{"name":"app","image":"ecsl/busybox:latest",
         "command":["sh","-c","trap 'exit 0' TERM; sleep 3600 & wait"]}]}"""));
    client.ecs("CreateService", Json.parse("{\"cluster\":\"exec\",\"serviceName\":\"on\",\"taskDefinition\":\"exec\","
        + "\"desiredCount\":1,\"enableExecuteCommand\":true}"));
    String off = client.ecs("RunTask", Json.parse("{\"cluster\":\"exec\",\"taskDefinition\":\"exec\"}"))
        .at("/tasks/0/taskArn").asText();
    JsonNode onTask = awaitRunning(client, "on");
    awaitRunning(client, null);
    assertEquals("ExecuteCommandAgent", onTask.at("/containers/0/managedAgents/0/name").asText(), onTask.toString());
    assertEquals("RUNNING", onTask.at("/containers/0/managedAgents/0/lastStatus").asText());

    Processes.Result ran = ECSL.run("exec", "on", "--data-dir", dir, "--", "sh", "-c", "echo hello from $HOSTNAME; exit 3");
    assertEquals(3, ran.exitCode(), ran.stderr());
    assertTrue(ran.stdout().startsWith("hello from "), ran.stdout());

    String offId = off.substring(off.lastIndexOf('/') + 1);
    Processes.Result refused = ECSL.run("exec", offId, "--data-dir", dir, "--", "echo", "x");
    assertEquals(1, refused.exitCode());
    assertTrue(refused.stderr().contains("execute command was not enabled when the task was run"), refused.stderr());
    assertEquals("", refused.stdout());

    Processes.Result noCommand = ECSL.run("exec", "on", "--data-dir", dir);
    assertEquals(1, noCommand.exitCode());
    assertTrue(noCommand.stderr().contains("give the command to run after --"), noCommand.stderr());
  }

  /** The running task of a service (or the standalone task when {@code service} is null). */
  private static JsonNode awaitRunning(RuntimeClient client, String service) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      JsonNode arns = client.ecs("ListTasks", Json.parse("{\"cluster\":\"exec\"" + (service == null ? ""
          : ",\"serviceName\":\"" + service + "\"") + "}")).path("taskArns");
      if (!arns.isEmpty()) {
        for (JsonNode task : client.ecs("DescribeTasks", Json.object().put("cluster", "exec")
            .set("tasks", arns)).path("tasks")) {
          boolean standalone = !task.path("group").asText().startsWith("service:");
          if ("RUNNING".equals(task.path("lastStatus").asText()) && (service != null || standalone)) {
            return task;
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no running task" + (service == null ? "" : " of service " + service));
  }
}
