package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Set;

/**
 * E1130: system controls are namespaced sysctls ECS supports (IPC: {@code kernel.msg*},
 * {@code kernel.sem}, {@code kernel.shm*}, {@code fs.mqueue.*}; network: {@code net.*}); network
 * ones are not allowed with network mode {@code host}, IPC ones not with {@code ipcMode host}.
 */
public final class SystemControls extends ContainerRule {
  static final Set<String> IPC = Set.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall",
      "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

  public SystemControls() {
    super("E1130", "System controls are supported namespaced sysctls that the network/IPC mode allows", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> controls = Nodes.list(c.node(), "systemControls");
    for (int i = 0; i < controls.size(); i++) {
      String ns = Nodes.text(controls.get(i), "namespace");
      if (ns == null) {
        continue;
      }
      String at = "/systemControls/" + i + "/namespace";
      boolean ipc = IPC.contains(ns) || ns.startsWith("fs.mqueue.");
      boolean net = ns.startsWith("net.");
      if (!ipc && !net) {
        c.report(ctx, at, "`" + ns + "` is not a namespaced sysctl ECS can set", "ECS sets IPC sysctls (kernel.msg*, kernel.sem, "
            + "kernel.shm*, fs.mqueue.*) and network sysctls (net.*)");
      } else if (net && task.effectiveNetworkMode().equals("host")) {
        c.report(ctx, at, "`" + ns + "` cannot be set with network mode `host`: it would change the instance's own network stack",
            "use network mode `awsvpc` or `bridge`, or set it on the instance");
      } else if (ipc && "host".equals(Nodes.text(task.body(), "ipcMode"))) {
        c.report(ctx, at, "`" + ns + "` cannot be set with `ipc_mode = host`", "use `ipc_mode = task`, or set it on the instance");
      }
    }
  }
}
