package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** E1124: each ulimit appears once and its soft limit is at most its hard limit. */
public final class Ulimits extends ContainerRule {
  public Ulimits() {
    super("E1124", "Each ulimit is set once with soft limit ≤ hard limit", "Linux setrlimit; ecsl judgement");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> ulimits = Nodes.list(c.node(), "ulimits");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ulimits.size(); i++) {
      JsonNode u = ulimits.get(i);
      String name = Nodes.text(u, "name");
      Long soft = Nodes.integer(u, "softLimit");
      Long hard = Nodes.integer(u, "hardLimit");
      if (name != null && !seen.add(name)) {
        c.report(ctx, "/ulimits/" + i, "ulimit `" + name + "` is set twice in " + c.label(), "keep one");
      }
      if (soft != null && hard != null && soft > hard) {
        c.report(ctx, "/ulimits/" + i + "/softLimit", "ulimit `" + name + "` of " + c.label() + " has a soft limit (" + soft
            + ") above its hard limit (" + hard + "); the container would fail to start", "make `soft` at most `hard`");
      }
    }
  }
}
