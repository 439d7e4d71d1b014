package io.ecsl.deploy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner fingerprints what it read from the canonical documents it already made for its
 * comparison; the stale check recomputes fingerprints from scratch. The two must agree, or every
 * saved plan would be refused (and they must disagree as soon as a compared field changes). Each
 * sample's build stands in for a target's answer here (the same documents, as a target would
 * report them after an apply); the end-to-end version against moto is in the CLI's
 * DeployCommandsTest.
 */
class FingerprintTest {
  @TempDir Path tmp;

  /** A sample's own build, as if a target reported it. */
  private LiveState targetHolding(EcsModel model, String name) throws IOException {
    Path build = tmp.resolve(name);
    BuildWriter.write(build, BuildWriter.files(model));
    LiveState online = new LiveState(false);
    for (LiveResource r : BuildState.load(build, Refresher.OWNER_TAG).all()) {
      online.put(new LiveResource(r.id(), r.requests(), r.tags(), null, "v1", r.ids()));
    }
    return online;
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> s = Files.list(RepoPaths.samples())) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void thePlannersFingerprintsAreTheStaleChecksForEverySample() throws IOException {
    List<Path> samples = samples();
    assertFalse(samples.isEmpty());
    for (Path sample : samples) {
      EcsModel model = TestSupport.compile(sample);
      LiveState live = targetHolding(model, sample.getFileName().toString());
      Plan plan = Planner.plan(model, live, "test", 5);
      assertFalse(plan.hasChanges(), sample + ": a build planned against itself has changes");
      for (ResourcePlan r : plan.resources()) {
        if (r.id().kind() != ResourceKind.ACCOUNT_SETTING) {
          assertNotNull(r.observed().fingerprint(), sample + ": " + r.address() + " has no fingerprint");
        }
      }
      assertEquals(List.of(), StaleCheck.check(plan, live), sample + ": the plan is stale against what it was planned from");
    }
  }

  @Test
  void aChangedFieldMakesThePlanStaleAnOwnedOneDoesNot() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    LiveState live = targetHolding(model, "fargate-web");
    Plan plan = Planner.plan(model, live, "test", 5);
    ResourceId web = new ResourceId(ResourceKind.SERVICE, "storefront", "web");
    ResourceId task = new ResourceId(ResourceKind.TASK_DEFINITION, null, "web");

    // desiredCount is owned by autoscaling in this sample: it changes under the plan by design.
    LiveState scaled = copyWith(live, web, "CreateService", body -> body.put("desiredCount", 9));
    assertEquals(List.of(), StaleCheck.check(plan, scaled));

    LiveState regraced = copyWith(live, web, "CreateService", body -> body.put("healthCheckGracePeriodSeconds", 99));
    assertEquals(List.of("service storefront/web changed since the plan was made"), StaleCheck.check(plan, regraced));

    LiveState reimaged = copyWith(live, task, "RegisterTaskDefinition",
        body -> ((ObjectNode) body.path("containerDefinitions").get(0)).put("image", "other:1"));
    assertEquals(List.of("task definition web changed since the plan was made"), StaleCheck.check(plan, reimaged));
  }

  @Test
  void anOfflinePlanHasNoFingerprintsSinceItCannotBeApplied() throws IOException {
    EcsModel model = TestSupport.compile(RepoPaths.samples().resolve("fargate-web"));
    Path build = tmp.resolve("offline");
    BuildWriter.write(build, BuildWriter.files(model));
    Plan plan = Deployer.planAgainst(model, build);
    assertTrue(plan.offline());
    for (ResourcePlan r : plan.resources()) {
      assertNotNull(r.observed(), r.address() + " is in the previous build: it was observed");
      assertNull(r.observed().fingerprint(), r.address());
    }
  }

  private interface Edit {
    void apply(ObjectNode body);
  }

  private static LiveState copyWith(LiveState live, ResourceId id, String request, Edit edit) {
    LiveState out = new LiveState(false);
    for (LiveResource r : live.all()) {
      if (r.id().equals(id)) {
        Map<String, ObjectNode> requests = new LinkedHashMap<>(r.requests());
        ObjectNode body = requests.get(request).deepCopy();
        edit.apply(body);
        requests.put(request, body);
        r = new LiveResource(r.id(), requests, r.tags(), r.arn(), r.version(), r.ids());
      }
      out.put(r);
    }
    return out;
  }
}
