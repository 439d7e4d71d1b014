package io.ecsl.deploy.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plan for people at a terminal, rendered from the plan JSON: one line per resource that
 * changes (symbol, action, address, source), its reasons, then field by field {@code old → new};
 * fields owned elsewhere last; a summary line. Colors only when asked (never with NO_COLOR).
 */
public final class TextRenderer {
  private static final String RESET = "\u001b[0m";

  private TextRenderer() {}

  public static String render(JsonNode plan, boolean color) {
    StringBuilder sb = new StringBuilder();
    sb.append("ecsl plan: ").append(PlanView.header(plan)).append("\n\n");
    var changed = PlanView.changed(plan);
    if (changed.isEmpty()) {
      sb.append("No changes: the target matches the declaration.\n");
    }
    for (JsonNode r : changed) {
      String action = r.path("action").asText();
      String sym = PlanView.SYMBOLS.get(action);
      sb.append(paint(color, action, String.format("%-3s %-12s ", sym, action))).append(r.path("address").asText());
      if (r.hasNonNull("source")) {
        sb.append("  (").append(r.path("source").asText()).append(')');
      }
      sb.append('\n');
      for (JsonNode reason : r.path("reasons")) {
        sb.append("      # ").append(reason.asText()).append('\n');
      }
      for (JsonNode c : r.path("changes")) {
        sb.append("      ").append(c.path("path").asText()).append(": ").append(PlanView.value(c.get("before")))
            .append(" → ").append(PlanView.value(c.get("after"))).append('\n');
      }
    }
    var ignored = PlanView.withIgnored(plan);
    if (!ignored.isEmpty()) {
      sb.append("\nOwned elsewhere (never changed by ecsl):\n");
      for (JsonNode r : ignored) {
        for (JsonNode i : r.path("ignored")) {
          sb.append("    ").append(r.path("address").asText()).append(": ").append(i.path("path").asText())
              .append(" is owned by ").append(i.path("owner").asText()).append(" (live ").append(PlanView.value(i.get("live")))
              .append(", declared ").append(PlanView.value(i.get("declared"))).append(")\n");
        }
      }
    }
    sb.append('\n').append("Plan: ").append(PlanView.summary(plan)).append('\n');
    return sb.toString();
  }

  private static String paint(boolean color, String action, String text) {
    if (!color) {
      return text;
    }
    String code = switch (action) {
      case "create" -> "\u001b[32m";
      case "delete", "replace" -> "\u001b[31m";
      default -> "\u001b[33m";
    };
    return code + text + RESET;
  }
}
