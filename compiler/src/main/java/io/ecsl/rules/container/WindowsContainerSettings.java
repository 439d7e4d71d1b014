package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** E1119: container settings Windows containers do not support. */
public final class WindowsContainerSettings extends ContainerRule {
  private static final String[] FLAGS = {"privileged", "disableNetworking", "readonlyRootFilesystem"};
  private static final String[] MEMBERS = {"links", "user", "dnsServers", "dnsSearchDomains", "extraHosts", "linuxParameters",
      "ulimits", "systemControls", "memoryReservation"};

  public WindowsContainerSettings() {
    super("E1119", "Windows containers use no Linux-only settings (links, user, privileged, ulimits, linux parameters, …)",
        "ECS API (Windows task definition parameters)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    if (!task.windows()) {
      return;
    }
    for (String flag : FLAGS) {
      if (Boolean.TRUE.equals(Nodes.bool(c.node(), flag))) {
        report(ctx, task, c, flag);
      }
    }
    for (String member : MEMBERS) {
      if (Nodes.has(c.node(), member) && !(c.node().get(member).isArray() && c.node().get(member).isEmpty())) {
        report(ctx, task, c, member);
      }
    }
  }

  private static void report(RuleContext ctx, TaskDefinitionView task, ContainerView c, String member) {
    c.report(ctx, "/" + member, Nodes.name(member) + " is not supported for Windows containers (" + c.label() + ", "
        + task.osFamily() + ")", member.equals("memoryReservation") ? "use `memory` (a hard limit) instead" : "remove it");
  }
}
