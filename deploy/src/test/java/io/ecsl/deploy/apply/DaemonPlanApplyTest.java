package io.ecsl.deploy.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.TestSupport;
import io.ecsl.deploy.plan.Action;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.PlanJson;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.render.TextRenderer;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.model.EcsModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managed Daemons through refresh, plan, apply and destroy against the daemon API in memory
 * ({@link FakeDaemonApi}; moto has no daemon API, and the CLI test on the local runtime covers the
 * real one): created with their deployment followed, planned clean afterwards although the target's
 * account and chosen drain percent are not the declaration's, a new image registering a revision
 * and redeploying the daemon with its rollout shown, tags changed in place, a rolled-back deployment
 * failing the apply with its reason, and destroy deleting the daemon before its task definitions.
 */
class DaemonPlanApplyTest {
  @TempDir Path dir;

  private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/apps";
  static final String PROVIDER = "arn:aws:ecs:us-east-1:123456789012:capacity-provider/";

  private EcsModel compile(String image, String providers, String deployment, String tags) throws Exception {
    return compile(dir, image, providers, deployment, tags);
  }

  /** A daemon of a cluster and capacity providers given by ARN (declared elsewhere), in {@code dir}/main.ecs. */
  static EcsModel compile(Path dir, String image, String providers, String deployment, String tags) throws Exception {
    Files.writeString(dir.resolve("main.ecs"), "project { name = \"agents\" }\n"
        + "daemon log-agent {\n"
        + "  cluster = \"" + CLUSTER + "\"\n"
        + "  capacity_providers = [" + providers + "]\n"
        + "  cpu = 0.25 vcpu\n  memory = 256 MiB\n"
        + "  container agent { image = \"" + image + "\" }\n"
        + deployment + tags + "}\n");
    return TestSupport.compile(dir);
  }

  private EcsModel compile(String image) throws Exception {
    return compile(dir, image);
  }

  static EcsModel compile(Path dir, String image) throws Exception {
    return compile(dir, image, "\"" + PROVIDER + "mi-a\"", "  deployment { drain_percent = 25%, bake = 5m }\n",
        "  tags { team = \"platform\" }\n");
  }

  private static Map<String, Action> actions(Plan plan) {
    Map<String, Action> out = new TreeMap<>();
    plan.resources().forEach(r -> out.put(r.address(), r.action()));
    return out;
  }

  private static ResourcePlan find(Plan plan, String address) {
    return plan.resources().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
  }

  /** Applies; returns the progress lines. */
  static List<String> apply(FakeDaemonApi api, Plan plan, List<String> expectedFailures) {
    List<String> progress = new CopyOnWriteArrayList<>();
    ApplyListener listener = new ApplyListener() {
      @Override public void started(String address, String action) {}
      @Override public void progress(String address, String message) { progress.add(address + ": " + message); }
      @Override public void finished(String address, String action, Duration elapsed) {}
      @Override public void failed(String address, String message, Duration elapsed) { progress.add(address + " FAILED: " + message); }
      @Override public void skipped(String address, String why) {}
    };
    ApplyResult result = new Applier(api, new Applier.Options(true, Duration.ofSeconds(5), Duration.ZERO, 2))
        .apply(plan, listener);
    assertEquals(expectedFailures.size(), result.failed().size(), result.failed() + " " + progress);
    for (int i = 0; i < expectedFailures.size(); i++) {
      assertTrue(result.failed().get(i).contains(expectedFailures.get(i)), result.failed().toString());
    }
    return progress;
  }

