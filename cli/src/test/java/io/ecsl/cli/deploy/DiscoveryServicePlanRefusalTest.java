package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan and apply do not handle Cloud Map discovery services yet: a project that declares one is
 * refused whole, naming it, before any target is read (the endpoint below has nothing behind it),
 * rather than planned with an ECS service whose registry ARN is still a placeholder. Its build still
 * writes the CreateService request.
 */
class DiscoveryServicePlanRefusalTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final String NOWHERE = "http://127.0.0.1:9";

  @TempDir Path tmp;

  @Test
  void planApplyAndDestroyRefuseAProjectWithADiscoveryService() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), """
        namespace internal {}
        discovery_service api in internal { health_check = custom }
        """);
    for (String command : new String[] {"plan", "apply", "destroy"}) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, src.toString(), "--target", "aws",
          "--endpoint", NOWHERE, "--region", "us-east-1"));
      if (!command.equals("plan")) {
        args.add("--auto-approve");
      }
      Processes.Result r = ECSL.run(args.toArray(String[]::new));
      assertEquals(1, r.exitCode(), command + ": " + r.output());
      assertTrue(r.stderr().contains("discovery service api: plan and apply do not handle Cloud Map discovery services yet"),
          command + ": " + r.output());
      assertTrue(r.stderr().contains("registry_arn"), r.output());
      assertTrue(!r.stderr().contains("Could not connect") && !r.stderr().contains("cannot read the target"), r.output());
    }
    Path out = tmp.resolve("out");
    Processes.Result r = ECSL.run("build", src.toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(Files.exists(out.resolve("discovery-services/api.json")), r.output());
  }
}
