package io.ecsl.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.graph.ResourceGraph.Edge;
import io.ecsl.graph.ResourceGraph.Node;
import io.ecsl.graph.ResourceGraph.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ResourceGraph} as Mermaid (for Markdown: GitHub, GitLab and most wikis draw it), as
 * Graphviz DOT, or as JSON. Clusters and task definitions are drawn as boxes around their services
 * and containers; things the project only names are dashed.
 */
public final class GraphRenderer {
  private GraphRenderer() {}

  public static String mermaid(ResourceGraph g) {
    return mermaid(g, Map.of());
  }

  /** Mermaid with a mark on some nodes (a plan's change: {@code create}, {@code update}, …), by node id. */
  public static String mermaid(ResourceGraph g, Map<String, String> marks) {
    Ids ids = new Ids();
    Map<String, List<Node>> children = children(g);
    Set<String> groups = groups(g, children);
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    for (Node n : g.nodes()) {
      if (n.parent() == null) {
        mermaidNode(sb, n, children, groups, ids, marks, "  ");
      }
    }
    for (Edge e : g.edges()) {
      sb.append("  ").append(ids.of(e.from())).append(" -->|").append(mermaidText(e.label())).append("| ")
          .append(ids.of(e.to())).append('\n');
    }
    List<String> external = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.external()) {
        external.add(ids.of(n.id()));
      }
    }
    if (!external.isEmpty()) {
      sb.append("  classDef external stroke-dasharray: 5 5\n");
      sb.append("  class ").append(String.join(",", external)).append(" external\n");
    }
    Map<String, List<String>> byMark = new LinkedHashMap<>();
    marks.forEach((id, mark) -> {
      if (g.node(id) != null) {
        byMark.computeIfAbsent(mark, k -> new ArrayList<>()).add(ids.of(id));
      }
    });
    byMark.forEach((mark, list) -> {
      sb.append("  classDef ").append(cssName(mark)).append(' ').append(style(mark)).append('\n');
      sb.append("  class ").append(String.join(",", list)).append(' ').append(cssName(mark)).append('\n');
    });
    return sb.toString();
  }

  private static String cssName(String mark) {
    return "change_" + mark.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String style(String mark) {
    return switch (mark) {
      case "create" -> "fill:#dafbe1,stroke:#1a7f37";
      case "delete" -> "fill:#ffebe9,stroke:#cf222e";
      case "replace" -> "fill:#fff1e5,stroke:#bc4c00";
      default -> "fill:#ddf4ff,stroke:#0969da";
    };
  }

  private static void mermaidNode(StringBuilder sb, Node n, Map<String, List<Node>> children, Set<String> groups, Ids ids,
      Map<String, String> marks, String indent) {
    String label = label(n) + (marks.containsKey(n.id()) ? " (" + marks.get(n.id()) + ")" : "");
    if (groups.contains(n.id())) {
      sb.append(indent).append("subgraph ").append(ids.of(n.id())).append("[\"").append(mermaidText(label)).append("\"]\n");
      for (Node c : children.getOrDefault(n.id(), List.of())) {
        mermaidNode(sb, c, children, groups, ids, marks, indent + "  ");
      }
      sb.append(indent).append("end\n");
      return;
    }
    String text = "\"" + mermaidText(label) + "\"";
    String shape = switch (n.kind()) {
      case SERVICE, EXPRESS_SERVICE, DAEMON -> "(" + text + ")";
      case CAPACITY_PROVIDER -> "{{" + text + "}}";
      case NAMESPACE -> "([" + text + "])";
      case DISCOVERY_SERVICE -> "[[" + text + "]]";
      case SCHEDULE -> ">" + text + "]";
      case SCALING -> "[/" + text + "/]";
      case TARGET_GROUP -> "[[" + text + "]]";
      default -> "[" + text + "]";
    };
    sb.append(indent).append(ids.of(n.id())).append(shape).append('\n');
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("|", "#124;").replace("\n", "<br/>");
  }

  // ------------------------------------------------------------------------------- dot

  public static String dot(ResourceGraph g) {
    Map<String, List<Node>> children = children(g);
    Set<String> groups = groups(g, children);
    StringBuilder sb = new StringBuilder("digraph ecsl {\n  rankdir=LR;\n  compound=true;\n");
    sb.append("  graph [fontname=\"Helvetica\"];\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (Node n : g.nodes()) {
      if (n.parent() == null) {
        dotNode(sb, n, children, groups, "  ");
      }
    }
    for (Edge e : g.edges()) {
      sb.append("  ").append(quote(anchor(e.from(), groups))).append(" -> ").append(quote(anchor(e.to(), groups)))
          .append(" [label=").append(quote(e.label()));
      if (groups.contains(e.from())) {
        sb.append(", ltail=").append(quote("cluster_" + e.from()));
      }
      if (groups.contains(e.to())) {
        sb.append(", lhead=").append(quote("cluster_" + e.to()));
      }
      sb.append("];\n");
    }
    return sb.append("}\n").toString();
  }

  /** A box drawn around children has an invisible point inside that edges attach to. */
  private static String anchor(String id, Set<String> groups) {
    return groups.contains(id) ? id + "#anchor" : id;
  }

  private static void dotNode(StringBuilder sb, Node n, Map<String, List<Node>> children, Set<String> groups, String indent) {
    if (groups.contains(n.id())) {
      sb.append(indent).append("subgraph ").append(quote("cluster_" + n.id())).append(" {\n");
      sb.append(indent).append("  label=").append(quote(label(n))).append(";\n");
      if (n.external()) {
        sb.append(indent).append("  style=dashed;\n");
      }
      sb.append(indent).append("  ").append(quote(n.id() + "#anchor")).append(" [shape=point, style=invis];\n");
      for (Node c : children.getOrDefault(n.id(), List.of())) {
        dotNode(sb, c, children, groups, indent + "  ");
      }
      sb.append(indent).append("}\n");
      return;
    }
    String shape = switch (n.kind()) {
      case SERVICE, EXPRESS_SERVICE, DAEMON -> "box, style=rounded";
      case CAPACITY_PROVIDER -> "hexagon";
      case NAMESPACE -> "cylinder";
      case DISCOVERY_SERVICE -> "component";
      case SCHEDULE -> "cds";
      case SCALING -> "parallelogram";
      case TARGET_GROUP -> "component";
      default -> "box";
    };
    if (n.external()) {
      shape += shape.contains("style=") ? "" : ", style=dashed";
      shape = shape.replace("style=rounded", "style=\"rounded,dashed\"");
    }
    sb.append(indent).append(quote(n.id())).append(" [label=").append(quote(label(n))).append(", shape=").append(shape)
        .append("];\n");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  // ------------------------------------------------------------------------------- json

  public static String json(ResourceGraph g) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode nodes = root.putArray("nodes");
    for (Node n : g.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("id", n.id());
      o.put("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
      o.put("name", n.name());
      if (n.parent() != null) {
        o.put("parent", n.parent());
      }
      if (n.external()) {
        o.put("external", true);
      }
      if (n.detail() != null) {
        o.put("detail", n.detail());
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (Edge e : g.edges()) {
      edges.addObject().put("from", e.from()).put("to", e.to()).put("label", e.label());
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------- shared

  private static String label(Node n) {
    String base = n.kind().word() + " " + n.name();
    return n.detail() != null ? base + "\n" + n.detail() : base;
  }

  private static Map<String, List<Node>> children(ResourceGraph g) {
    Map<String, List<Node>> out = new HashMap<>();
    for (Node n : g.nodes()) {
      if (n.parent() != null) {
        out.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n);
      }
    }
    return out;
  }

  /** Nodes drawn as boxes around others: clusters and task definitions with something inside. */
  private static Set<String> groups(ResourceGraph g, Map<String, List<Node>> children) {
    Set<String> out = new HashSet<>();
    for (Node n : g.nodes()) {
      if ((n.kind() == NodeKind.CLUSTER || n.kind() == NodeKind.TASK_DEFINITION || n.kind() == NodeKind.LOAD_BALANCER) && children.containsKey(n.id())) {
        out.add(n.id());
      }
    }
    return out;
  }

  /** Mermaid ids: letters, digits and `_` only, unique. */
  private static final class Ids {
    private final Map<String, String> ids = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    String of(String id) {
      return ids.computeIfAbsent(id, k -> {
        // a target group's id is its ARN: its name reads better and is as unique in practice
        String readable = k.startsWith("target-group:") && k.contains("targetgroup/")
            ? "target-group:" + k.substring(k.indexOf("targetgroup/") + "targetgroup/".length()).split("/")[0] : k;
        String base = readable.replaceAll("[^A-Za-z0-9]", "_");
        String candidate = base;
        for (int i = 2; !used.add(candidate); i++) {
          candidate = base + "_" + i;
        }
        return candidate;
      });
    }
  }
}
