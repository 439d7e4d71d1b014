package io.ecsl.lsp.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.eval.Value;
import java.util.List;

/** Evaluated values and request JSON as an editor shows them: short, in the language's own notation. */
final class Values {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 400;

  private Values() {}

  /** A value in .ecs notation, cut at a few hundred characters; null for a value that failed. */
  static String render(Value v) {
    StringBuilder sb = new StringBuilder();
    if (!render(v, sb)) {
      return null;
    }
    return sb.length() > LIMIT ? sb.substring(0, LIMIT) + " …" : sb.toString();
  }

  private static boolean render(Value v, StringBuilder sb) {
    if (sb.length() > LIMIT) {
      return true;
    }
    switch (v) {
      case Value.Str s -> sb.append(quote(s.value()));
      case Value.Int i -> sb.append(i.value());
      case Value.Dec d -> sb.append(d.value().stripTrailingZeros().toPlainString());
      case Value.Bool b -> sb.append(b.value());
      case Value.Null n -> sb.append("null");
      case Value.Quantity q -> sb.append(q.display());
      case Value.Port p -> sb.append(p.from()).append(p.isRange() ? "-" + p.to() : "")
          .append(p.protocol() != null ? "/" + p.protocol() : "");
      case Value.Symbol s -> sb.append(s.name());
      case Value.Ref r -> sb.append(r.describe());
      case Value.ContainerRef c -> sb.append("container `").append(c.container()).append("` of task definition `")
          .append(c.task().label()).append('`');
      case Value.PortRef p -> sb.append("port `").append(p.port()).append("` of container `").append(p.container()).append('`');
      case Value.RuleRef r -> sb.append("rule `").append(r.rule()).append("` of listener `").append(r.listener().label()).append('`');
      case Value.Module m -> sb.append("module ").append(m.module().name());
      case Value.Function f -> sb.append("template ").append(f.callable().name());
      case Value.ListV l -> {
        sb.append('[');
        list(l.items(), sb);
        sb.append(']');
      }
      case Value.Obj o -> {
        sb.append("{ ");
        boolean first = true;
        for (Value.Field f : o.fields()) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          sb.append(f.key());
          for (String l : f.labels()) {
            sb.append(' ').append(l);
          }
          sb.append(" = ");
          render(f.value(), sb);
          if (sb.length() > LIMIT) {
            break;
          }
        }
        sb.append(first ? "}" : " }");
      }
      case Value.Error e -> {
        return false;
      }
    }
    return true;
  }

  private static void list(List<Value> items, StringBuilder sb) {
    for (int i = 0; i < items.size() && sb.length() <= LIMIT; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      render(items.get(i), sb);
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** Request JSON, pretty, cut at {@code maxLines} lines. */
  static String json(JsonNode node, int maxLines) {
    String text;
    try {
      text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      text = node.toString();
    }
    String[] lines = text.split("\n", -1);
    if (lines.length <= maxLines) {
      return text;
    }
    return String.join("\n", java.util.Arrays.copyOf(lines, maxLines)) + "\n…";
  }
}
