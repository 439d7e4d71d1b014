package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.TrafficShift;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1208: a strategy's settings go with it and are in range: {@code linear_configuration} only
 * with LINEAR, {@code canary_configuration} only with CANARY, BLUE_GREEN says its bake time,
 * percents are multiples of 0.1 in range (3–100 for a linear step, 0.1–100 for a canary), bake
 * times are 0–1440 minutes.
 */
public final class DeploymentStrategy extends ServiceRule {
  public DeploymentStrategy() {
    super("E1208", "A deployment strategy's settings match it and are in range; BLUE_GREEN has a bake time", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode config = Nodes.object(s.body(), "deploymentConfiguration");
    if (config == null) {
      return;
    }
    String base = "/deploymentConfiguration";
    var strategy = io.ecsl.facts.deployment.DeploymentStrategy.of(Nodes.text(config, "strategy"));
    if (strategy == null) {
      return;  // not an enum value: the model's check reports it
    }
    for (var other : io.ecsl.facts.deployment.DeploymentStrategy.values()) {
      String member = other.configurationMember();
      if (member != null && other != strategy && Nodes.has(config, member)) {
        s.report(ctx, base + "/" + member, Nodes.name(member) + " applies only to `strategy = " + other.name() + "`, and "
            + s.label() + " uses " + strategy.name(), "remove it, or write `strategy = " + other.word() + "(…)`");
      }
    }
    if (strategy.requiresBakeTime() && !Nodes.has(config, "bakeTimeInMinutes")) {
      s.report(ctx, base + "/strategy", "BLUE_GREEN deployments of " + s.label() + " need a bake time: how long both revisions "
          + "run after production traffic has shifted, before the old one stops", "write `strategy = blue_green(bake = 10m)` "
          + "(`bake = 0m` removes the old revision at once)");
    }
    percent(ctx, s, config, io.ecsl.facts.deployment.DeploymentStrategy.LINEAR, "stepPercent");
    percent(ctx, s, config, io.ecsl.facts.deployment.DeploymentStrategy.CANARY, "canaryPercent");
    for (String[] bake : List.of(new String[] {"", "bakeTimeInMinutes"}, new String[] {"/linearConfiguration", "stepBakeTimeInMinutes"},
        new String[] {"/canaryConfiguration", "canaryBakeTimeInMinutes"})) {
      JsonNode owner = bake[0].isEmpty() ? config : Nodes.object(config, bake[0].substring(1));
      Long minutes = Nodes.integer(owner, bake[1]);
      if (minutes != null && !TrafficShift.bakeFits(minutes)) {
        s.report(ctx, base + bake[0] + "/" + bake[1], Nodes.name(bake[1]) + " must be " + TrafficShift.MIN_BAKE_MINUTES + " to "
            + TrafficShift.MAX_BAKE_MINUTES + " minutes; you set " + minutes, "use at most 24h (1440 minutes)");
      }
    }
  }

  private static void percent(RuleContext ctx, ServiceView s, JsonNode config, io.ecsl.facts.deployment.DeploymentStrategy strategy,
      String field) {
    String member = strategy.configurationMember();
    Double v = Nodes.number(Nodes.object(config, member), field);
    if (v == null || TrafficShift.percentFits(strategy, v)) {
      return;
    }
    double min = TrafficShift.minPercent(strategy);
    s.report(ctx, "/deploymentConfiguration/" + member + "/" + field, Nodes.name(field) + " must be " + Nodes.format(min)
        + "% to 100% in steps of 0.1; you set " + Nodes.format(v) + "%", "write e.g. `" + strategy.word() + "("
        + Nodes.format(strategy == io.ecsl.facts.deployment.DeploymentStrategy.LINEAR ? TrafficShift.DEFAULT_STEP_PERCENT
            : TrafficShift.DEFAULT_CANARY_PERCENT) + "%)`");
  }
}
