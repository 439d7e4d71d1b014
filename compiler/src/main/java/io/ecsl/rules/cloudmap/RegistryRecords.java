package io.ecsl.rules.cloudmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1424: an ECS service's registry fits the records of the declared discovery service it names. An
 * SRV record carries a port, so the registry gives one ({@code port}, or {@code container_name}
 * and {@code container_port}); tasks in bridge or host network mode share the instance's address,
 * so they are found by SRV records only (integrations §3.1).
 */
// A whole-model rule: a service's registry is judged by the discovery service it names, not by its own view alone.
public final class RegistryRecords extends BaseRule {
  public RegistryRecords() {
    super("E1424", "A service registry gives the port an SRV record needs; bridge and host tasks need SRV records",
        "ECS Developer Guide (service-discovery)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ServiceView s : ctx.index().services()) {
      checkService(ctx, s);
    }
  }

  private static void checkService(RuleContext ctx, ServiceView s) {
    List<JsonNode> registries = Nodes.list(s.body(), "serviceRegistries");
    for (int i = 0; i < registries.size(); i++) {
      JsonNode registry = registries.get(i);
      Resource d = DeclaredDiscovery.named(ctx, Nodes.text(registry, "registryArn"));
      if (d == null || !d.primary().body().has("DnsConfig")) {
        continue;
      }
      List<String> types = DeclaredDiscovery.recordTypes(d.primary().body());
      String at = "/serviceRegistries/" + i;
      if (types.contains("SRV") && !Nodes.has(registry, "port") && !Nodes.has(registry, "containerPort")) {
        ctx.report(s.resource(), s.request(), at, "the SRV record of " + DeclaredDiscovery.label(d) + " needs a port, and the"
            + " registry of " + s.label() + " gives none", "add `container_name` and `container_port` (or `port` with awsvpc)",
            d.span(), DeclaredDiscovery.label(d) + " is declared here");
      }
      String mode = s.task() == null ? null : s.task().effectiveNetworkMode();
      if (("bridge".equals(mode) || "host".equals(mode)) && !types.contains("SRV")) {
        ctx.report(s.resource(), s.request(), at, s.label() + " runs tasks in network mode `" + mode + "`, which share their"
            + " instance's address, so " + DeclaredDiscovery.label(d) + " needs an SRV record, not " + String.join(" and ", types),
            "write `record SRV = 60s` in its `dns { … }`", d.span(), DeclaredDiscovery.label(d) + " is declared here");
      }
    }
  }
}
