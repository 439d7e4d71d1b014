package io.ecsl.rules.container;

import io.ecsl.facts.limits.EcsName;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1116: links exist only in bridge mode and name another container ({@code name} or {@code name:alias}). */
public final class Links extends ContainerRule {

  public Links() {
    super("E1116", "`links` need network mode bridge and name another container of the task", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<String> links = Nodes.strings(c.node(), "links");
    if (links.isEmpty()) {
      return;
    }
    String mode = task.effectiveNetworkMode();
    if (!mode.equals("bridge")) {
      c.report(ctx, "/links", "links work only with network mode `bridge`, and " + task.label() + " uses `" + mode + "`",
          mode.equals("awsvpc") || mode.equals("host") ? "remove `links`: containers of the task reach each other on localhost"
              : "remove `links`");
      return;
    }
    for (int i = 0; i < links.size(); i++) {
      String link = links.get(i);
      if (!isLink(link)) {
        c.report(ctx, "/links/" + i, "link `" + link + "` is not `name` or `name:alias`", "write e.g. `links = [\"db:database\"]`");
        continue;
      }
      String target = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
      if (target.equals(c.name()) || task.container(target) == null) {
        c.report(ctx, "/links/" + i, c.label() + " links to `" + target + "`, which is not another container of " + task.label(),
            "link to a container of the same task");
      }
    }
  }

  /** {@code name} or {@code name:alias}, each a container name as ECS allows it. */
  private static boolean isLink(String link) {
    int colon = link.indexOf(':');
    return colon < 0 ? EcsName.CONTAINER.isValid(link)
        : EcsName.CONTAINER.isValid(link.substring(0, colon)) && EcsName.CONTAINER.isValid(link.substring(colon + 1));
  }
}
