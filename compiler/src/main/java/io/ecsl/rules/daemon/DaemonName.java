package io.ecsl.rules.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.model.Resource;
import io.ecsl.rules.Names;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/** E2150: a daemon name is 1–255 letters, digits, {@code _} or {@code -}. */
public final class DaemonName extends DaemonRule {
  public DaemonName() {
    super("E2150", "Daemon names are 1–255 letters, digits, `_` and `-`", "ECS API (CreateDaemon `daemonName`)");
  }

  @Override
  void check(RuleContext ctx, Resource r, JsonNode request) {
    String name = Nodes.text(request, "daemonName");
    EcsName kind = EcsName.DAEMON;
    if (name != null && (!kind.lengthFits(name) || !kind.charactersFit(name))) {
      ctx.report(r, "/daemonName", "daemon name `" + name + "` " + Names.problem(kind, name),
          Names.hint(kind, "daemon_name", name));
    }
  }
}
