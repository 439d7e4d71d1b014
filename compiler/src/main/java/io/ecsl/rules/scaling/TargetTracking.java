package io.ecsl.rules.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.elb.ResourceLabel;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.ResourceLabelPlaceholder;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;
import java.util.Set;

/**
 * E1604: target tracking for an ECS service: an ECS metric (predefined or customized, one of the
 * two), a positive target, non-negative cooldowns, and for {@code ALBRequestCountPerTarget} a
 * resource label written as {@code app/LB/ID/targetgroup/TG/ID} (a missing one is E1910's).
 */
public final class TargetTracking extends ScalingRule {
  static final Set<String> ECS_METRICS = Set.of("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization",
      "ALBRequestCountPerTarget", "ECSServiceAverageCPUUtilizationHighResolution", "ECSServiceAverageMemoryUtilizationHighResolution");

  public TargetTracking() {
    super("E1604", "Target tracking uses an ECS metric, a positive target, and a resource label for ALB requests",
        "Application Auto Scaling API");
  }

  @Override
  void check(RuleContext ctx, ScalingView s) {
    for (ApiRequest p : s.policies()) {
      JsonNode config = Nodes.object(p.body(), "TargetTrackingScalingPolicyConfiguration");
      if (config == null) {
        continue;
      }
      String base = "/TargetTrackingScalingPolicyConfiguration";
      String name = Nodes.text(p.body(), "PolicyName");
      JsonNode predefined = Nodes.object(config, "PredefinedMetricSpecification");
      boolean customized = Nodes.has(config, "CustomizedMetricSpecification");
      if ((predefined == null) == !customized) {
        ctx.report(s.resource(), p, base, "target tracking policy `" + name + "` needs exactly one metric: predefined or customized",
            "write `cpu = 70%` (predefined) or a `customized_metric_specification`");
      }
      String metric = Nodes.text(predefined, "PredefinedMetricType");
      if (metric != null && !ECS_METRICS.contains(metric)) {
        ctx.report(s.resource(), p, base + "/PredefinedMetricSpecification/PredefinedMetricType", "`" + metric
            + "` is not a metric of ECS services", "use ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization or "
                + "ALBRequestCountPerTarget (in .ecs: `cpu`, `memory`, `alb_requests`)");
      }
      String label = Nodes.text(predefined, "ResourceLabel");
      if ("ALBRequestCountPerTarget".equals(metric)) {
        // Without a label, E1910 says why none could be derived; a derived one is a placeholder until the ELB resources exist.
        if (label != null && ResourceLabelPlaceholder.parse(label) == null && !ResourceLabel.isLabel(label)) {
          ctx.report(s.resource(), p, base + "/PredefinedMetricSpecification/ResourceLabel", "resource label `" + label
              + "` is not `app/LB-NAME/LB-ID/targetgroup/TG-NAME/TG-ID`", "join the load balancer ARN's end (after `loadbalancer/`) "
                  + "and the target group ARN's end (from `targetgroup/`) with `/`, e.g. "
                  + "`app/web/50dc6c495c0c9188/targetgroup/web/6d0ecf831eec9f09`");
        }
      } else if (label != null && metric != null) {
        ctx.report(s.resource(), p, base + "/PredefinedMetricSpecification/ResourceLabel", "a resource label is used only with "
            + "ALBRequestCountPerTarget, not " + metric, "remove `resource_label`");
      }
      Double target = Nodes.number(config, "TargetValue");
      if (target != null && target <= 0) {
        ctx.report(s.resource(), p, base + "/TargetValue", "the target of scaling policy `" + name + "` must be above 0; it is "
            + Nodes.format(target), "use e.g. `cpu = 70%`");
      }
      for (String cooldown : new String[] {"ScaleInCooldown", "ScaleOutCooldown"}) {
        Long v = Nodes.integer(config, cooldown);
        if (v != null && v < 0) {
          ctx.report(s.resource(), p, base + "/" + cooldown, Nodes.name(cooldown) + " is negative", "use seconds ≥ 0 (default 300)");
        }
      }
    }
  }
}
