package io.ecsl.deploy.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view model both renderings share, computed from the plan JSON only (never from the Java
 * plan), so the text and markdown plans cannot say something the JSON does not.
 */
final class PlanView {
  /** Action id → the symbol before each resource line. */
  static final Map<String, String> SYMBOLS = Map.of(
      "create", "+", "update", "~", "new-revision", "*", "redeploy", "^", "replace", "-/+", "delete", "-", "no-change", "=");
  /** Action id → how the summary line counts it. */
  static final Map<String, String> SUMMARY = new LinkedHashMap<>();

  static {
    SUMMARY.put("create", "to create");
    SUMMARY.put("update", "to update in place");
    SUMMARY.put("new-revision", "new task definition revision");
    SUMMARY.put("redeploy", "to redeploy");
    SUMMARY.put("replace", "to replace");
    SUMMARY.put("delete", "to delete");
  }

  private PlanView() {}

  /** "1 to create, 2 to update in place, 1 new task definition revision, …; 3 unchanged". */
  static String summary(JsonNode plan) {
    List<String> parts = new ArrayList<>();
    JsonNode s = plan.path("summary");
    SUMMARY.forEach((id, words) -> {
      int n = s.path(id).asInt();
      if (n > 0) {
        parts.add(n + " " + (id.equals("new-revision") && n > 1 ? "new task definition revisions" : words));
      }
    });
    int same = s.path("no-change").asInt();
    String changes = parts.isEmpty() ? "No changes" : String.join(", ", parts);
    return changes + (same > 0 ? "; " + same + " unchanged" : "") + ".";
  }

  /** A value as plans show it: strings quoted, structures as compact JSON, absence as (none). */
  static String value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "(none)";
    }
    return v.toString();
  }

  static List<JsonNode> changed(JsonNode plan) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : plan.path("resources")) {
      if (!r.path("action").asText().equals("no-change")) {
        out.add(r);
      }
    }
    return out;
  }

  static List<JsonNode> withIgnored(JsonNode plan) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : plan.path("resources")) {
      if (!r.path("ignored").isEmpty()) {
        out.add(r);
      }
    }
    return out;
  }

  static String header(JsonNode plan) {
    return "project " + plan.path("project").asText() + (plan.path("offline").asBoolean()
        ? " against the build in " + plan.path("target").asText() + " (offline)"
        : " against " + plan.path("target").asText());
  }
}
