package io.ecsl.rules.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.cloudmap.DiscoveryServiceFacts;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;
import java.util.List;

/**
 * E1422: a service's DNS records go together: A, AAAA, A and AAAA, SRV, or CNAME, each type once;
 * a CNAME needs weighted routing.
 */
public final class DiscoveryServiceRecords extends BaseRule {
  public DiscoveryServiceRecords() {
    super("E1422", "DNS records: A, AAAA, A+AAAA, SRV or CNAME, each once; CNAME only with weighted routing",
        "Cloud Map API (DnsConfig, DnsRecord)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : DeclaredDiscovery.services(ctx)) {
      JsonNode dns = r.primary().body().get("DnsConfig");
      if (dns == null || !dns.has("DnsRecords")) {
        continue;
      }
      List<String> types = DeclaredDiscovery.recordTypes(r.primary().body());
      String routing = dns.path("RoutingPolicy").asText(null);
      String problem = DiscoveryServiceFacts.recordsProblem(types, routing);
      if (problem == null) {
        continue;
      }
      boolean cname = problem.startsWith("has a CNAME");
      ctx.report(r, cname && dns.has("RoutingPolicy") ? "/DnsConfig/RoutingPolicy" : "/DnsConfig/DnsRecords",
          DeclaredDiscovery.label(r) + " " + problem,
          cname ? "write `routing = weighted` in `dns { … }`" : "keep `record A`, `record AAAA` (or both), `record SRV` or `record CNAME`");
    }
  }
}
