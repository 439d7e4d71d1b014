package io.ecsl.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** E1404: cluster settings are set once each; Container Insights is {@code enhanced}, {@code enabled} or {@code disabled}. */
public final class ClusterSettings extends ClusterRule {
  public ClusterSettings() {
    super("E1404", "Container Insights is `enhanced`, `enabled` or `disabled`, set once", "ECS API");
  }

  @Override
  void check(RuleContext ctx, ClusterView c) {
    List<JsonNode> settings = Nodes.list(c.body(), "settings");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < settings.size(); i++) {
      String name = Nodes.text(settings.get(i), "name");
      String value = Nodes.text(settings.get(i), "value");
      if (name != null && !seen.add(name)) {
        report(ctx, c, "/settings/" + i, "cluster setting `" + name + "` is set twice on cluster `" + c.name() + "`", "keep one");
      }
      if ("containerInsights".equals(name) && value != null && !Set.of("enhanced", "enabled", "disabled").contains(value)) {
        report(ctx, c, "/settings/" + i + "/value", "Container Insights takes `enhanced`, `enabled` or `disabled`, not `" + value + "`",
            "write `container_insights = enabled`");
      }
    }
  }
}
