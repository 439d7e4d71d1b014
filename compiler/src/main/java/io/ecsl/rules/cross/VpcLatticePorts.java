package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Set;

/** E1717: a VPC Lattice configuration names a port mapping (by name) of the service's task definition. */
public final class VpcLatticePorts extends CrossServiceRule {
  public VpcLatticePorts() {
    super("E1717", "VPC Lattice configurations name a named port of the task definition", "ECS API");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    List<JsonNode> configs = Nodes.list(s.body(), "vpcLatticeConfigurations");
    Set<String> ports = task.portsByName().keySet();
    for (int i = 0; i < configs.size(); i++) {
      String port = Nodes.text(configs.get(i), "portName");
      if (port != null && !ports.contains(port)) {
        String hint = Suggestions.didYouMean(port, ports);
        report(ctx, s, task, "/vpcLatticeConfigurations/" + i + "/portName", "the VPC Lattice configuration of " + s.label()
            + " names port `" + port + "`, but no container of " + task.label() + " has a port named so", hint != null ? hint
                : ports.isEmpty() ? "name a port in the task: `port " + port + " = 8080/tcp`"
                    : "the named ports are " + Nodes.andList(ports.stream().sorted().toList()));
      }
    }
  }
}
