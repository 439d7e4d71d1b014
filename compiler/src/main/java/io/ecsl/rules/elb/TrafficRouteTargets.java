package io.ecsl.rules.elb;

import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E2001: the listener rule (or NLB listener) a service names as its production or test route
 * forwards to the service's own target groups. In a BLUE_GREEN, LINEAR or CANARY deployment ECS
 * rewrites that rule's forward action to weigh the primary target group against the alternate
 * (developer guide, alb-resources-for-blue-green: the production rule routes to the primary target
 * group). A rule that forwards elsewhere, or does not forward at all, is not the service's route:
 * the first deployment would replace what it does and cut off whatever it served. A route that is
 * not a rule or listener at all is E2000's.
 */
public final class TrafficRouteTargets extends BaseRule {
  private static final String[][] ROUTES = {
      {"productionListenerRule", "production_listener_rule"}, {"testListenerRule", "test_listener_rule"}};

  public TrafficRouteTargets() {
    super("E2001", "A service's production and test listener rules forward to its target group or its alternate",
        "ECS Developer Guide (alb-resources-for-blue-green, nlb-resources-for-blue-green)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (DeclaredElb.Staged lb : DeclaredElb.staged(ctx)) {
      String primary = Nodes.text(lb.loadBalancer(), "targetGroupArn");
      if (primary == null) {
        continue;
      }
      for (String[] route : ROUTES) {
        Resource rule = DeclaredElb.find(ctx, Nodes.text(lb.advanced(), route[0]));
        if (rule != null && (rule.kind() == ResourceKind.LISTENER_RULE || rule.kind() == ResourceKind.LISTENER)) {
          check(ctx, lb.service(), lb.at() + "/" + route[0], route[1], rule, primary,
              Nodes.text(lb.advanced(), "alternateTargetGroupArn"));
        }
      }
    }
  }

  private static void check(RuleContext ctx, ServiceView s, String at, String written, Resource rule, String primary,
      String alternate) {
    List<String> targets = DeclaredElb.forwardTargets(DeclaredElb.actions(rule));
    String primaryLabel = labelOf(ctx, primary);
    String what = "`" + written + "` of " + s.label() + " is " + rule.kind().word() + " `" + DeclaredElb.label(ctx, rule) + "`";
    if (targets.isEmpty()) {
      s.report(ctx, at, what + ", which does not forward to a target group; ECS shifts a deployment's traffic by "
          + "re-weighting the rule's forward action", "make the rule `forward = " + primaryLabel + "` (the service's target group)");
      return;
    }
    for (String target : targets) {
      if (!target.equals(primary) && !target.equals(alternate)) {
        s.report(ctx, at, what + ", which forwards to target group `" + labelOf(ctx, target) + "`; ECS re-weights the rule "
            + "between the service's target group `" + primaryLabel + "` and its alternate, so that traffic would be cut off "
            + "at the first deployment", "forward the rule to `" + primaryLabel + "`, or name a rule that does");
        return;
      }
    }
  }

  private static String labelOf(RuleContext ctx, String targetGroupArn) {
    Resource tg = DeclaredElb.find(ctx, targetGroupArn);
    return tg == null ? targetGroupArn : DeclaredElb.label(tg);
  }
}