  @Test
  void aDaemonIsCreatedPlansCleanRedeploysANewImageAndIsDestroyedBeforeItsDefinition() throws Exception {
    FakeDaemonApi api = new FakeDaemonApi();
    EcsModel v1 = compile("ecsl/busybox:1.35");
    Plan create = Deployer.plan(v1, api, "fake", 5);
    assertEquals(Map.of("daemon apps/log-agent", Action.CREATE, "daemon task definition log-agent", Action.CREATE),
        actions(create));
    assertTrue(find(create, "daemon apps/log-agent").reasons().get(0).contains("rolls instances 25% at a time, bake 5m"),
        find(create, "daemon apps/log-agent").reasons().toString());
    assertEquals(List.of("daemon task definition log-agent"), find(create, "daemon apps/log-agent").dependsOn());
    List<String> progress = apply(api, create, List.of());
    assertTrue(progress.contains("daemon apps/log-agent: daemon deployment SUCCESSFUL: 2 of 2 instances on the new revision"),
        progress.toString());
    assertEquals(FakeDaemonApi.PREFIX + "daemon-task-definition/log-agent:1",
        api.requests.get("CreateDaemon").path("daemonTaskDefinitionArn").asText(), "the registered revision's ARN is sent");
    assertEquals("agents", api.tags.get(FakeDaemonApi.PREFIX + "daemon/apps/log-agent").get("ecsl:project"));

    Plan again = Deployer.plan(v1, api, "fake", 5);
    assertFalse(again.hasChanges(), "a plan after apply has changes: " + actions(again) + " "
        + find(again, "daemon apps/log-agent").changes());

    EcsModel v2 = compile("ecsl/busybox:latest");
    Plan redeploy = Deployer.plan(v2, api, "fake", 5);
    assertEquals(Map.of("daemon apps/log-agent", Action.REDEPLOY, "daemon task definition log-agent", Action.NEW_REVISION),
        actions(redeploy));
    ResourcePlan daemon = find(redeploy, "daemon apps/log-agent");
    assertEquals(List.of("daemon task definition log-agent gets a new revision: the daemon deployment rolls instances 25%"
        + " at a time, bake 5m"), daemon.reasons());
    assertEquals("log-agent:1", daemon.changes().get(0).before().asText());
    assertEquals("log-agent:(new revision)", daemon.changes().get(0).after().asText());
    String text = TextRenderer.render(PlanJson.write(redeploy, false), false);
    assertTrue(text.contains("rolls instances 25% at a time, bake 5m"), text);
    apply(api, redeploy, List.of());
    assertEquals(FakeDaemonApi.PREFIX + "daemon-task-definition/log-agent:2",
        api.requests.get("UpdateDaemon").path("daemonTaskDefinitionArn").asText());
    assertFalse(Deployer.plan(v2, api, "fake", 5).hasChanges());

    Plan destroy = Deployer.destroyPlan(v2, api, "fake");
    assertEquals(Map.of("daemon apps/log-agent", Action.DELETE, "daemon task definition log-agent", Action.DELETE),
        actions(destroy));
    api.calls.clear();
    apply(api, destroy, List.of());
    assertTrue(api.calls.indexOf("DeleteDaemon") < api.calls.indexOf("DeleteDaemonTaskDefinition"), api.calls.toString());
    assertEquals(2, api.count("DeleteDaemonTaskDefinition"), "every ACTIVE revision is deleted: " + api.calls);
    assertTrue(api.daemons.isEmpty());
    assertEquals(Map.of(), actions(Deployer.destroyPlan(v2, api, "fake")));
  }

  @Test
  void providersAndDeploymentChangeInPlaceAndTagsAloneStartNoDeployment() throws Exception {
    FakeDaemonApi api = new FakeDaemonApi();
    EcsModel v1 = compile("ecsl/busybox:1.35", "\"" + PROVIDER + "mi-a\"", "", "");
    apply(api, Deployer.plan(v1, api, "fake", 5), List.of());
    Plan clean = Deployer.plan(v1, api, "fake", 5);
    assertFalse(clean.hasChanges(), "a drain percent ECS chose is not a change: " + find(clean, "daemon apps/log-agent").changes());

    EcsModel wider = compile("ecsl/busybox:1.35", "\"" + PROVIDER + "mi-b\", \"" + PROVIDER + "mi-a\"",
        "  deployment { drain_percent = 50% }\n", "");
    Plan update = Deployer.plan(wider, api, "fake", 5);
    assertEquals(Map.of("daemon apps/log-agent", Action.REDEPLOY, "daemon task definition log-agent", Action.NO_CHANGE),
        actions(update));
    ResourcePlan daemon = find(update, "daemon apps/log-agent");
    assertEquals(List.of("changing capacityProviderArns, deploymentConfiguration starts a daemon deployment (UpdateDaemon"
        + " drains and replaces the instances): rolls instances 50% at a time, no bake"), daemon.reasons());
    apply(api, update, List.of());
    assertEquals(FakeDaemonApi.PREFIX + "daemon-task-definition/log-agent:1",
        api.requests.get("UpdateDaemon").path("daemonTaskDefinitionArn").asText(), "the existing revision is kept");
    assertEquals(2, api.requests.get("UpdateDaemon").path("capacityProviderArns").size());
    assertFalse(Deployer.plan(wider, api, "fake", 5).hasChanges());

    EcsModel tagged = compile("ecsl/busybox:1.35", "\"" + PROVIDER + "mi-b\", \"" + PROVIDER + "mi-a\"",
        "  deployment { drain_percent = 50% }\n", "  tags { team = \"platform\" }\n");
    Plan tags = Deployer.plan(tagged, api, "fake", 5);
    assertEquals(Action.UPDATE, actions(tags).get("daemon apps/log-agent"));
    api.calls.clear();
    apply(api, tags, List.of());
    assertFalse(api.calls.contains("UpdateDaemon"), api.calls.toString());
    assertEquals("platform", api.tags.get(FakeDaemonApi.PREFIX + "daemon/apps/log-agent").get("team"));
    assertFalse(Deployer.plan(tagged, api, "fake", 5).hasChanges());
  }

