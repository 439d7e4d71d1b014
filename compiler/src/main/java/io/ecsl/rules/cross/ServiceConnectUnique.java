package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * E1706: within a Service Connect namespace, discovery names and client endpoints
 * ({@code dnsName:port}) belong to one service each.
 */
public final class ServiceConnectUnique extends BaseRule {
  public ServiceConnectUnique() {
    super("E1706", "Discovery names and client endpoints are unique within a Service Connect namespace", "ECS API; Cloud Map");
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, ServiceView> names = new HashMap<>();
    Map<String, ServiceView> endpoints = new HashMap<>();
    for (ServiceView s : ctx.index().services()) {
      JsonNode sc = Nodes.object(s.body(), "serviceConnectConfiguration");
      if (sc == null || !Boolean.TRUE.equals(Nodes.bool(sc, "enabled"))) {
        continue;
      }
      String ns = Nodes.text(sc, "namespace");
      if (ns == null && s.cluster() != null) {
        ns = s.cluster().serviceConnectNamespace();
      }
      if (ns == null) {
        continue;
      }
      List<JsonNode> services = Nodes.list(sc, "services");
      for (int i = 0; i < services.size(); i++) {
        JsonNode svc = services.get(i);
        String at = "/serviceConnectConfiguration/services/" + i;
        String discovery = Nodes.text(svc, "discoveryName") != null ? Nodes.text(svc, "discoveryName") : Nodes.text(svc, "portName");
        if (discovery != null) {
          ServiceView first = names.putIfAbsent(ns + "\u0000" + discovery, s);
          if (first != null && first != s) {
            ctx.report(s.resource(), s.request(), at, "discovery name `" + discovery + "` in namespace `" + ns + "` is already used by "
                + first.label() + " (" + first.clusterName() + ")", "set a distinct `discovery_name` on one of them",
                first.resource().span(), first.label() + " is declared here");
          }
        }
        List<JsonNode> aliases = Nodes.list(svc, "clientAliases");
        for (int j = 0; j < aliases.size(); j++) {
          Long port = Nodes.integer(aliases.get(j), "port");
          String dns = Nodes.text(aliases.get(j), "dnsName") != null ? Nodes.text(aliases.get(j), "dnsName") : discovery;
          if (port == null || dns == null) {
            continue;
          }
          ServiceView first = endpoints.putIfAbsent(ns + "\u0000" + dns + ":" + port, s);
          if (first != null && first != s) {
            ctx.report(s.resource(), s.request(), at + "/clientAliases/" + j, "client endpoint `" + dns + ":" + port
                + "` in namespace `" + ns + "` is already used by " + first.label(), "give one of them another `dns_name` or port",
                first.resource().span(), first.label() + " is declared here");
          }
        }
      }
    }
  }
}
