package io.ecsl.rules.elb;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.RequestCountTarget;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;

/**
 * E1910: {@code alb_requests} target tracking without a {@code resource_label} measures the
 * service's declared target group behind its declared Application Load Balancer; when there is no
 * such pair (the target group is made elsewhere, no listener forwards to it, it is behind a
 * network load balancer) the label cannot be derived, and Application Auto Scaling refuses
 * ALBRequestCountPerTarget without one. A service with no target group at all is E1713's.
 */
public final class RequestCountLabel extends BaseRule {
  public RequestCountLabel() {
    super("E1910", "ALB request tracking without a resource label needs the service's target group behind a declared ALB",
        "Application Auto Scaling API (PredefinedMetricSpecification.ResourceLabel)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ScalingView scaling : ctx.index().scaling()) {
      if (scaling.service() == null) {
        continue;
      }
      for (ApiRequest p : scaling.policies()) {
        JsonNode predefined = Nodes.object(Nodes.object(p.body(), "TargetTrackingScalingPolicyConfiguration"),
            "PredefinedMetricSpecification");
        if (!"ALBRequestCountPerTarget".equals(Nodes.text(predefined, "PredefinedMetricType"))
            || Nodes.has(predefined, "ResourceLabel")) {
          continue;
        }
        RequestCountTarget target = RequestCountTarget.of(ctx.model().resources(), scaling.service().resource());
        if (target.why() != null) {
          ctx.report(scaling.resource(), p, "/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification",
              "cannot derive the resource label of `alb_requests` for " + scaling.service().label() + ": " + target.why(),
              target.hint());
        }
      }
    }
  }
}
