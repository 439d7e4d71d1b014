package io.ecsl.deploy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.TestSupport;
import io.ecsl.deploy.state.BuildState;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.deploy.target.Refresher;
import io.ecsl.emit.BuildWriter;
import io.ecsl.model.EcsModel;
import io.ecsl.model.ResourceKind;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What apply is told to send when a resource exists but differs, and how an offline plan reports a
 * damaged previous build. The planner compares tag-less views of the requests; the requests it
 * sends must keep the declared tags (a new revision, a replaced service), or the next plan would
 * find them missing.
 */
class PlannerTest {
  @TempDir Path tmp;

  private LiveState liveFrom(EcsModel model, ResourceId changed, String request, String member, JsonNode value)
      throws IOException {
    Path build = tmp.resolve("build");
    BuildWriter.write(build, BuildWriter.files(model));
    LiveState live = new LiveState(false);
    for (LiveResource r : BuildState.load(build, Refresher.OWNER_TAG).all()) {
      Map<String, ObjectNode> requests = new LinkedHashMap<>(r.requests());
      if (r.id().equals(changed)) {
        ObjectNode body = requests.get(request).deepCopy();
        if (body.has("containerDefinitions")) {
          ((ObjectNode) body.path("containerDefinitions").get(0)).set(member, value);
        } else {
          body.set(member, value);
        }
        requests.put(request, body);
      }
      live.put(new LiveResource(r.id(), requests, r.tags(), "arn:aws:ecs:eu-west-1:123456789012:x/" + r.id().name(),
          "v1", r.ids()));
    }
    return live;
  }

  private static Map<String, String> tags(JsonNode body) {
    Map<String, String> out = new TreeMap<>();
    body.path("tags").forEach(t -> out.put(t.path("key").asText(), t.path("value").asText()));
    return out;
  }

