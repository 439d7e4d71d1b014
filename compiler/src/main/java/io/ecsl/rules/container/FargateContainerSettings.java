package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/**
 * E1118: container settings Fargate rejects: privileged mode, networking overrides, Docker security
 * options, devices, shared memory, tmpfs, swap, added capabilities other than SYS_PTRACE, GPUs.
 * ({@code links} and {@code extraHosts} are reported by E1116/E1117, since Fargate means awsvpc.)
 */
public final class FargateContainerSettings extends ContainerRule {
  private static final String HINT = "remove it, or run the task on EC2 (drop FARGATE from `requires_compatibilities`)";

  public FargateContainerSettings() {
    super("E1118", "No privileged mode, DNS/network overrides, devices, tmpfs, swap, extra capabilities or GPUs on Fargate",
        "ECS API (Fargate task definition considerations); cfn-lint E3048");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    if (!task.fargate()) {
      return;
    }
    JsonNode n = c.node();
    for (String flag : new String[] {"privileged", "disableNetworking"}) {
      if (Boolean.TRUE.equals(Nodes.bool(n, flag))) {
        c.report(ctx, "/" + flag, Nodes.name(flag) + " is not supported on Fargate (" + c.label() + ")", HINT);
      }
    }
    for (String list : new String[] {"dnsServers", "dnsSearchDomains", "dockerSecurityOptions"}) {
      if (Nodes.size(n, list) > 0) {
        c.report(ctx, "/" + list, Nodes.name(list) + " is not supported on Fargate (" + c.label() + ")", HINT);
      }
    }
    JsonNode linux = Nodes.object(n, "linuxParameters");
    if (linux != null) {
      for (String member : new String[] {"devices", "sharedMemorySize", "tmpfs", "maxSwap", "swappiness"}) {
        if (Nodes.has(linux, member) && !(linux.get(member).isArray() && linux.get(member).isEmpty())) {
          c.report(ctx, "/linuxParameters/" + member, Nodes.name(member) + " is not supported on Fargate (" + c.label() + ")", HINT);
        }
      }
      List<String> add = Nodes.strings(Nodes.object(linux, "capabilities"), "add");
      for (int i = 0; i < add.size(); i++) {
        if (!add.get(i).equals("SYS_PTRACE")) {
          c.report(ctx, "/linuxParameters/capabilities/add/" + i, "Fargate can add only the SYS_PTRACE capability, not "
              + add.get(i) + " (" + c.label() + ")", "remove " + add.get(i) + ", or run the task on EC2");
        }
      }
    }
    List<JsonNode> reqs = Nodes.list(n, "resourceRequirements");
    for (int i = 0; i < reqs.size(); i++) {
      if ("GPU".equals(Nodes.text(reqs.get(i), "type"))) {
        c.report(ctx, "/resourceRequirements/" + i, "GPUs are not available on Fargate (" + c.label() + ")",
            "run GPU tasks on EC2 GPU instances");
      }
    }
  }
}
