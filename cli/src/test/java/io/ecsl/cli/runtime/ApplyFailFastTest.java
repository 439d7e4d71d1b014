package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment that cannot succeed makes {@code ecsl apply} fail fast with the stopped tasks'
 * reasons, on the real local runtime and Docker, instead of waiting out its ten-minute timeout.
 */
@NeedsDocker
class ApplyFailFastTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @TempDir Path project;
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @Test
  void aCrashingServiceFailsTheApplyWithTheStoppedTasksReasons() throws IOException {
    Files.writeString(project.resolve("main.ecs"), """
        cluster failing {}
        task crasher {
          network = bridge
          container main {
            image = "ecsl/busybox:1.35"
            command = ["sh", "-c", "echo starting; exit 3"]
            memory = 32 MiB
          }
        }
        service crasher in failing {
          task = crasher
          desired = 1
        }
        """);
    Processes.Result apply = ECSL.run("apply", project.toString(), "--auto-approve", "--target", "local",
        "--runtime-dir", runtime.dir(), "--wait-timeout", "10m", "--poll-interval", "1s");
    assertEquals(1, apply.exitCode(), apply.output());
    String all = apply.stdout() + apply.stderr();
    assertTrue(all.contains("Essential container in task exited"), all);
    assertTrue(all.contains("main: exit code 3"), "the container's exit code is reported: " + all);
    assertFalse(all.contains("timed out"), "it failed fast instead of waiting for the timeout: " + all);
    assertTrue(all.contains("service failing/crasher"), all);
  }
}
