package io.ecsl.rules.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/**
 * E1423: one kind of health check. ECS reports its tasks' health through the custom check; a Route
 * 53 health check probes public addresses, so it is refused in a private DNS namespace, and a TCP
 * check has no resource path.
 */
public final class DiscoveryServiceHealthCheck extends BaseRule {
  public DiscoveryServiceHealthCheck() {
    super("E1423", "Custom or Route 53 health check, not both; Route 53 checks not in private DNS; TCP without a path",
        "Cloud Map API (HealthCheckConfig, HealthCheckCustomConfig)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : DeclaredDiscovery.services(ctx)) {
      JsonNode body = r.primary().body();
      JsonNode route53 = body.get("HealthCheckConfig");
      if (route53 == null) {
        continue;
      }
      if (body.hasNonNull("HealthCheckCustomConfig")) {
        ctx.report(r, "/HealthCheckConfig", DeclaredDiscovery.label(r) + " has both a custom and a Route 53 health check",
            "keep `custom` for an ECS service (ECS reports its tasks' health), or the Route 53 check");
      } else if (DeclaredDiscovery.namespaceType(ctx, r) == DeclaredDiscovery.NamespaceType.DNS_PRIVATE) {
        ctx.report(r, "/HealthCheckConfig", DeclaredDiscovery.label(r) + " has a Route 53 health check, but its namespace `"
            + DeclaredDiscovery.namespace(ctx, r).name() + "` is private: Route 53 cannot reach its addresses",
            "use `health_check = custom` (ECS reports its tasks' health)");
      }
      if ("TCP".equals(route53.path("Type").asText(null)) && route53.has("ResourcePath")) {
        ctx.report(r, "/HealthCheckConfig/ResourcePath", "the TCP health check of " + DeclaredDiscovery.label(r)
            + " has a path; TCP checks only connect", "remove `path`, or use `type = HTTP`");
      }
    }
  }
}
