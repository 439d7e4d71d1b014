package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/managed-daemon planned, applied and destroyed on the local runtime, which implements the
 * Managed Daemons API (moto has none, see MotoGaps): apply registers the daemon task definition,
 * creates the daemon after its Managed Instances provider and follows its deployment to
 * SUCCESSFUL; a plan right after finds nothing to change; a new agent image registers a revision
 * and redeploys the daemon in place, its rollout shown in the plan; destroy deletes the daemon
 * before its capacity provider and cluster. The sample's five-minute bake is left out here so the
 * deployments end at once, and its web service runs one task (one instance) to keep the test short.
 */
@NeedsDocker
class DaemonOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @RegisterExtension final TestRuntime runtime = new TestRuntime();
  @TempDir Path dir;

  private Path project(String agentImage) throws Exception {
    String sample = Files.readString(RepoPaths.samples().resolve("managed-daemon/main.ecs"));
    String source = sample.replace("deployment { drain_percent = 25%, bake = 5m }", "deployment { drain_percent = 50% }")
        .replaceFirst("image = \"ecsl/busybox:1.35\"", "image = \"" + agentImage + "\"")
        .replace("desired = 4", "desired = 1"); // one instance: the daemon rolls it, not four web tasks'
    assertTrue(source.contains("drain_percent = 50%") && source.contains(agentImage) && source.contains("desired = 1"),
        "the sample changed: update this test");
    return TestRuntime.project(dir.resolve("project"), source);
  }

  private Map<String, String> actions(Path project) {
    Processes.Result plan = runtime.plan(project, "--format", "json");
    assertEquals(0, plan.exitCode(), plan.output());
    Map<String, String> out = new TreeMap<>();
    for (JsonNode r : Json.parse(plan.stdout()).path("resources")) {
      out.put(r.path("address").asText(), r.path("action").asText());
    }
    return out;
  }

  @Test
  void theDaemonIsAppliedPlansCleanRedeploysANewImageAndIsDestroyed() throws Exception {
    Path v1 = project("ecsl/busybox:1.35");
    Processes.Result apply = runtime.apply(v1);
    assertEquals(0, apply.exitCode(), apply.output());
    assertTrue(apply.output().contains("daemon deployment SUCCESSFUL"), apply.output());

    Processes.Result clean = runtime.plan(v1, "--detailed-exitcode");
    assertEquals(0, clean.exitCode(), clean.output());
    assertTrue(clean.stdout().contains("No changes"), clean.output());

    Path v2 = project("ecsl/busybox:latest");
    Map<String, String> actions = actions(v2);
    assertEquals("redeploy", actions.get("daemon apps/log-agent"), actions.toString());
    assertEquals("new-revision", actions.get("daemon task definition log-agent"), actions.toString());
    assertEquals(2, actions.values().stream().filter(a -> !a.equals("no-change")).count(), actions.toString());
    Processes.Result shown = runtime.plan(v2);
    assertTrue(shown.stdout().contains("gets a new revision: the daemon deployment rolls instances 50% at a time, no bake"),
        shown.output());
    Processes.Result update = runtime.apply(v2);
    assertEquals(0, update.exitCode(), update.output());
    assertTrue(update.output().contains("UpdateDaemon") && update.output().contains("daemon deployment SUCCESSFUL"),
        update.output());
    Processes.Result after = runtime.plan(v2, "--detailed-exitcode");
    assertEquals(0, after.exitCode(), after.output());

    Processes.Result destroy = ECSL.run("destroy", v2.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir());
    assertEquals(0, destroy.exitCode(), destroy.output());
    assertTrue(destroy.output().contains("daemon apps/log-agent"), destroy.output());
    Map<String, String> gone = actions(v2);
    assertTrue(gone.values().stream().allMatch("create"::equals), "destroy left something: " + gone);
  }
}
