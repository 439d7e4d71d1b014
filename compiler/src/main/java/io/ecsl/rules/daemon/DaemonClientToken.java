package io.ecsl.rules.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.daemon.DaemonLimits;
import io.ecsl.model.Resource;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/** E2156: a daemon's client token is 1–36 printable ASCII characters. */
public final class DaemonClientToken extends DaemonRule {
  public DaemonClientToken() {
    super("E2156", "A daemon's client token is 1–36 printable ASCII characters", "ECS API (CreateDaemon `clientToken`)");
  }

  @Override
  void check(RuleContext ctx, Resource r, JsonNode request) {
    String token = Nodes.text(request, "clientToken");
    if (token != null && !DaemonLimits.clientTokenFits(token)) {
      ctx.report(r, "/clientToken", label(r) + ": client token `" + token + "` is not 1 to " + DaemonLimits.MAX_CLIENT_TOKEN
          + " printable ASCII characters without spaces", "use a shorter token, e.g. a UUID without dashes");
    }
  }
}
