package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.diff.Masking;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan's JSON form, format version {@value #FORMAT_VERSION} (documented in docs/plan.md). The
 * same document is printed by {@code plan --format json}, rendered as text and markdown, and saved
 * by {@code plan --out} — the saved file alone also carries the unmasked request bodies apply sends.
 */
public final class PlanJson {
  public static final int FORMAT_VERSION = 1;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PlanJson() {}

  /**
   * The plan as JSON.
   *
   * @param withSecrets true only for a saved plan file: step bodies keep sensitive values so apply
   *     can send them; false for anything printed
   */
  public static ObjectNode write(Plan plan, boolean withSecrets) {
    ObjectNode root = JSON.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("project", plan.project());
    root.put("target", plan.target());
    root.put("offline", plan.offline());
    root.put("hasChanges", plan.hasChanges());
    root.putObject("revisionPolicy").put("keep", plan.keepRevisions());
    ObjectNode summary = root.putObject("summary");
    plan.counts().forEach((a, n) -> summary.put(a.id(), n));
    ArrayNode resources = root.putArray("resources");
    for (ResourcePlan r : plan.resources()) {
      resources.add(resource(r, withSecrets));
    }
    return root;
  }

  private static ObjectNode resource(ResourcePlan r, boolean withSecrets) {
    ObjectNode o = JSON.objectNode();
    o.put("address", r.address());
    o.put("kind", kindId(r.id().kind()));
    o.put("name", r.id().name());
    o.put("cluster", r.id().cluster());
    o.put("action", r.action().id());
    o.put("source", r.source());
    ArrayNode reasons = o.putArray("reasons");
    r.reasons().forEach(reasons::add);
    ArrayNode changes = o.putArray("changes");
    for (FieldChange c : r.changes()) {
      ObjectNode co = changes.addObject();
      co.put("path", c.path());
      co.put("pointer", c.pointer());
      co.set("before", c.before() == null ? JSON.nullNode() : c.before());
      co.set("after", c.after() == null ? JSON.nullNode() : c.after());
      co.put("sensitive", c.sensitive());
    }
    ArrayNode ignored = o.putArray("ignored");
    for (IgnoredField i : r.ignored()) {
      ObjectNode io = ignored.addObject();
      io.put("path", i.path());
      io.put("pointer", i.pointer());
      io.put("owner", i.owner());
      io.set("declared", i.declared() == null ? JSON.nullNode() : i.declared());
      io.set("live", i.live() == null ? JSON.nullNode() : i.live());
    }
    ArrayNode deps = o.putArray("dependsOn");
    r.dependsOn().forEach(deps::add);
    if (r.observed() == null) {
      o.putNull("observed");
    } else {
      o.putObject("observed").put("version", r.observed().version()).put("fingerprint", r.observed().fingerprint());
    }
    ObjectNode owned = o.putObject("ownedElsewhere");
    new java.util.TreeMap<>(r.ownedElsewhere()).forEach(owned::put);
    ArrayNode steps = o.putArray("steps");
    for (Step s : r.steps()) {
      ObjectNode so = steps.addObject();
      so.put("service", s.service());
      so.put("operation", s.operation());
      so.set("body", withSecrets ? s.body() : maskBody(s));
    }
    return o;
  }

  /** The body with values under sensitive shapes and secret-looking names masked. */
  static JsonNode maskBody(Step s) {
    if (s.isEngine()) {
      return s.body();
    }
    Shape shape = ServiceModel.get(s.service()).input(s.operation());
    return mask(s.body(), shape);
  }

  private static JsonNode mask(JsonNode n, Shape shape) {
    if (shape == null) {
      return Masking.maskSecretNames(n);
    }
    if (shape.sensitive()) {
      return Masking.mask(n);
    }
    if (shape.isStructure() && n instanceof ObjectNode obj) {
      ObjectNode out = JSON.objectNode();
      obj.fields().forEachRemaining(e -> out.set(e.getKey(), mask(e.getValue(), shape.member(e.getKey()))));
      return Masking.maskSecretNames(out);
    }
    if (shape.isList() && n instanceof ArrayNode arr) {
      ArrayNode out = JSON.arrayNode();
      arr.forEach(e -> out.add(mask(e, shape.element())));
      return out;
    }
    if (shape.isMap() && n instanceof ObjectNode obj) {
      ObjectNode out = JSON.objectNode();
      obj.fields().forEachRemaining(e -> out.set(e.getKey(), mask(e.getValue(), shape.value())));
      return Masking.maskSecretNames(out);
    }
    return n;
  }

  public static String kindId(ResourceKind k) {
    return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static ResourceKind kindOf(String id) {
    return ResourceKind.valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** Reads a plan written by {@link #write}; a format this ecsl does not know is an error saying so. */
  public static Plan read(JsonNode root) {
    int version = root.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(version < 0 ? "this is not an ecsl plan file (no formatVersion)"
          : "plan format version " + version + " is not supported by this ecsl (it reads version " + FORMAT_VERSION
              + "); make the plan again with this ecsl");
    }
    List<ResourcePlan> resources = new ArrayList<>();
    for (JsonNode r : root.path("resources")) {
      ResourceId id = new ResourceId(kindOf(r.path("kind").asText()), r.path("cluster").asText(null), r.path("name").asText());
      List<String> reasons = new ArrayList<>();
      r.path("reasons").forEach(x -> reasons.add(x.asText()));
      List<FieldChange> changes = new ArrayList<>();
      for (JsonNode c : r.path("changes")) {
        changes.add(new FieldChange(c.path("pointer").asText(), c.path("path").asText(), nullable(c.get("before")),
            nullable(c.get("after")), c.path("sensitive").asBoolean()));
      }
      List<IgnoredField> ignored = new ArrayList<>();
      for (JsonNode i : r.path("ignored")) {
        ignored.add(new IgnoredField(i.path("pointer").asText(), i.path("path").asText(), i.path("owner").asText(),
            nullable(i.get("declared")), nullable(i.get("live"))));
      }
      List<String> deps = new ArrayList<>();
      r.path("dependsOn").forEach(x -> deps.add(x.asText()));
      JsonNode obs = r.get("observed");
      ResourcePlan.Observed observed = obs == null || obs.isNull() ? null
          : new ResourcePlan.Observed(obs.path("version").asText(null), obs.path("fingerprint").asText(null));
      Map<String, String> owned = new LinkedHashMap<>();
      r.path("ownedElsewhere").fields().forEachRemaining(e -> owned.put(e.getKey(), e.getValue().asText()));
      List<Step> steps = new ArrayList<>();
      for (JsonNode s : r.path("steps")) {
        steps.add(new Step(s.path("service").asText(), s.path("operation").asText(), (ObjectNode) s.path("body")));
      }
      resources.add(new ResourcePlan(id, Action.fromId(r.path("action").asText()), reasons, changes, ignored, deps,
          observed, r.path("source").asText(null), owned, steps));
    }
    return new Plan(root.path("project").asText(), root.path("target").asText(), root.path("offline").asBoolean(),
        root.path("revisionPolicy").path("keep").asInt(Planner.DEFAULT_KEEP_REVISIONS), resources);
  }

  private static JsonNode nullable(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }
}
