package io.ecsl.rules.cross;

import io.ecsl.model.ApiRequest;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;
import io.ecsl.rules.ServiceView;

/**
 * E1713: autoscaling fits its service: DAEMON services cannot be scaled (they run one task per
 * instance), and ALB request-count tracking needs the service behind a target group.
 */
public final class ScalingService extends BaseRule {
  public ScalingService() {
    super("E1713", "Autoscaled services are REPLICA, and ALB request tracking needs a target group on the service",
        "Application Auto Scaling; ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ScalingView scaling : ctx.index().scaling()) {
      ServiceView s = scaling.service();
      if (s == null) {
        continue;
      }
      if (s.daemon() && scaling.target() != null) {
        ctx.report(scaling.resource(), scaling.target(), "/MinCapacity", "DAEMON " + s.label() + " runs one task per instance and cannot "
            + "be autoscaled", "remove `autoscaling`, or use a REPLICA service");
      }
      boolean targetGroup = Nodes.list(s.body(), "loadBalancers").stream().anyMatch(lb -> Nodes.has(lb, "targetGroupArn"));
      for (ApiRequest p : scaling.policies()) {
        String metric = Nodes.text(Nodes.object(Nodes.object(p.body(), "TargetTrackingScalingPolicyConfiguration"),
            "PredefinedMetricSpecification"), "PredefinedMetricType");
        if ("ALBRequestCountPerTarget".equals(metric) && !targetGroup) {
          ctx.report(scaling.resource(), p, "/TargetTrackingScalingPolicyConfiguration", s.label()
              + " tracks ALB requests per target, but it is not registered with a target group",
              "add a `load_balancer { target_group = … }` to the service, or track `cpu` instead");
        }
      }
    }
  }
}
