package io.ecsl.rules.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.cloudmap.DiscoveryServiceFacts;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/** W1420: Cloud Map no longer honours a custom health check's failure threshold: it always uses 1. */
public final class CustomFailureThreshold extends BaseRule {
  public CustomFailureThreshold() {
    super("W1420", "A custom health check's failure threshold other than 1 is ignored (Cloud Map always uses 1)",
        "Cloud Map API (HealthCheckCustomConfig.FailureThreshold, deprecated)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : DeclaredDiscovery.services(ctx)) {
      JsonNode threshold = r.primary().body().path("HealthCheckCustomConfig").get("FailureThreshold");
      if (threshold != null && threshold.asInt() != DiscoveryServiceFacts.CUSTOM_FAILURE_THRESHOLD) {
        ctx.report(r, "/HealthCheckCustomConfig/FailureThreshold", "the custom health check of " + DeclaredDiscovery.label(r)
            + " has failure_threshold " + threshold.asText() + ", which Cloud Map ignores: it always uses "
            + DiscoveryServiceFacts.CUSTOM_FAILURE_THRESHOLD, "write `health_check = custom`");
      }
    }
  }
}
