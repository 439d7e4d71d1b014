package io.ecsl.cli.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.compile.Compiler;
import io.ecsl.deploy.diff.Normalizer;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.DiagnosticRenderer;
import io.ecsl.diag.Diagnostics;
import io.ecsl.eval.ProjectEvaluator;
import io.ecsl.eval.VarInputs;
import io.ecsl.importer.Importer;
import io.ecsl.lower.ModelBuilder;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.modules.ModuleLoader;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance test of {@code ecsl import} on the real-world corpus in {@code corpus/}
 * (read in place, nothing copied): every document the manifest labels valid is imported, the
 * source is built again, and each resource's JSON must equal the original's after normalising
 * only what the ECS API itself normalises (the deploy module's {@link Normalizer}: defaults it
 * fills in, unit strings, order-insensitive lists, response-only members). The original is read
 * here, independently of the importer: unwrapped from its response wrapper, with the renames
 * Describe output needs (ARNs to names). The ECS rules must say the same about the import and
 * about the build of its source.
 */
class CorpusRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CORPUS = RepoPaths.corpus();

  static Stream<String> validDocuments() throws IOException {
    List<String> files = new ArrayList<>();
    for (JsonNode e : JSON.readTree(CORPUS.resolve("manifest.json").toFile())) {
      if (e.path("valid").asBoolean()) {
        files.add(e.get("file").asText());
      }
    }
    return files.stream();
  }

  @Test
  void theCorpusHasTheDocumentsTheManifestLists() throws IOException {
    List<String> valid = validDocuments().toList();
    assertEquals(58, valid.size(), "valid documents in the manifest");
    for (String f : valid) {
      assertTrue(Files.isRegularFile(CORPUS.resolve(f)), f);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validDocuments")
  void importThenBuildGivesTheOriginal(String file, @TempDir Path dir) throws IOException {
    Path input = CORPUS.resolve(file);
    Importer.Result imported = Importer.importFiles(List.of(input));
    assertTrue(imported.sourceAvailable(), () -> "import failed:\n" + render(imported.diagnostics().sorted()));
    String source = imported.source();
    Files.writeString(dir.resolve("main.ecs"), source);

    Diagnostics buildDiagnostics = new Diagnostics();
    EcsModel built = buildWithoutRules(dir, buildDiagnostics);
    assertTrue(!buildDiagnostics.hasErrors(), () -> source + "\n" + render(buildDiagnostics.sorted()));

    List<ObjectNode> originals = originals(JSON.readTree(input.toFile()), file);
    List<Resource> resources = built.resources();
    assertEquals(originals.size(), resources.size(), () -> "resources built from:\n" + source);
    for (int i = 0; i < originals.size(); i++) {
      Resource r = resources.get(i);
      Shape shape = ServiceModel.get("ecs").input(r.primary().operation());
      ObjectNode expected = Normalizer.normalize(originals.get(i), shape);
      ObjectNode actual = Normalizer.normalize(r.primary().body(), shape);
      assertTrue(Normalizer.same(expected, actual), () -> r.address() + " differs; source:\n" + source
          + "\nexpected " + expected + "\nactual   " + actual);
    }

    // The rules see the imported JSON and the built source alike.
    Compiler.Result compiled = Compiler.compile(Compiler.Options.of(dir));
    assertEquals(ruleCodes(imported.diagnostics()), ruleCodes(compiled.diagnostics()), () -> source
        + "\nimport:\n" + render(imported.diagnostics().sorted()) + "\nbuild:\n" + render(compiled.diagnostics().sorted()));
  }

  /** The compiler's pipeline up to the model, without the ECS rules (some corpus files break them). */
  static EcsModel buildWithoutRules(Path dir, Diagnostics diagnostics) {
    var modules = new ModuleLoader(dir, diagnostics).load(List.of(dir));
    ProjectEvaluator.Result evaluated = new ProjectEvaluator(diagnostics, new VarInputs()).evaluate(modules);
    return new ModelBuilder(evaluated.interpreter(), diagnostics)
        .build(evaluated.declarations(), new ModelBuilder.Settings("corpus", "us-east-1", null));
  }

  /** The error and warning codes of the ECS rules (E1xxx, W1xxx), sorted with repeats. */
  private static List<String> ruleCodes(Diagnostics d) {
    List<String> codes = new ArrayList<>();
    for (Diagnostic x : d.sorted()) {
      if (x.code().matches("[EW](1\\d|20)\\d\\d")) {
        codes.add(x.code());
      }
    }
    codes.sort(null);
    return codes;
  }

  /**
   * The request objects of a document, in the order the compiler lists resources (by kind, then
   * as declared): response wrappers unwrapped, Describe-only names turned into the request's.
   */
  static List<ObjectNode> originals(JsonNode root, String file) {
    List<ObjectNode> out = new ArrayList<>();
    ObjectNode obj = (ObjectNode) root;
    if (obj.get("taskDefinition") instanceof ObjectNode td) {
      ObjectNode copy = td.deepCopy();
      if (obj.has("tags") && !copy.has("tags")) {
        copy.set("tags", obj.get("tags"));
      }
      out.add(task(copy));
    } else if (obj.get("service") instanceof ObjectNode s) {
      out.add(service(s.deepCopy(), file));
    } else if (obj.get("services") instanceof ArrayNode list) {
      list.forEach(s -> out.add(service((ObjectNode) s.deepCopy(), file)));
    } else if (obj.get("cluster") instanceof ObjectNode c) {
      out.add(named(c.deepCopy(), "clusterArn", "clusterName"));
    } else if (obj.get("capacityProvider") instanceof ObjectNode c) {
      out.add(named(c.deepCopy(), "capacityProviderArn", "name"));
    } else if (obj.get("capacityProviders") instanceof ArrayNode list && list.get(0).isObject()) {
      list.forEach(c -> out.add(named((ObjectNode) c.deepCopy(), "capacityProviderArn", "name")));
    } else if (obj.has("containerDefinitions") || obj.has("family")) {
      out.add(task(obj.deepCopy()));
    } else if (obj.has("clusterName")) {
      out.add(obj.deepCopy());
    } else {
      out.add(service(obj.deepCopy(), file));
    }
    return out;
  }

  /** ECS runs a health check command without CMD or CMD-SHELL as exec form; the importer says CMD. */
  private static ObjectNode task(ObjectNode td) {
    for (JsonNode c : td.path("containerDefinitions")) {
      if (c.path("healthCheck").get("command") instanceof ArrayNode command) {
        String first = command.isEmpty() ? "" : command.get(0).asText();
        if (!first.equals("CMD") && !first.equals("CMD-SHELL") && !first.equals("NONE")) {
          command.insert(0, "CMD");
        }
      }
    }
    return td;
  }

  /**
   * A service as CreateService takes it: the name from {@code service} (UpdateService),
   * {@code serviceArn} or, as ecspresso does, the file name; the cluster by name; the role unless
   * it is the service-linked role ECS picked; Service Connect from the PRIMARY deployment.
   */
  private static ObjectNode service(ObjectNode s, String file) {
    if (!s.has("serviceName")) {
      String name = s.path("service").isTextual() ? s.get("service").asText()
          : s.has("serviceArn") ? afterSlash(s.get("serviceArn").asText())
          : file.substring(file.lastIndexOf('/') + 1).replace(".json", "");
      s.put("serviceName", name);
    }
    if (!s.has("cluster") && s.has("clusterArn")) {
      s.put("cluster", s.get("clusterArn").asText());
    }
    if (s.path("cluster").asText().startsWith("arn:")) {
      s.put("cluster", afterSlash(s.get("cluster").asText()));
    }
    if (s.has("roleArn") && !s.has("role") && !s.get("roleArn").asText().contains("/aws-service-role/")) {
      s.put("role", s.get("roleArn").asText());
    }
    for (JsonNode d : s.path("deployments")) {
      if (d.path("status").asText().equals("PRIMARY")) {
        for (Map.Entry<String, JsonNode> e : d.properties()) {
          if (List.of("serviceConnectConfiguration", "volumeConfigurations").contains(e.getKey()) && !s.has(e.getKey())) {
            s.set(e.getKey(), e.getValue());
          }
        }
      }
    }
    return s;
  }

  private static ObjectNode named(ObjectNode o, String arnMember, String nameMember) {
    if (!o.has(nameMember) && o.has(arnMember)) {
      o.put(nameMember, afterSlash(o.get(arnMember).asText()));
    }
    return o;
  }

  private static String afterSlash(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private static String render(List<Diagnostic> diagnostics) {
    return new DiagnosticRenderer(false).render(diagnostics);
  }
}
