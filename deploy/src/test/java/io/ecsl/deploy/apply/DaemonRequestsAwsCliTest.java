package io.ecsl.deploy.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.deploy.Deployer;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI as the judge of the daemon requests apply sends (see {@link DaemonPlanApplyTest} for what they do). */
@NeedsAwsCli
class DaemonRequestsAwsCliTest {
  @TempDir Path dir;

  /**
   * Every request apply sends about daemons is one the AWS CLI accepts: botocore validates each
   * against its service model before sending, to an endpoint nothing listens on (moto has no daemon
   * API to take them), so an accepted request fails only to connect.
   */
  @Test
  void everyDaemonRequestApplySendsPassesTheAwsCli() throws Exception {
    FakeDaemonApi api = new FakeDaemonApi();
    apply(api, Deployer.plan(DaemonPlanApplyTest.compile(dir, "ecsl/busybox:1.35"), api, "fake", 5));
    String providers = "\"" + DaemonPlanApplyTest.PROVIDER + "mi-a\", \"" + DaemonPlanApplyTest.PROVIDER + "mi-b\"";
    String deployment = "  deployment { drain_percent = 50%, bake = 1m, alarms = [\"agent-down\"] }\n";
    EcsModel changed = DaemonPlanApplyTest.compile(dir, "ecsl/busybox:latest", providers, deployment, "  tags { team = \"core\" }\n");
    apply(api, Deployer.plan(changed, api, "fake", 5));
    EcsModel untagged = DaemonPlanApplyTest.compile(dir, "ecsl/busybox:latest", providers, deployment, "");
    apply(api, Deployer.plan(untagged, api, "fake", 5));
    apply(api, Deployer.destroyPlan(untagged, api, "fake"));
    Set<String> mutating = Set.of("RegisterDaemonTaskDefinition", "CreateDaemon", "UpdateDaemon",
        "DeleteDaemon", "DeleteDaemonTaskDefinition", "TagResource", "UntagResource");
    Map<String, String> env = new HashMap<>(AwsCli.environment("http://127.0.0.1:" + FreePorts.forAServerProcess()));
    env.put("AWS_MAX_ATTEMPTS", "1");
    Set<String> checked = new TreeSet<>();
    for (var call : api.sent) {
      if (!mutating.contains(call.getKey()) || checked.contains(call.getKey())) { // each kind once: the CLI is slow to start
        continue;
      }
      Path request = Files.writeString(dir.resolve(call.getKey() + checked.size() + ".json"), call.getValue().toString());
      String operation = call.getKey().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
      Processes.Result r = AwsCli.run(env, "ecs", operation, "--cli-input-json",
          "file://" + request, "--cli-connect-timeout", "2");
      assertTrue(!r.ok() && r.stderr().contains("Could not connect to the endpoint URL"),
          call.getKey() + " " + call.getValue() + ": " + r.stderr());
      checked.add(call.getKey());
    }
    assertEquals(mutating, checked, "each kind of request was judged");
  }

  private static void apply(FakeDaemonApi api, io.ecsl.deploy.plan.Plan plan) {
    DaemonPlanApplyTest.apply(api, plan, List.of());
  }
}
