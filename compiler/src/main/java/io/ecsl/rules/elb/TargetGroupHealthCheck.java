package io.ecsl.rules.elb;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.elb.HealthCheckDefaults;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E1902: a target group's health check timeout is shorter than its interval (the API refuses
 * {@code HealthCheckTimeoutSeconds} ≥ {@code HealthCheckIntervalSeconds}); unset values are AWS's
 * defaults for the protocol.
 */
public final class TargetGroupHealthCheck extends BaseRule {
  public TargetGroupHealthCheck() {
    super("E1902", "Target group health check: timeout below interval", "ELBv2 API (CreateTargetGroup)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().ofKind(ResourceKind.TARGET_GROUP)) {
      JsonNode body = r.primary().body();
      HealthCheckDefaults defaults = HealthCheckDefaults.forTargetGroup(Nodes.text(body, "Protocol"));
      Long interval = Nodes.integer(body, "HealthCheckIntervalSeconds");
      Long timeout = Nodes.integer(body, "HealthCheckTimeoutSeconds");
      if (interval == null && timeout == null) {
        continue;
      }
      long i = interval != null ? interval : defaults.intervalSeconds();
      long t = timeout != null ? timeout : defaults.timeoutSeconds();
      if (t >= i) {
        ctx.report(r, timeout != null ? "/HealthCheckTimeoutSeconds" : "/HealthCheckIntervalSeconds",
            "the health check of target group `" + r.name() + "` times out after " + t + "s"
                + (timeout == null ? " (the default)" : "") + ", not less than its interval of " + i + "s"
                + (interval == null ? " (the default)" : ""),
            "make `timeout` shorter than `interval`, e.g. `interval = " + Math.max(i, t + 5) + "s, timeout = " + t + "s`");
      }
    }
  }
}
