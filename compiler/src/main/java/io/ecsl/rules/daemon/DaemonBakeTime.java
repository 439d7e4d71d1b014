package io.ecsl.rules.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.daemon.DaemonLimits;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;

/** E2155: a daemon deployment bakes 0 to 1440 minutes (a day) between steps. */
public final class DaemonBakeTime extends DaemonRule {
  public DaemonBakeTime() {
    super("E2155", "A daemon deployment's bake time is 0 to 1440 minutes",
        "CloudFormation AWS::ECS::Daemon schema (DaemonDeploymentConfiguration `BakeTimeInMinutes`)");
  }

  @Override
  void check(RuleContext ctx, Resource r, JsonNode request) {
    JsonNode bake = request.path("deploymentConfiguration").path("bakeTimeInMinutes");
    if (bake.isNumber() && !DaemonLimits.bakeFits(bake.asLong())) {
      ctx.report(r, "/deploymentConfiguration/bakeTimeInMinutes", label(r) + ": a bake time of " + bake.asText()
          + " minutes is outside 0 to " + DaemonLimits.MAX_BAKE_MINUTES + " (a day)",
          "set `bake` to at most 24h, e.g. `bake = 10m`");
    }
  }
}