  @Test
  void aRolledBackDeploymentFailsTheApplyWithItsReasonAndIsDeployedAgain() throws Exception {
    FakeDaemonApi api = new FakeDaemonApi();
    apply(api, Deployer.plan(compile("ecsl/busybox:1.35"), api, "fake", 5), List.of());
    EcsModel v2 = compile("ecsl/busybox:broken");
    api.rollBackNext = "daemon task on instance i-0abc stopped: CannotPullContainerError";
    List<String> progress = apply(api, Deployer.plan(v2, api, "fake", 5), List.of("daemon apps/log-agent: the daemon"
        + " deployment failed and rolls back (ROLLBACK_SUCCESSFUL): daemon task on instance i-0abc stopped:"
        + " CannotPullContainerError"));
    assertFalse(progress.isEmpty());
    Plan again = Deployer.plan(v2, api, "fake", 5);
    ResourcePlan daemon = find(again, "daemon apps/log-agent");
    assertEquals(Action.REDEPLOY, daemon.action(), "the daemon runs revision 1 again");
    assertTrue(daemon.reasons().get(0).contains("ended ROLLBACK_SUCCESSFUL (daemon task on instance i-0abc stopped"),
        daemon.reasons().toString());
    assertEquals("log-agent:1", daemon.changes().get(0).before().asText());
    assertEquals("log-agent:2", daemon.changes().get(0).after().asText());
  }

  @Test
  void againstAPreviousBuildADaemonPlansCleanAndANewImageRedeploysIt() throws Exception {
    // Offline, a daemon's task definition is the build's placeholder on both sides: no ARN exists.
    Path build = dir.resolve("build");
    io.ecsl.emit.BuildWriter.write(build, io.ecsl.emit.BuildWriter.files(compile("ecsl/busybox:1.35")));
    Plan same = Deployer.planAgainst(compile("ecsl/busybox:1.35"), build);
    assertFalse(same.hasChanges(), actions(same).toString());
    Plan changed = Deployer.planAgainst(compile("ecsl/busybox:latest"), build);
    assertEquals(Map.of("daemon apps/log-agent", Action.REDEPLOY, "daemon task definition log-agent", Action.NEW_REVISION),
        actions(changed));
  }

  @Test
  void aTargetWithoutTheDaemonApiHasNoDaemonsUnlessTheProjectDeclaresOne() throws Exception {
    FakeDaemonApi api = new FakeDaemonApi();
    api.withoutDaemonApi = true;
    Files.writeString(dir.resolve("main.ecs"), "project { name = \"plain\" }\ncluster apps {}\n");
    Plan plain = Deployer.plan(TestSupport.compile(dir), api, "fake", 5);
    assertEquals(Map.of("cluster apps", Action.CREATE), actions(plain));
    assertEquals(1, api.calls.stream().filter(c -> c.contains("Daemon")).count(), "one probe: " + api.calls);
    ApiException e = assertThrows(ApiException.class, () -> Deployer.plan(compile("ecsl/busybox:1.35"), api, "fake", 5));
    assertTrue(e.getMessage().contains("the target does not answer the Managed Daemons API, which the project's daemons"
        + " need"), e.getMessage());
  }
}
