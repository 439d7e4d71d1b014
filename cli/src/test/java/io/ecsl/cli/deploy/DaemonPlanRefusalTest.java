package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan and apply do not handle Managed Daemons yet: a project that declares one is refused whole,
 * naming each daemon resource, before any target is read (the endpoint below has nothing behind
 * it), rather than half planned. Its build still writes the requests and deploy.sh.
 */
class DaemonPlanRefusalTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final String NOWHERE = "http://127.0.0.1:9";

  @TempDir Path out;

  @Test
  void planApplyAndDestroyRefuseAProjectWithADaemon() {
    String sample = RepoPaths.samples().resolve("managed-daemon").toString();
    for (String command : new String[] {"plan", "apply", "destroy"}) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, sample, "--target", "aws",
          "--endpoint", NOWHERE, "--region", "us-east-1"));
      if (!command.equals("plan")) {
        args.add("--auto-approve");
      }
      Processes.Result r = ECSL.run(args.toArray(String[]::new));
      assertEquals(1, r.exitCode(), command + ": " + r.output());
      assertTrue(r.stderr().contains("daemon task definition log-agent: plan and apply do not handle Managed Daemons yet"),
          command + ": " + r.output());
      assertTrue(r.stderr().contains("daemon apps/log-agent: plan and apply do not handle Managed Daemons yet"), r.output());
      assertTrue(!r.stderr().contains("Could not connect") && !r.stderr().contains("cannot read the target"), r.output());
    }
  }

  @Test
  void theBuildStillWritesTheDaemonRequests() {
    Processes.Result r = ECSL.run("build", RepoPaths.samples().resolve("managed-daemon").toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(Files.exists(out.resolve("daemon-task-definitions/log-agent.json")), r.output());
    assertTrue(Files.exists(out.resolve("daemons/apps/log-agent.json")), r.output());
  }
}
