package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl run} on the real local runtime and Docker: it registers the declared task, runs it,
 * prints its output, and exits with the essential container's exit code; {@code --no-wait} prints
 * the ARNs; {@code --schedule} fires a declared rule now through the runtime's own schedule path.
 */
@NeedsDocker
class RunCommandTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @TempDir Path project;
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @BeforeEach
  void writeProject() throws IOException {
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

  private Processes.Result ecsl(String... args) {
    String[] target = {"--target", "local", "--endpoint", runtime.endpoint(), "--runtime-dir", runtime.dir()};
    String[] all = new String[args.length + target.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(target, 0, all, args.length, target.length);
    return ECSL.run(all);
  }

  /** The project's cluster and schedule, as a user has them after apply. */
  private void apply() {
    Processes.Result apply = ECSL.run("apply", project.toString(), "--auto-approve", "--target", "local", "--endpoint",
        runtime.endpoint(), "--runtime-dir", runtime.dir(), "--no-wait");
    assertEquals(0, apply.exitCode(), apply.stdout() + apply.stderr());
  }

  @Test
  void runExitsWithTheContainersExitCodeAndPrintsItsOutput() throws IOException {
    Processes.Result before = ecsl("run", "job", project.toString());
    assertEquals(1, before.exitCode(), before.stdout() + before.stderr());
    assertTrue(before.stderr().contains("cluster jobs does not exist"), before.stderr());
    assertTrue(before.stderr().contains("ecsl apply"), "says how to create it: " + before.stderr());
    apply();
    Processes.Result run = ecsl("run", "job", project.toString(), "--poll-interval", "1s");
    assertEquals(7, run.exitCode(), run.stdout() + run.stderr());
    assertTrue(run.stdout().contains("job says hello"), "the container's output is followed: " + run.stdout() + run.stderr());
    assertTrue(!run.stderr().contains("registered"), "apply registered revision 1, which is run: " + run.stderr());
    assertTrue(run.stderr().contains("main exited 7"), run.stderr());

    Files.writeString(project.resolve("main.ecs"), Files.readString(project.resolve("main.ecs"))
        .replace("GREETING = \"hello\"", "GREETING = \"changed\""));
    Processes.Result changed = ecsl("run", "job", project.toString(), "--poll-interval", "1s");
    assertEquals(7, changed.exitCode(), changed.stdout() + changed.stderr());
    assertTrue(changed.stderr().contains("registered arn:aws:ecs:us-east-1:000000000000:task-definition/job:2"),
        "a changed declaration is registered before it runs: " + changed.stderr());
    assertTrue(changed.stdout().contains("job says changed"), changed.stdout());

    Processes.Result overridden = ecsl("run", "job", project.toString(), "--command", "sh -c 'echo $GREETING-$EXTRA; exit 0'",
        "--env", "EXTRA=more", "--poll-interval", "1s");
    assertEquals(0, overridden.exitCode(), overridden.stdout() + overridden.stderr());
    assertTrue(overridden.stdout().contains("changed-more"), overridden.stdout() + overridden.stderr());
    assertTrue(!overridden.stderr().contains("registered"), "the matching revision is reused: " + overridden.stderr());
  }

  @Test
  void noWaitPrintsTheTaskArnsAndTheTasksCarryTheRequest() {
    apply();
    Processes.Result run = ecsl("run", "job", project.toString(), "--no-wait", "--count", "2", "--tag", "team=data",
        "--group", "adhoc", "--format", "json");
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    JsonNode arns = Json.parse(run.stdout()).get("taskArns");
    assertEquals(2, arns.size());
    RuntimeClient client = LocalRuntime.client(runtime.dataDir);
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
    Processes.Result unknown = ecsl("run", "nope", project.toString());
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.stderr().contains("the project declares no task `nope`; its tasks: job"), unknown.stderr());
    Processes.Result count = ecsl("run", "job", project.toString(), "--count", "11");
    assertEquals(1, count.exitCode());
    assertTrue(count.stderr().contains("--count must be between 1 and 10"), count.stderr());
    Processes.Result container = ecsl("run", "job", project.toString(), "--container", "web", "--command", "true");
    assertEquals(1, container.exitCode());
    assertTrue(container.stderr().contains("has no container web; its containers: main"), container.stderr());
  }

  @Test
  void scheduleFiresTheDeclaredRuleNowWithItsOverrides() {
    apply();
    Processes.Result fired = ecsl("run", "--schedule", "hourly", "--poll-interval", "1s");
    assertEquals(4, fired.exitCode(), fired.stdout() + fired.stderr());
    assertTrue(fired.stdout().contains("fired by the rule"), fired.stdout() + fired.stderr());

    Processes.Result listed = ECSL.run("schedules", "--data-dir", runtime.dir(), "--format", "json");
    assertEquals(0, listed.exitCode(), listed.stderr());
    JsonNode rule = Json.parse(listed.stdout()).get(0);
    assertEquals("hourly", rule.get("name").asText());
    assertEquals("STARTED", rule.at("/lastResults/0/outcome").asText());
    assertTrue(rule.hasNonNull("nextFireAt"), rule.toString());

    Processes.Result missing = ecsl("run", "--schedule", "nope");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.stderr().contains("no scheduled rule or Scheduler schedule named nope"), missing.stderr());
  }
}
