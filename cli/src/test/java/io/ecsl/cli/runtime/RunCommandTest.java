package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Cli;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl run} on the real local runtime and Docker: it registers the declared task, runs it,
 * prints its output, and exits with the essential container's exit code; {@code --no-wait} prints
 * the ARNs; {@code --schedule} fires a declared rule now through the runtime's own schedule path.
 */
class RunCommandTest {
  @TempDir Path project;
  private TestRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    runtime = TestRuntime.start();
    Files.writeString(project.resolve("main.ecs"), """
        project { account_id = "000000000000", region = "us-east-1" }
        cluster jobs {}
        task job {
          network = bridge
          container main {
            image = "ecsl/busybox:1.35"
            command = ["sh", "-c", "echo job says $GREETING; exit 7"]
            environment { GREETING = "hello" }
            memory = 32 MiB
          }
        }
        schedule hourly {
          cluster = jobs
          task = job
          expression = rate(1h)
          role = "arn:aws:iam::000000000000:role/ecsEventsRole"
          overrides {
            container_overrides = [{ name = "main", command = ["sh", "-c", "echo fired by the rule; exit 4"] }]
          }
        }
        """);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private Cli.Run ecsl(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--target", "local", "--endpoint", runtime.endpoint()}, 0, all, args.length, 4);
    return Cli.run(all);
  }

  /** The project's cluster and schedule, as a user has them after apply. */
  private void apply() {
    Cli.Run apply = Cli.run("apply", project.toString(), "--auto-approve", "--target", "local", "--endpoint",
        runtime.endpoint(), "--no-wait");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
  }

  @Test
  void runExitsWithTheContainersExitCodeAndPrintsItsOutput() throws IOException {
    Cli.Run before = ecsl("run", "job", project.toString());
    assertEquals(1, before.exitCode(), before.out() + before.err());
    assertTrue(before.err().contains("cluster jobs does not exist"), before.err());
    assertTrue(before.err().contains("ecsl apply"), "says how to create it: " + before.err());
    apply();
    Cli.Run run = ecsl("run", "job", project.toString(), "--poll-interval", "1s");
    assertEquals(7, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("job says hello"), "the container's output is followed: " + run.out() + run.err());
    assertTrue(!run.err().contains("registered"), "apply registered revision 1, which is run: " + run.err());
    assertTrue(run.err().contains("main exited 7"), run.err());

    Files.writeString(project.resolve("main.ecs"), Files.readString(project.resolve("main.ecs"))
        .replace("GREETING = \"hello\"", "GREETING = \"changed\""));
    Cli.Run changed = ecsl("run", "job", project.toString(), "--poll-interval", "1s");
    assertEquals(7, changed.exitCode(), changed.out() + changed.err());
    assertTrue(changed.err().contains("registered arn:aws:ecs:us-east-1:000000000000:task-definition/job:2"),
        "a changed declaration is registered before it runs: " + changed.err());
    assertTrue(changed.out().contains("job says changed"), changed.out());

    Cli.Run overridden = ecsl("run", "job", project.toString(), "--command", "sh -c 'echo $GREETING-$EXTRA; exit 0'",
        "--env", "EXTRA=more", "--poll-interval", "1s");
    assertEquals(0, overridden.exitCode(), overridden.out() + overridden.err());
    assertTrue(overridden.out().contains("changed-more"), overridden.out() + overridden.err());
    assertTrue(!overridden.err().contains("registered"), "the matching revision is reused: " + overridden.err());
  }

  @Test
  void noWaitPrintsTheTaskArnsAndTheTasksCarryTheRequest() {
    apply();
    Cli.Run run = ecsl("run", "job", project.toString(), "--no-wait", "--count", "2", "--tag", "team=data",
        "--group", "adhoc", "--format", "json");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    JsonNode arns = Json.parse(run.out()).get("taskArns");
    assertEquals(2, arns.size());
    RuntimeClient client = new RuntimeClient(runtime.status.endpoint());
    var request = Json.object().put("cluster", "jobs").put("include", (String) null);
    request.remove("include");
    request.putArray("include").add("TAGS");
    request.set("tasks", arns);
    JsonNode task = client.ecs("DescribeTasks", request).get("tasks").get(0);
    assertEquals("adhoc", task.get("group").asText());
    assertEquals("ecsl-run", task.get("startedBy").asText());
    assertEquals("team", task.at("/tags/0/key").asText());
  }

  @Test
  void badOptionsAndUnknownTasksAreRefusedBeforeAnythingRuns() {
    Cli.Run unknown = ecsl("run", "nope", project.toString());
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("the project declares no task `nope`; its tasks: job"), unknown.err());
    Cli.Run count = ecsl("run", "job", project.toString(), "--count", "11");
    assertEquals(1, count.exitCode());
    assertTrue(count.err().contains("--count must be between 1 and 10"), count.err());
    Cli.Run container = ecsl("run", "job", project.toString(), "--container", "web", "--command", "true");
    assertEquals(1, container.exitCode());
    assertTrue(container.err().contains("has no container web; its containers: main"), container.err());
  }

  @Test
  void scheduleFiresTheDeclaredRuleNowWithItsOverrides() {
    apply();
    Cli.Run fired = ecsl("run", "--schedule", "hourly", "--poll-interval", "1s");
    assertEquals(4, fired.exitCode(), fired.out() + fired.err());
    assertTrue(fired.out().contains("fired by the rule"), fired.out() + fired.err());

    Cli.Run listed = Cli.run("schedules", "--data-dir", runtime.dataDir.toString(), "--format", "json");
    assertEquals(0, listed.exitCode(), listed.err());
    JsonNode rule = Json.parse(listed.out()).get(0);
    assertEquals("hourly", rule.get("name").asText());
    assertEquals("STARTED", rule.at("/lastResults/0/outcome").asText());
    assertTrue(rule.hasNonNull("nextFireAt"), rule.toString());

    Cli.Run missing = ecsl("run", "--schedule", "nope");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no scheduled rule named nope"), missing.err());
  }
}
