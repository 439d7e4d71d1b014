package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.Main;
import io.ecsl.deploy.target.SdkAwsApi;
import io.ecsl.deploy.target.TargetOptions;
import io.ecsl.emit.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.MotoGaps;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply and destroy end to end against a real moto_server (one per class): every sample
 * applies and then plans clean; one changed field is exactly one change; a removed service is the
 * only deletion; what ecsl did not create survives plan and destroy. Each test works in its own
 * region, so projects never see each other.
 */
@NeedsMoto
class DeployCommandsTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final AtomicInteger REGION = new AtomicInteger();
  private static final String[] REGIONS = {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
      "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
      "ap-southeast-2", "ca-central-1", "sa-east-1", "eu-south-1", "me-south-1", "af-south-1", "ap-east-1"};
  private static DeployOnMoto moto;

  @TempDir Path tmp;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = DeployOnMoto.start();
  }

  @AfterAll
  static void stopMoto() {
    moto.close();
  }

  private static String region() {
    return REGIONS[REGION.getAndIncrement() % REGIONS.length];
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> s = Files.list(RepoPaths.samples())) {
      return s.filter(p -> Files.isDirectory(p)).sorted().toList();
    }
  }

  private Path copy(String sample) throws IOException {
    Path from = RepoPaths.samples().resolve(sample);
    Path to = tmp.resolve(sample);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static SdkAwsApi api(String region) {
    return new SdkAwsApi(new TargetOptions(TargetOptions.Kind.aws, moto.uri(), region, null, true));
  }

  @Test
  void everySampleAppliesThenPlansWithNoChanges() throws IOException {
    List<Path> samples = samples();
    assertFalse(samples.isEmpty(), "no samples found");
    for (Path sample : samples) {
      if (MotoGaps.SAMPLES.containsKey(sample.getFileName().toString())) {
        continue; // see MotoGaps: applied to the local runtime instead
      }
      String region = region();
      Processes.Result apply = ECSL.run(moto.args("apply", region, sample.toString(), "--auto-approve", "--no-wait"));
      assertEquals(0, apply.exitCode(), sample + ": " + apply);
      Processes.Result plan = ECSL.run(moto.args("plan", region, sample.toString(), "--detailed-exitcode"));
      assertEquals(0, plan.exitCode(), sample + " should plan clean after apply: " + plan);
      assertTrue(plan.stdout().contains("No changes"), plan.toString());
    }
  }

  @Test
  void oneChangedFieldIsExactlyOneChange() throws IOException {
    String region = region();
    Path project = copy("fargate-web");
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    Path main = project.resolve("main.ecs");
    Files.writeString(main, Files.readString(main).replace("grace_period = 30s", "grace_period = 45s"));
    Processes.Result plan = ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode"));
    assertEquals(2, plan.exitCode(), plan.toString());
    assertTrue(plan.stdout().contains("healthCheckGracePeriodSeconds: 30 → 45"), plan.toString());
    Processes.Result json = ECSL.run(moto.args("plan", region, project.toString(), "--format", "json"));
    JsonNode root = Json.mapper().readTree(json.stdout());
    List<JsonNode> changed = new ArrayList<>();
    root.path("resources").forEach(r -> {
      if (!r.path("action").asText().equals("no-change")) {
        changed.add(r);
      }
    });
    assertEquals(1, changed.size(), json.stdout());
    assertEquals("service storefront/web", changed.get(0).path("address").asText());
    assertEquals("update", changed.get(0).path("action").asText());
    assertEquals(1, changed.get(0).path("changes").size());
    assertEquals("/healthCheckGracePeriodSeconds", changed.get(0).path("changes").get(0).path("pointer").asText());
    // apply it, and the plan is clean again
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode")).exitCode());
  }

  @Test
  void aRemovedServiceIsDeletedAndNothingElse() throws IOException {
    String region = region();
    Path project = copy("service-connect");
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    Path main = project.resolve("main.ecs");
    String text = Files.readString(main);
    int start = text.indexOf("service web in shop");
    Files.writeString(main, text.substring(0, start));
    Processes.Result json = ECSL.run(moto.args("plan", region, project.toString(), "--format", "json", "--detailed-exitcode"));
    assertEquals(2, json.exitCode(), json.toString());
    JsonNode root = Json.mapper().readTree(json.stdout());
    List<String> changed = new ArrayList<>();
    root.path("resources").forEach(r -> {
      if (!r.path("action").asText().equals("no-change")) {
        changed.add(r.path("action").asText() + " " + r.path("address").asText());
      }
    });
    assertEquals(List.of("delete service shop/web"), changed);
    Processes.Result apply = ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait"));
    assertEquals(0, apply.exitCode(), apply.toString());
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode")).exitCode());
  }

  @Test
  void resourcesCreatedOutsideEcslSurvivePlanAndDestroy() throws IOException {
    String region = region();
    Path project = copy("hello-local");
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    try (SdkAwsApi api = api(region)) {
      api.call("ecs", "CreateCluster", JSON.objectNode().put("clusterName", "outsider"));
      ObjectNode td = JSON.objectNode().put("family", "outsider-task");
      td.putArray("containerDefinitions").addObject().put("name", "c").put("image", "busybox").put("memory", 64);
      api.call("ecs", "RegisterTaskDefinition", td);
      api.call("ecs", "CreateService", JSON.objectNode().put("cluster", "local").put("serviceName", "outsider-svc")
          .put("taskDefinition", "outsider-task").put("desiredCount", 1));
    }
    Processes.Result plan = ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode"));
    assertEquals(0, plan.exitCode(), plan.toString());
    Processes.Result destroy = ECSL.run(moto.args("destroy", region, project.toString(), "--auto-approve", "--poll-interval", "0s"));
    assertTrue(destroy.stdout().contains("delete") && destroy.stdout().contains("service local/hello"), destroy.toString());
    assertFalse(destroy.stdout().contains("outsider"), destroy.toString());
    try (SdkAwsApi api = api(region)) {
      ObjectNode req = JSON.objectNode();
      req.putArray("clusters").add("outsider");
      assertEquals("ACTIVE", api.call("ecs", "DescribeClusters", req).path("clusters").path(0).path("status").asText());
      JsonNode td = api.call("ecs", "DescribeTaskDefinition", JSON.objectNode().put("taskDefinition", "outsider-task"));
      assertEquals("ACTIVE", td.path("taskDefinition").path("status").asText());
      ObjectNode svc = JSON.objectNode().put("cluster", "local");
      svc.putArray("services").add("outsider-svc");
      assertEquals("ACTIVE", api.call("ecs", "DescribeServices", svc).path("services").path(0).path("status").asText());
      ObjectNode mine = JSON.objectNode().put("cluster", "local");
      mine.putArray("services").add("hello");
      JsonNode hello = api.call("ecs", "DescribeServices", mine).path("services").path(0);
      assertTrue(hello.isMissingNode() || !hello.path("status").asText().equals("ACTIVE"), hello.toString());
    }
  }

  @Test
  void applyWithoutATerminalRefusesWithoutAutoApprove() {
    String region = region();
    Processes.Result apply = ECSL.run(moto.args("apply", region, RepoPaths.samples().resolve("hello-local").toString()));
    assertEquals(1, apply.exitCode(), apply.toString());
    assertTrue(apply.stderr().contains("refusing to apply these changes without confirmation"), apply.toString());
    assertTrue(apply.stderr().contains("--auto-approve"), apply.toString());
  }

  @Test
  void aSavedPlanAppliesOnceAndIsRefusedWhenTheTargetChanged() throws IOException {
    String region = region();
    Path project = copy("hello-local");
    Path planFile = tmp.resolve("plan.json");
    Processes.Result plan = ECSL.run(moto.args("plan", region, project.toString(), "--out", planFile.toString()));
    assertEquals(0, plan.exitCode(), plan.toString());
    assertTrue(plan.stdout().contains("apply exactly this plan with `ecsl apply " + planFile + " --target aws --endpoint "
        + moto.endpoint() + "`"), plan.toString());
    Processes.Result apply = ECSL.run(moto.args("apply", region, planFile.toString(), "--auto-approve", "--no-wait"));
    assertEquals(0, apply.exitCode(), apply.toString());
    // a second plan, then someone changes the service behind its back
    Path second = tmp.resolve("team's second plan.json");
    Path main = project.resolve("main.ecs");
    Files.writeString(main, Files.readString(main).replace("desired = 2", "desired = 3"));
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--out", second.toString())).exitCode());
    try (SdkAwsApi api = api(region)) {
      api.call("ecs", "UpdateService", JSON.objectNode().put("cluster", "local").put("service", "hello").put("desiredCount", 5));
    }
    Processes.Result stale = ECSL.run(moto.args("apply", region, second.toString(), "--auto-approve", "--no-wait"));
    assertEquals(1, stale.exitCode(), stale.toString());
    assertTrue(stale.stderr().contains("is stale") && stale.stderr().contains("service local/hello changed"), stale.toString());
    // the command it suggests names that file, however its name is spelt
    String quoted = "'" + second.toString().replace("'", "'\\''") + "'";
    assertTrue(stale.stderr().contains("Run `ecsl plan --out " + quoted + "` again"), stale.toString());
  }

  @Test
  void planAgainstAPreviousBuildNeedsNoTarget() throws IOException {
    Path project = copy("spot-mix");
    Path previous = tmp.resolve("previous-build");
    Processes.Result build = ECSL.run("build", project.toString(), "-o", previous.toString());
    assertEquals(0, build.exitCode(), build.toString());
    Processes.Result same = ECSL.run("plan", project.toString(), "--against", previous.toString(), "--detailed-exitcode");
    assertEquals(0, same.exitCode(), same.toString());
    Path main = project.resolve("main.ecs");
    String text = Files.readString(main);
    String changed = text.replaceFirst("desired = (\\d+)", "desired = 7");
    assertFalse(text.equals(changed), "spot-mix has no `desired =` to change");
    Files.writeString(main, changed);
    Processes.Result plan = ECSL.run("plan", project.toString(), "--against", previous.toString(), "--detailed-exitcode",
        "--format", "markdown");
    assertEquals(2, plan.exitCode(), plan.toString());
    assertTrue(plan.stdout().contains("`desiredCount`") && plan.stdout().contains("`7`"), plan.toString());
  }
}
