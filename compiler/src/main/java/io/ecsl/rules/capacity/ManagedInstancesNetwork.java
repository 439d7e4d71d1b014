package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E2109: a Managed Instances provider says where its instances launch: at least one subnet and one
 * security group (CloudFormation's schema requires both; ECS needs subnets to launch anything).
 */
public final class ManagedInstancesNetwork extends BaseRule {
  public ManagedInstancesNetwork() {
    super("E2109", "A Managed Instances provider's instances have subnets and security groups", "ECS API; CloudFormation schema");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().capacityProviders()) {
      JsonNode template = Nodes.object(ManagedInstancesProviders.settings(r), "instanceLaunchTemplate");
      JsonNode network = Nodes.object(template, "networkConfiguration");
      if (network == null) {
        continue; // a missing network is the model's E0411
      }
      String base = "/managedInstancesProvider/instanceLaunchTemplate/networkConfiguration";
      for (String member : new String[] {"subnets", "securityGroups"}) {
        if (Nodes.list(network, member).isEmpty()) {
          ctx.report(r, base, "the instances of capacity provider `" + r.name() + "` have no " + (member.equals("subnets")
              ? "subnets to launch in" : "security groups"), "add `" + (member.equals("subnets") ? "subnets" : "security_groups")
              + " = [\"…\"]` to its `network`");
        }
      }
    }
  }
}
