package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;

/**
 * E1704: a service with Service Connect names a namespace, or runs in a cluster with a default
 * Service Connect namespace.
 */
public final class ServiceConnectNamespace extends BaseRule {
  public ServiceConnectNamespace() {
    super("E1704", "Service Connect has a namespace: the service's own or its cluster's default", "ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ServiceView s : ctx.index().services()) {
      JsonNode sc = Nodes.object(s.body(), "serviceConnectConfiguration");
      if (sc == null || !Boolean.TRUE.equals(Nodes.bool(sc, "enabled")) || Nodes.text(sc, "namespace") != null) {
        continue;
      }
      if (s.cluster() != null && s.cluster().serviceConnectNamespace() == null) {
        ctx.report(s.resource(), s.request(), "/serviceConnectConfiguration", "Service Connect of " + s.label()
            + " names no namespace, and cluster `" + s.cluster().name() + "` has no default namespace",
            "add `namespace = NAME` to `service_connect`, or `service_connect_namespace = NAME` to the cluster",
            s.cluster().resource().span(), "cluster `" + s.cluster().name() + "` is declared here");
      }
    }
  }
}
