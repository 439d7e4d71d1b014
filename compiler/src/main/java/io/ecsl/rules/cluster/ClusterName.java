package io.ecsl.rules.cluster;

import static io.ecsl.facts.limits.EcsName.CLUSTER;

import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Names;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/** E1401: a cluster name is 1–255 letters, digits, {@code _} or {@code -}. */
public final class ClusterName extends ClusterRule {
  public ClusterName() {
    super("E1401", "Cluster names are " + CLUSTER.describe(), "ECS API");
  }

  @Override
  void check(RuleContext ctx, ClusterView c) {
    String name = Nodes.text(c.body(), "clusterName");
    if (name != null && !CLUSTER.isValid(name)) {
      report(ctx, c, "/clusterName", "cluster name `" + name + "` " + Names.problem(CLUSTER, name),
          Names.hint(CLUSTER, "cluster_name", name));
    }
  }
}
