package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import java.io.IOException;
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
  @TempDir Path temp;
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @Test
  void aCrashingServiceFailsTheApplyWithTheStoppedTasksReasons() throws IOException {
    Path project = TestRuntime.project(temp, """
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
    Processes.Result apply = runtime.apply(project, "--wait-timeout", "10m");
    assertEquals(1, apply.exitCode(), apply.output());
    String all = apply.stdout() + apply.stderr();
    assertTrue(all.contains("Essential container in task exited"), all);
    assertTrue(all.contains("main: exit code 3"), "the container's exit code is reported: " + all);
    assertFalse(all.contains("timed out"), "it failed fast instead of waiting for the timeout: " + all);
    assertTrue(all.contains("service failing/crasher"), all);
  }
}
