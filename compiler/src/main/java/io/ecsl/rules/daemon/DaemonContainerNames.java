package io.ecsl.rules.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;
import java.util.HashSet;
import java.util.Set;

/**
 * E2154: each container of a daemon task definition has a name of its own. ECS names a task's
 * containers uniquely (dependsOn, logs and ECS Exec find them by name); the task definition rules
 * that say so for tasks do not look at daemon task definitions, so this one does.
 */
public final class DaemonContainerNames extends BaseRule {
  public DaemonContainerNames() {
    super("E2154", "The containers of a daemon task definition have distinct names", "ECS API (DaemonContainerDefinition `name`)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().ofKind(ResourceKind.DAEMON_TASK_DEFINITION)) {
      Set<String> seen = new HashSet<>();
      JsonNode containers = r.primary().body().path("containerDefinitions");
      for (int i = 0; i < containers.size(); i++) {
        String name = containers.get(i).path("name").asText(null);
        if (name == null) {
          ctx.report(r, "/containerDefinitions/" + i, "a container of daemon task definition `" + r.name() + "` has no name",
              "write it as `container NAME { … }`");
        } else if (!seen.add(name)) {
          ctx.report(r, "/containerDefinitions/" + i + "/name", "daemon task definition `" + r.name() + "` has two containers named `"
              + name + "`", "rename one of them");
        }
      }
    }
  }
}
