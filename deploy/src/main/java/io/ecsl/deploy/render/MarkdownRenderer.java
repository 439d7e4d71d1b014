package io.ecsl.deploy.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * The plan as a pull-request comment (GitHub-flavoured markdown), rendered by a Velocity template
 * ({@code plan.md.vm}) from a view model computed from the plan JSON; the template only loops and
 * prints.
 */
public final class MarkdownRenderer {
  private static final VelocityEngine ENGINE = engine();

  private MarkdownRenderer() {}

  private static VelocityEngine engine() {
    VelocityEngine e = new VelocityEngine();
    e.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
    e.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
    e.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
    e.init();
    return e;
  }

  public static String render(JsonNode plan) {
    return render(plan, null);
  }

  /**
   * The plan, with a Mermaid graph of what the changes touch ({@link PlanGraph}) folded under the
   * table when {@code graph} is not null.
   */
  public static String render(JsonNode plan, String graph) {
    VelocityContext ctx = new VelocityContext();
    ctx.put("hasGraph", graph != null);
    ctx.put("graph", graph == null ? "" : graph);
    ctx.put("h3", "###"); // `##` starts a comment in Velocity, so the heading marker comes from here
    ctx.put("header", PlanView.header(plan));
    ctx.put("summary", PlanView.summary(plan));
    ctx.put("hasChanges", plan.path("hasChanges").asBoolean());
    List<Map<String, Object>> resources = new ArrayList<>();
    for (JsonNode r : PlanView.changed(plan)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("symbol", PlanView.SYMBOLS.get(r.path("action").asText()));
      m.put("action", r.path("action").asText());
      m.put("address", code(r.path("address").asText()));
      m.put("source", r.hasNonNull("source") ? code(r.path("source").asText()) : "");
      List<String> reasons = new ArrayList<>();
      r.path("reasons").forEach(x -> reasons.add(cell(x.asText())));
      m.put("reasons", reasons);
      List<Map<String, String>> changes = new ArrayList<>();
      for (JsonNode c : r.path("changes")) {
        changes.add(Map.of("path", code(c.path("path").asText()), "before", code(PlanView.value(c.get("before"))),
            "after", code(PlanView.value(c.get("after")))));
      }
      m.put("changes", changes);
      resources.add(m);
    }
    ctx.put("resources", resources);
    List<Map<String, String>> ignored = new ArrayList<>();
    for (JsonNode r : PlanView.withIgnored(plan)) {
      for (JsonNode i : r.path("ignored")) {
        ignored.add(Map.of("address", code(r.path("address").asText()), "path", code(i.path("path").asText()),
            "owner", cell(i.path("owner").asText()), "live", code(PlanView.value(i.get("live")))));
      }
    }
    ctx.put("ignored", ignored);
    Template t = ENGINE.getTemplate("io/ecsl/deploy/render/plan.md.vm", "UTF-8");
    StringWriter w = new StringWriter();
    t.merge(ctx, w);
    return w.toString();
  }

  /** Inline code that survives a table cell: pipes escaped, backticks doubled around. */
  private static String code(String s) {
    String v = cell(s);
    return v.contains("`") ? "``" + v + "``" : "`" + v + "`";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
