package io.ecsl.rules.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/**
 * E1421: DNS settings fit the namespace. A service in an HTTP namespace has no DNS records (it is
 * found with DiscoverInstances), nor has one of {@code type = HTTP}; a service in a DNS namespace
 * declares the records it wants, or says with {@code type = HTTP} that it wants none.
 */
public final class DiscoveryServiceDns extends BaseRule {
  public DiscoveryServiceDns() {
    super("E1421", "DNS records only in DNS namespaces, and required there unless `type = HTTP`",
        "Cloud Map API (CreateService DnsConfig, Type)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : DeclaredDiscovery.services(ctx)) {
      JsonNode body = r.primary().body();
      boolean dns = body.hasNonNull("DnsConfig");
      boolean apiOnly = "HTTP".equals(body.path("Type").asText(null));
      DeclaredDiscovery.NamespaceType type = DeclaredDiscovery.namespaceType(ctx, r);
      if (dns && type == DeclaredDiscovery.NamespaceType.HTTP) {
        ctx.report(r, "/DnsConfig", DeclaredDiscovery.label(r) + " has DNS records, but its namespace `"
            + DeclaredDiscovery.namespace(ctx, r).name() + "` is an HTTP namespace, which has no DNS",
            "remove `dns { … }`, or make the namespace `type = private_dns` (or `public_dns`)");
      } else if (dns && apiOnly) {
        ctx.report(r, "/DnsConfig", DeclaredDiscovery.label(r) + " has DNS records and `type = HTTP`, which means no DNS",
            "remove `dns { … }` or `type = HTTP`");
      } else if (!dns && !apiOnly && type != null && type != DeclaredDiscovery.NamespaceType.HTTP) {
        ctx.report(r, "", DeclaredDiscovery.label(r) + " is in the DNS namespace `" + DeclaredDiscovery.namespace(ctx, r).name()
            + "` but declares no DNS records", "add `dns { record A = 60s }` (SRV for bridge and host tasks), or `type = HTTP`"
            + " to find it with DiscoverInstances only");
      }
    }
  }
}
