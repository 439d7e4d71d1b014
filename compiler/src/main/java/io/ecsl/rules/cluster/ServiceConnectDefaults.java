package io.ecsl.rules.cluster;

import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E1406: a cluster's default Service Connect namespace is a namespace ARN or a name of up to 1024
 * characters without {@code <}, {@code >}, {@code "} or {@code /}.
 */
public final class ServiceConnectDefaults extends ClusterRule {
  public ServiceConnectDefaults() {
    super("E1406", "A cluster's Service Connect namespace is an ARN or a name without `<`, `>`, `\"`, `/`", "ECS API");
  }

  @Override
  void check(RuleContext ctx, ClusterView c) {
    String ns = Nodes.text(Nodes.object(c.body(), "serviceConnectDefaults"), "namespace");
    if (ns == null || ns.isEmpty() || ns.startsWith("arn:")) {
      return;
    }
    if (ns.length() > 1024 || ns.matches(".*[<>\"/].*")) {
      report(ctx, c, "/serviceConnectDefaults/namespace", "`" + ns + "` is not a namespace name: names are up to 1024 "
          + "characters without `<`, `>`, `\"` or `/`", "give the namespace's name (e.g. `internal`) or its ARN");
    }
  }
}
