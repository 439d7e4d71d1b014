package io.ecsl.rules.daemon;

import io.ecsl.facts.limits.EcsName;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Names;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/** E2151: a daemon task definition family is 1–255 letters, digits, {@code _} or {@code -}. */
public final class DaemonFamily extends BaseRule {
  public DaemonFamily() {
    super("E2151", "Daemon task definition families are 1–255 letters, digits, `_` and `-`",
        "ECS API (RegisterDaemonTaskDefinition `family`)");
  }

  @Override
  public void check(RuleContext ctx) {
    EcsName kind = EcsName.DAEMON_TASK_DEFINITION_FAMILY;
    for (Resource r : ctx.index().ofKind(ResourceKind.DAEMON_TASK_DEFINITION)) {
      String family = Nodes.text(r.primary().body(), "family");
      if (family != null && (!kind.lengthFits(family) || !kind.charactersFit(family))) {
        ctx.report(r, "/family", "daemon task definition family `" + family + "` " + Names.problem(kind, family),
            Names.hint(kind, "family", family));
      }
    }
  }
}
