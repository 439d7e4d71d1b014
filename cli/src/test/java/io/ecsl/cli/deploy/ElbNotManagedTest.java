package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply and destroy do not manage Elastic Load Balancing yet: a project that declares a load
 * balancer is refused with the resources named and what to do, before any target is read, instead
 * of planning its ECS part with a placeholder for the target group's ARN.
 */
class ElbNotManagedTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @TempDir Path tmp;

  @Test
  void aProjectWithLoadBalancersIsRefusedByPlanApplyAndDestroy() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), """
        target_group web { protocol = HTTP, port = 8080, target_type = ip, vpc_id = "vpc-1" }
        load_balancer public { subnets = ["subnet-a", "subnet-b"] }
        listener http in public { port = 80, protocol = HTTP, forward = web }
        """);
    Path previous = Files.createDirectories(tmp.resolve("previous"));
    for (String[] args : new String[][] {
        {"plan", src.toString(), "--against", previous.toString()},
        {"apply", src.toString(), "--target", "local", "--auto-approve"},
        {"destroy", src.toString(), "--target", "local", "--auto-approve"}}) {
      Processes.Result r = ECSL.run(args);
      assertEquals(ExitCodes.ERROR, r.exitCode(), String.join(" ", args) + ": " + r);
      assertTrue(r.stderr().contains("do not manage Elastic Load Balancing yet")
          && r.stderr().contains("target group web (") && r.stderr().contains("main.ecs:1)") && r.stderr().contains("listener public:80")
          && r.stderr().contains("deploy.sh or cloudformation.json"), String.join(" ", args) + ": " + r.stderr());
    }
  }
}
