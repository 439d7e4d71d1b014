package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host volumes through `ecsl apply`, on the real runtime and Docker: apply tells the runtime the
 * project's directory, so a volume under it mounts by default; a volume of {@code /etc} is refused
 * with the flag that would allow it, and the apply fails saying so.
 */
@NeedsDocker
class HostVolumeApplyTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @TempDir Path temp;
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  private static String project(String name, String hostPath, String script) {
    return """
        cluster %1$s {}
        task %1$s {
          network = bridge
          volume data { host = "%2$s" }
          container main {
            image = "ecsl/busybox:1.35"
            command = ["sh", "-c", "%3$s"]
            memory = 32 MiB
            mount data = "/data"
          }
        }
        service %1$s in %1$s {
          task = %1$s
          desired = 1
        }
        """.formatted(name, hostPath, script);
  }

  @Test
  void aVolumeUnderTheProjectMountsAndOneOfEtcIsRefused() throws Exception {
    Path project = Files.createDirectories(temp.resolve("writer"));
    Path data = Files.createDirectories(project.resolve("data"));
    Files.writeString(project.resolve("main.ecs"), project("writer", data.toString(),
        "echo written > /data/out.txt; trap 'exit 0' TERM; sleep 3600 & wait"));
    Processes.Result apply = ECSL.run("apply", project.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir(), "--wait-timeout", "5m");
    assertEquals(0, apply.exitCode(), apply.output());
    Path written = data.resolve("out.txt");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!Files.exists(written) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertEquals("written\n", Files.readString(written), "the task wrote into the project's directory");

    Path other = Files.createDirectories(temp.resolve("reader"));
    Files.writeString(other.resolve("main.ecs"), project("reader", "/etc", "cat /data/shadow; sleep 3600"));
    Processes.Result refused = ECSL.run("apply", other.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir());
    assertEquals(1, refused.exitCode(), refused.output());
    String all = refused.stdout() + refused.stderr();
    assertTrue(all.contains("volume `data` (host.sourcePath /etc) is a system directory of the host"), all);
    assertTrue(all.contains("ecsl runtime start --allow-sensitive-mount /etc"), all);
  }
}
