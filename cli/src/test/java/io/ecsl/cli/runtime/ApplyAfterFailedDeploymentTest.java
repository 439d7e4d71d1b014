package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §7: a first deployment that FAILED for want of a secret, then the secret stored, then
 * {@code ecsl apply} again: the service matches its declaration, but apply must deploy it again
 * (and wait for it), not say "Apply complete" while it runs 0 of its tasks.
 */
@NeedsDocker
class ApplyAfterFailedDeploymentTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @TempDir Path temp;
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @Test
  void applyAfterTheMissingSecretIsStoredDeploysAgain() throws IOException {
    Path project = TestRuntime.project(temp, """
        cluster vault {}
        task api {
          network = bridge
          execution_role = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole"
          container main {
            image = "ecsl/busybox:1.35"
            command = ["sh", "-c", "echo password is $DB_PASSWORD; trap 'exit 0' TERM; sleep 3600 & wait"]
            memory = 32 MiB
            secrets { secret DB_PASSWORD from "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-password" }
          }
        }
        service api in vault {
          task = api
          desired = 2
          deployment { circuit_breaker = rollback }
        }
        """);
    Processes.Result first = runtime.apply(project);
    assertEquals(1, first.exitCode(), first.stdout() + first.stderr());
    assertTrue((first.stdout() + first.stderr()).contains("db-password"), "says which secret is missing: " + first.stderr());

    Processes.Result put = ECSL.run("runtime", "secret", "put", "db-password", "s3cret", "--data-dir", runtime.dir());
    assertEquals(0, put.exitCode(), put.stderr());

    Processes.Result plan = runtime.plan(project, "--detailed-exitcode");
    assertEquals(2, plan.exitCode(), "the failed service is a change to make: " + plan.stdout() + plan.stderr());
    assertTrue(plan.stdout().contains("last deployment FAILED"), plan.stdout());

    Processes.Result second = runtime.apply(project);
    assertEquals(0, second.exitCode(), second.stdout() + second.stderr());
    assertTrue(second.stdout().contains("Apply complete"), second.stdout());
    Processes.Result ps = ECSL.run("ps", "--data-dir", runtime.dir(), "--format", "json");
    JsonNode tasks = Json.parse(ps.stdout());
    assertEquals(2, tasks.size(), ps.stdout());
    for (JsonNode task : tasks) {
      assertEquals("RUNNING", task.get("status").asText(), ps.stdout());
    }
    Processes.Result again = runtime.plan(project, "--detailed-exitcode");
    assertEquals(0, again.exitCode(), "once it runs, nothing is left to do: " + again.stdout() + again.stderr());
  }
}