  @Test
  void aNewRevisionIsRegisteredWithTheDeclaredTags() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    ResourceId task = new ResourceId(ResourceKind.TASK_DEFINITION, null, "web");
    LiveState live = liveFrom(model, task, "RegisterTaskDefinition", "image",
        com.fasterxml.jackson.databind.node.TextNode.valueOf("ghcr.io/acme/web:1.0.0"));
    ResourcePlan plan = plan(model, live, task);
    assertEquals(Action.NEW_REVISION, plan.action());
    Step register = plan.steps().get(0);
    assertEquals("RegisterTaskDefinition", register.operation());
    assertEquals(Map.of("env", "staging", "team", "storefront", Refresher.OWNER_TAG, "shop"), tags(register.body()));
    assertEquals("ghcr.io/acme/web:1.4.2", register.body().path("containerDefinitions").get(0).path("image").asText());
  }

  @Test
  void aReplacedServiceIsCreatedWithTheDeclaredTags() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    ResourceId web = new ResourceId(ResourceKind.SERVICE, "storefront", "web");
    LiveState live = liveFrom(model, web, "CreateService", "launchType",
        com.fasterxml.jackson.databind.node.TextNode.valueOf("EC2"));
    ResourcePlan plan = plan(model, live, web);
    assertEquals(Action.REPLACE, plan.action());
    Step create = plan.steps().stream().filter(s -> s.operation().equals("CreateService")).findFirst().orElseThrow();
    assertEquals(Map.of("env", "staging", "team", "storefront", Refresher.OWNER_TAG, "shop"), tags(create.body()));
    assertEquals("FARGATE", create.body().path("launchType").asText());
  }

  @Test
  void aDamagedPreviousBuildNamesTheFile() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    Path build = tmp.resolve("damaged");
    BuildWriter.write(build, BuildWriter.files(model));
    Files.writeString(build.resolve("task-definitions/web.json"), "{ not json");
    IOException e = assertThrows(IOException.class, () -> Deployer.planAgainst(model, build));
    assertTrue(e.getMessage().contains("cannot read") && e.getMessage().contains("task-definitions/web.json"), e.getMessage());
    // where in the file, in words, rather than Jackson's "[Source: REDACTED …]"
    assertTrue(e.getMessage().contains("(at line 1, column ") && !e.getMessage().contains("Source:"), e.getMessage());
    // and what to do about it
    assertTrue(e.getMessage().contains("build the project into that directory again (ecsl build … --out " + build + ")"),
        e.getMessage());
  }

  private static ResourcePlan plan(EcsModel model, LiveState live, ResourceId id) {
    Plan plan = Planner.plan(model, live, "test", 5);
    return plan.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static final Path DEPLOYMENTS = RepoPaths.root().resolve("compiler/src/test/resources/golden/build/deployments/input");

  @Test
  void aStrategyChangeIsInPlaceAndSaysWhatTheNextDeploymentWillDo() throws IOException {
    EcsModel model = TestSupport.compile(DEPLOYMENTS);
    ResourceId canary = new ResourceId(ResourceKind.SERVICE, "prod", "canary");
    ObjectNode rolling = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("strategy", "ROLLING");
    ResourcePlan plan = plan(model, liveFrom(model, canary, "CreateService", "deploymentConfiguration", rolling), canary);
    assertEquals(Action.UPDATE, plan.action(), plan.reasons().toString());
    assertEquals(java.util.List.of("deployment strategy ROLLING → CANARY changes in place; no deployment starts now, the next "
        + "one is a canary deployment (10% for 5m, then 100%, bake 10m; lambda smoke at post_scale_up; pause at "
        + "post_test_traffic_shift (up to 2h, then continue))"), plan.reasons());
    assertEquals("CANARY", plan.steps().get(0).body().path("deploymentConfiguration").path("strategy").asText());
  }

  @Test
  void aDeclarationNamingNoStrategyMakesACanaryServiceRollingAgain() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    ResourceId web = new ResourceId(ResourceKind.SERVICE, "storefront", "web");
    JsonNode canary = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("strategy", "CANARY")
        .put("bakeTimeInMinutes", 10);
    ResourcePlan plan = plan(model, liveFrom(model, web, "CreateService", "deploymentConfiguration", canary), web);
    JsonNode sent = plan.steps().get(0).body().path("deploymentConfiguration");
    assertTrue(plan.reasons().stream().anyMatch(r -> r.startsWith("deployment strategy CANARY → ROLLING changes in place")),
        plan.reasons().toString());
    assertEquals("ROLLING", sent.path("strategy").asText(), sent.toString());
  }

  @Test
  void aNewRevisionSaysTheStepsItsDeploymentWillTake() throws IOException {
    EcsModel model = TestSupport.compile(DEPLOYMENTS);
    ResourceId task = new ResourceId(ResourceKind.TASK_DEFINITION, null, "web");
    Plan plan = Planner.plan(model, liveFrom(model, task, "RegisterTaskDefinition", "image",
        com.fasterxml.jackson.databind.node.TextNode.valueOf("ghcr.io/acme/app:1.4.1")), "test", 5);
    Map<String, String> reasons = new TreeMap<>();
    plan.resources().stream().filter(r -> r.id().kind() == ResourceKind.SERVICE)
        .forEach(r -> reasons.put(r.id().name(), String.join(" | ", r.reasons())));
    assertEquals(Map.of(
        "blue-green", "task definition web gets a new revision: blue/green deployment (all traffic at once, bake 10m; "
            + "lambda notify at pre_scale_up, post_production_traffic_shift)",
        "canary", "task definition web gets a new revision: canary deployment (10% for 5m, then 100%, bake 10m; lambda smoke "
            + "at post_scale_up; pause at post_test_traffic_shift (up to 2h, then continue))",
        "linear", "task definition web gets a new revision: linear deployment (20% every 2m (20%, 40%, 60%, 80%, 100%), bake 5m)",
        "rolling", "task definition web gets a new revision: rolling deployment"), reasons);
  }

  @Test
  void aServiceWhoseLastDeploymentFailedIsDeployedAgainThoughNothingChanged() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    ResourceId service = new ResourceId(ResourceKind.SERVICE, "storefront", "web");
    LiveState steady = liveFrom(model, null, null, null, null);
    assertEquals(Action.NO_CHANGE, plan(model, steady, service).action(), "the build's own state plans clean");

    LiveState failed = new LiveState(false);
    for (LiveResource r : steady.all()) {
      Map<String, String> ids = new LinkedHashMap<>(r.ids());
      if (r.id().equals(service)) {
        ids.put("rolloutState", "FAILED");
        ids.put("rolloutStateReason", "ECS deployment circuit breaker: tasks failed to start.");
        ids.put("runningCount", "0");
        ids.put("desiredCount", "2");
      }
      failed.put(new LiveResource(r.id(), r.requests(), r.tags(), r.arn(), r.version(), ids));
    }
    ResourcePlan plan = plan(model, failed, service);
    assertEquals(Action.REDEPLOY, plan.action());
    assertTrue(plan.reasons().get(0).contains("last deployment FAILED (ECS deployment circuit breaker: tasks failed to"
        + " start.) and it runs 0 of 2 tasks"), plan.reasons().toString());
    assertEquals("UpdateService", plan.steps().get(0).operation());
    assertTrue(plan.steps().get(0).body().path("forceNewDeployment").asBoolean(), plan.steps().get(0).body().toString());
    assertEquals("WaitServiceStable", plan.steps().get(1).operation());

    LiveState failedButRunning = new LiveState(false);
    for (LiveResource r : failed.all()) {
      Map<String, String> ids = new LinkedHashMap<>(r.ids());
      if (r.id().equals(service)) {
        ids.put("runningCount", "2");
      }
      failedButRunning.put(new LiveResource(r.id(), r.requests(), r.tags(), r.arn(), r.version(), ids));
    }
    assertEquals(Action.NO_CHANGE, plan(model, failedButRunning, service).action(),
        "a failed deployment rolled back to a revision that runs every task is not redeployed");
  }

  @Test
  void afterARollbackADeclarationEqualToTheRunningRevisionRegistersNothingAndDeploysNothing() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    ResourceId task = new ResourceId(ResourceKind.TASK_DEFINITION, null, "web");
    ResourceId service = new ResourceId(ResourceKind.SERVICE, "storefront", "web");
    String arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:";
    // web:2 (a bad image) was rolled back; the service runs web:1, which is what is declared again.
    LiveState rolledBack = new LiveState(false);
    for (LiveResource r : liveFrom(model, task, "RegisterTaskDefinition", "image",
        com.fasterxml.jackson.databind.node.TextNode.valueOf("ghcr.io/acme/web:broken")).all()) {
      Map<String, ObjectNode> requests = new LinkedHashMap<>(r.requests());
      String version = r.version();
      if (r.id().equals(service)) {
        requests.put("CreateService", requests.get("CreateService").deepCopy().put("taskDefinition", arn + "1"));
      } else if (r.id().equals(task)) {
        version = arn + "2";
      }
      rolledBack.put(new LiveResource(r.id(), requests, r.tags(), r.arn(), version, r.ids()));
    }
    rolledBack.latestRevision("web", arn + "2");
    ResourcePlan newRevision = plan(model, rolledBack, task);
    assertEquals(Action.NEW_REVISION, newRevision.action(), "without the running revision's content, web:3 is made");

    ObjectNode running = model.find(ResourceKind.TASK_DEFINITION, null, "web").primary().body().deepCopy();
    running.put("taskDefinitionArn", arn + "1");
    rolledBack.revisionInUse("web", running);
    ResourcePlan td = plan(model, rolledBack, task);
    assertEquals(Action.NO_CHANGE, td.action(), td.reasons().toString());
    assertTrue(td.reasons().get(0).contains("matches web:1, which its services run"), td.reasons().toString());
    ResourcePlan svc = plan(model, rolledBack, service);
    assertEquals(Action.NO_CHANGE, svc.action(), "the service keeps web:1 rather than redeploying web:2: "
        + svc.reasons() + svc.changes());
  }

  @Test
  void anOfflinePlanReadsEachResourceOfThePreviousBuildOnce() throws IOException {
    // A previous build's resources are deferred file reads, parsed by the thread that plans them
    // and not kept: reading one twice (an earlier ownership pass did) doubled the plan's work.
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    Path build = tmp.resolve("build");
    BuildWriter.write(build, BuildWriter.files(model));
    LiveState previous = BuildState.load(build, Refresher.OWNER_TAG);
    LiveState counted = new LiveState(true);
    Map<ResourceId, java.util.concurrent.atomic.AtomicInteger> reads = new java.util.concurrent.ConcurrentHashMap<>();
    for (ResourceId id : previous.ids()) {
      reads.put(id, new java.util.concurrent.atomic.AtomicInteger());
      counted.defer(id, () -> {
        reads.get(id).incrementAndGet();
        return previous.get(id);
      });
    }

    Plan plan = Planner.plan(model, counted, build.toString(), 5);

    assertTrue(reads.size() > 3, "the sample declares several resources");
    reads.forEach((id, n) -> assertEquals(1, n.get(), id + " was read " + n.get() + " times"));
    assertEquals(reads.size(), plan.resources().size());
  }

  @Test
  void resourcesOfAnotherProjectAreRefusedNotTakenOver() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));  // project `shop`
    Path build = tmp.resolve("build");
    BuildWriter.write(build, BuildWriter.files(model));
    LiveState live = new LiveState(false);
    ResourceId cluster = new ResourceId(ResourceKind.CLUSTER, null, "storefront");
    for (LiveResource r : BuildState.load(build, Refresher.OWNER_TAG).all()) {
      Map<String, String> tags = new TreeMap<>(r.tags());
      if (r.id().equals(cluster)) {
        tags.put(Refresher.OWNER_TAG, "billing");
      }
      live.put(new LiveResource(r.id(), r.requests(), tags, "arn:aws:ecs:eu-west-1:123456789012:x/" + r.id().name(), "v1",
          r.ids()));
    }

    OwnershipConflict refused = assertThrows(OwnershipConflict.class, () -> Planner.plan(model, live, "aws", 5));
    assertEquals(java.util.List.of("cluster storefront exists and belongs to project `billing` (tag ecsl:project ="
        + " billing); project `shop` would take it over, and its destroy would delete it. Rename it here, or, to move"
        + " it to this project, remove the tag from it in the target"), refused.conflicts());

    // the same resources owned by this project, or by none, plan as before
    LiveState untagged = new LiveState(false);
    for (LiveResource r : live.all()) {
      Map<String, String> tags = new TreeMap<>(r.tags());
      tags.remove(Refresher.OWNER_TAG);
      untagged.put(new LiveResource(r.id(), r.requests(), tags, r.arn(), "v1", r.ids()));
    }
    Planner.plan(model, untagged, "aws", 5);
  }

  @Test
  void aDestroySaysSoWhereARemovedDeclarationSaysItIsNoLongerDeclared() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    Path build = tmp.resolve("owned");
    BuildWriter.write(build, BuildWriter.files(model));
    LiveState live = BuildState.load(build, Refresher.OWNER_TAG);  // everything tagged for project `shop`

    Plan destroy = Planner.destroy(model, live, "aws");
    assertTrue(destroy.resources().size() > 0);
    for (ResourcePlan r : destroy.resources()) {
      assertEquals(Action.DELETE, r.action());
      assertTrue(String.join(" ", r.reasons()).contains("owned by project shop, which is being destroyed"), r.reasons().toString());
    }
    EcsModel emptied = new EcsModel(model.project(), model.region(), model.accountId(), java.util.List.of());
    for (ResourcePlan r : Planner.plan(emptied, live, "aws", 5).resources()) {
      assertTrue(String.join(" ", r.reasons()).contains("no longer declared"), r.reasons().toString());
    }
  }
}
