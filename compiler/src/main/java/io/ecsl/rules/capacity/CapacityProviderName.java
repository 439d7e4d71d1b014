package io.ecsl.rules.capacity;

import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Names;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.Locale;

/** E1301: a capacity provider name is 1–255 letters, digits, {@code _} or {@code -}, not starting with aws, ecs or fargate. */
public final class CapacityProviderName extends BaseRule {
  public CapacityProviderName() {
    super("E1301", "Capacity provider names are 1–255 letters, digits, `_`, `-`, not starting with aws, ecs or fargate", "ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().capacityProviders()) {
      String name = Nodes.text(r.primary().body(), "name");
      if (name == null) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (!Names.isAwsName(name)) {
        ctx.report(r, "/name", "capacity provider name `" + name + "` " + Names.problem(name), Names.hint("name", name));
      } else if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
        ctx.report(r, "/name", "capacity provider name `" + name + "` starts with a reserved prefix (`aws`, `ecs` or `fargate`)",
            "rename it, e.g. `name = \"asg-" + name + "\"`");
      }
    }
  }
}
