package io.ecsl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.apply.Applier;
import io.ecsl.deploy.apply.ApplyListener;
import io.ecsl.deploy.apply.ApplyResult;
import io.ecsl.deploy.plan.Action;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.target.SdkAwsApi;
import io.ecsl.emit.Json;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import io.ecsl.testing.MotoServer;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * "Applying, then planning again, shows no changes" for every valid real-world task definition in
 * {@code corpus/taskdefs} (manifest.json says which are valid): each is registered against
 * a real moto_server through the deploy module's own plan and apply, then the same desired
 * document is planned against what moto's DescribeTaskDefinition reports, and must be unchanged.
 *
 * <p>The documents are taken as the corpus has them, with three mechanical steps: a wrapper
 * ({@code {"taskDefinition": {...}}}) is unwrapped; a DescribeTaskDefinition answer is projected
 * onto the RegisterTaskDefinition request (its response-only members — ARN, revision, status,
 * requiresAttributes, compatibilities, registeredAt… — are not accepted by the API) with the
 * wrapper's tags; and a family already used by an earlier document gets a suffix, since all of
 * them are one project here. None is excluded.
 *
 * <p>One document is one ECS itself refuses, and it is asserted to be refused with ECS's message
 * rather than left out: docs-appmesh-proxy-envoy.json (the developer guide's "container dependency"
 * fragment) sets no task-level memory and no container memory or memoryReservation, which ECS
 * rejects on EC2, the default compatibility (docs/ecs-semantics.md §2.2). The other 40 must plan
 * clean.
 *
 * <p>moto's deviations from ECS are filled by {@code moto_relaxed.py} (see its docstring). One
 * came from this corpus (its gap 4): moto refused docs-inferentia-neuron-ec2.json, whose container
 * sets only {@code memoryReservation} on EC2, which ECS accepts. Otherwise moto stores and
 * DescribeTaskDefinition returns what it was sent, and the differ's defaults cover what it adds.
 */
@NeedsMoto
class CorpusConvergenceTest {
  private static final Shape REGISTER = ServiceModel.get(ServiceModel.ECS).input("RegisterTaskDefinition");
  /** Corpus file → the error ECS answers to it (and moto, as ECS does). */
  private static final Map<String, String> REFUSED_BY_ECS = Map.of("taskdefs/docs-appmesh-proxy-envoy.json",
      "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.");

  /** One corpus document as the project declares it. */
  private record Document(String file, ObjectNode request) {}

  private static List<Document> validTaskDefinitions() throws IOException {
    Path corpus = RepoPaths.corpus();
    JsonNode manifest = Json.mapper().readTree(corpus.resolve("manifest.json").toFile());
    List<Document> out = new ArrayList<>();
    Set<String> families = new HashSet<>();
    for (JsonNode entry : manifest) {
      String file = entry.path("file").asText();
      if (!file.startsWith("taskdefs/") || !entry.path("valid").asBoolean()) {
        continue;
      }
      ObjectNode request = request(Json.mapper().readTree(corpus.resolve(file).toFile()));
      String family = request.path("family").asText();
      for (int n = 2; !families.add(request.path("family").asText()); n++) {
        request.put("family", family + "-" + n);
      }
      out.add(new Document(file, request));
    }
    return out;
  }

  /** The RegisterTaskDefinition request a corpus document stands for. */
  private static ObjectNode request(JsonNode doc) {
    JsonNode td = doc.has("taskDefinition") ? doc.get("taskDefinition") : doc;
    ObjectNode request = Json.mapper().createObjectNode();
    td.properties().forEach(e -> {
      if (REGISTER.members().containsKey(e.getKey())) {
        request.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    if (doc.has("taskDefinition") && doc.get("tags") instanceof ArrayNode tags && !tags.isEmpty()) {
      request.set("tags", tags.deepCopy());
    }
    return request;
  }

  private static EcsModel model(List<Document> documents) {
    List<Resource> resources = new ArrayList<>();
    for (Document d : documents) {
      String family = d.request().path("family").asText();
      ApiRequest register = new ApiRequest(ServiceModel.ECS, "RegisterTaskDefinition", d.request(), new SpanIndex(Span.NONE),
          "task-definitions/" + family + ".json");
      resources.add(new Resource(ResourceKind.TASK_DEFINITION, family, null, Span.NONE, List.of(register), Map.of()));
    }
    return new EcsModel("corpus", "us-east-1", null, resources);
  }

  @Test
  void everyValidCorpusTaskDefinitionAppliesThenPlansWithNoChanges() throws Exception {
    List<Document> documents = validTaskDefinitions();
    assertEquals(41, documents.size(), "the corpus's valid task definitions (manifest.json) changed: review this test");
    EcsModel model = model(documents);
    Map<String, String> fileOf = new LinkedHashMap<>();
    documents.forEach(d -> fileOf.put("task definition " + d.request().path("family").asText(), d.file()));
    try (MotoServer moto = MotoServer.startRelaxed(); SdkAwsApi api = TestSupport.api(moto)) {
      Plan first = Deployer.plan(model, api, "moto", 5);
      assertEquals(documents.size(), first.counts().get(Action.CREATE), "nothing exists yet: every document is created");
      ApplyResult applied = new Applier(api, new Applier.Options(false, Duration.ofSeconds(5), Duration.ZERO, 4))
          .apply(first, ApplyListener.NONE);
      Map<String, String> refused = new TreeMap<>();
      for (String failure : applied.failed()) {
        String address = failure.substring(0, failure.indexOf(": "));
        refused.put(fileOf.get(address), failure);
      }
      assertEquals(REFUSED_BY_ECS.keySet(), refused.keySet(), "registering the corpus failed: " + applied.failed());
      REFUSED_BY_ECS.forEach((file, message) -> assertTrue(refused.get(file).contains(message), refused.get(file)));
      int registered = documents.size() - REFUSED_BY_ECS.size();
      assertEquals(registered, applied.applied().size());

      Plan again = Deployer.plan(model, api, "moto", 5);
      List<String> changed = new ArrayList<>();
      for (ResourcePlan r : again.resources()) {
        if (r.action() != Action.NO_CHANGE && !REFUSED_BY_ECS.containsKey(fileOf.get(r.address()))) {
          changed.add(fileOf.get(r.address()) + ": " + r.action().id() + " " + r.reasons() + " " + r.changes());
        }
      }
      assertEquals(List.of(), changed, "planning again after apply shows changes");
      assertEquals(registered, again.counts().get(Action.NO_CHANGE));
      assertTrue(again.resources().stream().filter(r -> r.action() == Action.NO_CHANGE)
          .allMatch(r -> r.observed() != null && r.observed().fingerprint() != null));
      System.out.println(registered + " corpus task definitions applied to moto, then planned again: no changes; "
          + REFUSED_BY_ECS.size() + " refused as ECS refuses it");
    }
  }
}
