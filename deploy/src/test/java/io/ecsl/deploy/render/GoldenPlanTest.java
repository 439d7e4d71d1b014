package io.ecsl.deploy.render;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.TestSupport;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.PlanJson;
import io.ecsl.emit.BuildWriter;
import io.ecsl.emit.Json;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files of the three plan renderings, for a plan that has every kind of change (new
 * revision, redeploy, in-place update, create, delete, an owned-elsewhere field and a secret),
 * compared by {@link Golden}: a difference fails with a diff, {@code -Decsl.golden.update=true}
 * rewrites only the files that differ (and still fails), a missing file is written and fails.
 */
class GoldenPlanTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/plan");
  private static ObjectNode json;
  private static Plan plan;
  private static EcsModel after;

  @TempDir static Path tmp;

  @BeforeAll
  static void plan() throws IOException {
    EcsModel before = TestSupport.compile(GOLDEN.resolve("before"));
    Path build = tmp.resolve("build");
    BuildWriter.write(build, BuildWriter.files(before));
    after = TestSupport.compile(GOLDEN.resolve("after"));
    plan = Deployer.planAgainst(after, build);
    json = PlanJson.write(plan, false);
    json.put("target", "(previous build)"); // the temporary directory's name changes every run
  }

  @Test
  void text() {
    check("plan.txt", TextRenderer.render(json, false));
  }

  @Test
  void markdown() {
    check("plan.md", MarkdownRenderer.render(json));
  }

  /** The markdown plan with the graph of what the changes touch (each changed resource marked). */
  @Test
  void markdownWithTheGraphOfWhatChanges() throws IOException {
    String graph = PlanGraph.mermaid(after, plan);
    check("plan-graph.md", MarkdownRenderer.render(json, graph));
  }

  @Test
  void jsonPlan() {
    check("plan.json", Json.pretty(json));
  }

  @Test
  void noRenderingShowsASecret() {
    for (String s : new String[] {TextRenderer.render(json, false), MarkdownRenderer.render(json), json.toString()}) {
      assertFalse(s.contains("hunter2") || s.contains("s3cret"), s);
    }
  }

  private static void check(String name, String actual) {
    Golden.assertText(GOLDEN.resolve(name), actual);
  }
}
