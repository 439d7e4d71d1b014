package io.ecsl.rules.capacity;

import io.ecsl.facts.limits.EcsName;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Names;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

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
      EcsName kind = EcsName.CAPACITY_PROVIDER;
      String reserved = kind.reservedPrefix(name);
      if (!kind.lengthFits(name) || !kind.charactersFit(name)) {
        ctx.report(r, "/name", "capacity provider name `" + name + "` " + Names.problem(kind, name),
            Names.hint(kind, "name", name));
      } else if (reserved != null) {
        ctx.report(r, "/name", "capacity provider name `" + name + "` starts with a reserved prefix (" + Nodes.orList(
            kind.reservedPrefixes().stream().map(p -> "`" + p + "`").toList()) + ")",
            "rename it, e.g. `name = \"asg-" + name + "\"`");
      }
    }
  }
}
