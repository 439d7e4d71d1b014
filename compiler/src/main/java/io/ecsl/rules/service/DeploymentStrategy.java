package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1208: BLUE_GREEN, LINEAR and CANARY deployments have a load balancer with an advanced
 * configuration (LINEAR and CANARY may use Service Connect instead); linear and canary settings
 * go with their strategy and stay in range; bake times are 0–1440 minutes.
 */
public final class DeploymentStrategy extends ServiceRule {
  public DeploymentStrategy() {
    super("E1208", "BLUE_GREEN/LINEAR/CANARY deployments have what they shift traffic with; their settings match and are in range",
        "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    if (config == null) {
      return;
    }
    String base = "/deploymentConfiguration";
    String strategy = Nodes.text(config, "strategy");
    strategy = strategy == null ? "ROLLING" : strategy;
    if (!strategy.equals("ROLLING")) {
      boolean advanced = false;
      for (JsonNode lb : Nodes.list(s.body(), "loadBalancers")) {
        advanced |= Nodes.object(lb, "advancedConfiguration") != null;
      }
      boolean serviceConnect = Boolean.TRUE.equals(Nodes.bool(Nodes.object(s.body(), "serviceConnectConfiguration"), "enabled"));
      if (!advanced && !(serviceConnect && !strategy.equals("BLUE_GREEN"))) {
        s.report(ctx, base + "/strategy", strategy + " deployments of " + s.label() + " need a load balancer with an advanced "
            + "configuration (alternate target group, listener rule, role)" + (strategy.equals("BLUE_GREEN") ? "" : " or Service Connect"),
            "add `advanced_configuration { alternate_target_group_arn = …, production_listener_rule = …, role_arn = … }` to the load balancer");
      }
    }
    if (Nodes.has(config, "linearConfiguration") && !strategy.equals("LINEAR")) {
      s.report(ctx, base + "/linearConfiguration", "`linear_configuration` applies only to `strategy = LINEAR`, and " + s.label()
          + " uses " + strategy, "remove it, or set `strategy = LINEAR`");
    }
    if (Nodes.has(config, "canaryConfiguration") && !strategy.equals("CANARY")) {
      s.report(ctx, base + "/canaryConfiguration", "`canary_configuration` applies only to `strategy = CANARY`, and " + s.label()
          + " uses " + strategy, "remove it, or set `strategy = CANARY`");
    }
    percent(ctx, s, Nodes.object(config, "linearConfiguration"), base + "/linearConfiguration", "stepPercent", 3.0);
    percent(ctx, s, Nodes.object(config, "canaryConfiguration"), base + "/canaryConfiguration", "canaryPercent", 0.1);
    for (String[] bake : List.of(new String[] {"", "bakeTimeInMinutes"}, new String[] {"/linearConfiguration", "stepBakeTimeInMinutes"},
        new String[] {"/canaryConfiguration", "canaryBakeTimeInMinutes"})) {
      JsonNode owner = bake[0].isEmpty() ? config : Nodes.object(config, bake[0].substring(1));
      Long minutes = Nodes.integer(owner, bake[1]);
      if (minutes != null && (minutes < 0 || minutes > 1440)) {
        s.report(ctx, base + bake[0] + "/" + bake[1], Nodes.name(bake[1]) + " must be 0 to 1440 minutes; you set " + minutes,
            "use at most 1440 (24 hours)");
      }
    }
  }

  private static void percent(RuleContext ctx, ServiceView s, JsonNode owner, String at, String field, double min) {
    Double v = Nodes.number(owner, field);
    if (v == null) {
      return;
    }
    double tenths = v * 10;
    if (v < min || v > 100 || Math.abs(tenths - Math.rint(tenths)) > 1e-9) {
      s.report(ctx, at + "/" + field, Nodes.name(field) + " must be " + (min == 3.0 ? "3" : "0.1") + " to 100 in steps of 0.1; you set "
          + v, "use e.g. `" + Nodes.name(field).replace("`", "") + " = " + (min == 3.0 ? "10" : "5") + "`");
    }
  }
}
