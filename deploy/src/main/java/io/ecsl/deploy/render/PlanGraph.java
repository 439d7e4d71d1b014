package io.ecsl.deploy.render;

import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.graph.GraphRenderer;
import io.ecsl.graph.ResourceGraph;
import io.ecsl.model.EcsModel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The part of the project's resource graph a plan changes, as Mermaid for the markdown plan: each
 * changed resource marked with its action, with what it refers to and what refers to it, so a
 * reviewer sees what a change touches. Resources planned for deletion are no longer declared; they
 * appear on their own.
 */
public final class PlanGraph {
  private PlanGraph() {}

  /** Mermaid of what changes, or null when nothing does. */
  public static String mermaid(EcsModel model, Plan plan) {
    ResourceGraph full = ResourceGraph.of(model);
    Map<String, String> marks = new LinkedHashMap<>();
    Set<String> changed = new LinkedHashSet<>();
    for (ResourcePlan r : plan.resources()) {
      if (!r.action().isChange()) {
        continue;
      }
      String id = ResourceGraph.idOf(r.id().kind(), r.id().cluster(), r.id().name());
      marks.put(id, r.action().id());
      changed.add(id);
    }
    if (changed.isEmpty()) {
      return null;
    }
    ResourceGraph around = full.around(changed, 1);
    for (ResourcePlan r : plan.resources()) {
      String id = ResourceGraph.idOf(r.id().kind(), r.id().cluster(), r.id().name());
      if (r.action().isChange() && around.node(id) == null) {
        String parent = null;
        if (r.id().cluster() != null) {
          parent = ResourceGraph.idOf(io.ecsl.model.ResourceKind.CLUSTER, null, r.id().cluster());
          if (around.node(parent) == null) {
            ResourceGraph.Node cluster = full.node(parent);
            around = around.with(cluster != null ? cluster
                : new ResourceGraph.Node(parent, ResourceGraph.NodeKind.CLUSTER, r.id().cluster(), null, true, null));
          }
        }
        around = around.with(new ResourceGraph.Node(id, ResourceGraph.NodeKind.valueOf(r.id().kind().name()),
            r.id().name(), parent, false, null));
      }
    }
    return GraphRenderer.mermaid(around, marks);
  }
}
