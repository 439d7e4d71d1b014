package io.ecsl.rules.service;

import io.ecsl.facts.limits.EcsLimit;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1215: an awsvpc configuration has 1–16 subnets ({@code subnet-…}), at most 5 security groups
 * ({@code sg-…}), and a public IP only on Fargate.
 */
public final class NetworkConfiguration extends ServiceRule {
  public NetworkConfiguration() {
    super("E1215", "awsvpc configuration: 1–16 subnets, ≤ 5 security groups, public IP only on Fargate",
        "ECS API; ECS quota");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode vpc = Nodes.object(Nodes.object(s.body(), "networkConfiguration"), "awsvpcConfiguration");
    if (vpc == null) {
      return;
    }
    check(vpc, "/networkConfiguration/awsvpcConfiguration", "subnets", "securityGroups", "assignPublicIp", s.launch(),
        (p, m, h) -> s.report(ctx, p, m, h));
  }

  /** Shared with scheduled tasks (E1506), whose members are capitalised. */
  public static void check(JsonNode vpc, String base, String subnetsMember, String groupsMember, String publicIpMember,
      Launch launch, io.ecsl.rules.Reporter r) {
    List<String> subnets = Nodes.strings(vpc, subnetsMember);
    if (subnets.isEmpty()) {
      r.report(base, "the network configuration names no subnet", "add `subnets = [\"subnet-0123456789abcdef0\"]`");
    } else if (EcsLimit.SUBNETS_PER_AWSVPC_CONFIGURATION.exceededBy(subnets.size())) {
      r.report(base + "/" + subnetsMember, "the network configuration has " + subnets.size() + " subnets; ECS allows "
          + EcsLimit.SUBNETS_PER_AWSVPC_CONFIGURATION.max(), "list at most " + EcsLimit.SUBNETS_PER_AWSVPC_CONFIGURATION.max() + " subnets");
    }
    for (int i = 0; i < subnets.size(); i++) {
      if (!subnets.get(i).startsWith("subnet-")) {
        r.report(base + "/" + subnetsMember + "/" + i, "`" + subnets.get(i) + "` is not a subnet ID", "subnet IDs look like `subnet-0123456789abcdef0`");
      }
    }
    List<String> groups = Nodes.strings(vpc, groupsMember);
    if (EcsLimit.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION.exceededBy(groups.size())) {
      r.report(base + "/" + groupsMember, "the network configuration has " + groups.size() + " security groups; ECS allows "
          + EcsLimit.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION.max(),
          "merge rules into fewer security groups");
    }
    for (int i = 0; i < groups.size(); i++) {
      if (!groups.get(i).startsWith("sg-")) {
        r.report(base + "/" + groupsMember + "/" + i, "`" + groups.get(i) + "` is not a security group ID",
            "security group IDs look like `sg-0123456789abcdef0` (names are not accepted)");
      }
    }
    if ("ENABLED".equals(Nodes.text(vpc, publicIpMember)) && launch != Launch.FARGATE && launch != Launch.UNKNOWN) {
      r.report(base + "/" + publicIpMember, "a public IP can be assigned only to Fargate tasks; these run on " + launch,
          "remove `assign_public_ip` (EC2 tasks reach the internet through a NAT gateway)");
    }
  }
}
