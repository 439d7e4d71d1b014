package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Map;

/**
 * E1705: Service Connect publishes named ports of the service's task definition, which uses
 * network mode bridge or awsvpc on Linux; per-request timeouts apply only to HTTP-family ports.
 */
public final class ServiceConnectPorts extends CrossServiceRule {
  public ServiceConnectPorts() {
    super("E1705", "Service Connect publishes named ports of the task definition (bridge/awsvpc, Linux)", "ECS API; CDK");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    JsonNode sc = Nodes.object(s.body(), "serviceConnectConfiguration");
    if (sc == null || !Boolean.TRUE.equals(Nodes.bool(sc, "enabled"))) {
      return;
    }
    String mode = task.effectiveNetworkMode();
    if (!mode.equals("bridge") && !mode.equals("awsvpc")) {
      report(ctx, s, task, "/serviceConnectConfiguration", "Service Connect needs network mode `bridge` or `awsvpc`, and "
          + task.label() + " uses `" + mode + "`", "set `network_mode = awsvpc` on task `" + task.family() + "`");
    }
    if (task.windows()) {
      report(ctx, s, task, "/serviceConnectConfiguration", "Service Connect does not support Windows tasks (" + task.label() + ")",
          "remove `service_connect` from " + s.label());
    }
    Map<String, JsonNode> ports = task.portsByName();
    List<JsonNode> services = Nodes.list(sc, "services");
    for (int i = 0; i < services.size(); i++) {
      String port = Nodes.text(services.get(i), "portName");
      if (port == null) {
        continue;
      }
      JsonNode mapping = ports.get(port);
      if (mapping == null) {
        String hint = Suggestions.didYouMean(port, ports.keySet());
        report(ctx, s, task, "/serviceConnectConfiguration/services/" + i + "/portName", "Service Connect of " + s.label()
            + " publishes port `" + port + "`, but no container of " + task.label() + " has a port named so", hint != null ? hint
                : ports.isEmpty() ? "name a port in the task: `port " + port + " = 8080/tcp`"
                    : "the named ports are " + Nodes.andList(ports.keySet().stream().sorted().toList()));
        continue;
      }
      boolean tcp = Nodes.text(mapping, "appProtocol") == null;
      if (tcp && Nodes.has(Nodes.object(services.get(i), "timeout"), "perRequestTimeoutSeconds")) {
        report(ctx, s, task, "/serviceConnectConfiguration/services/" + i + "/timeout/perRequestTimeoutSeconds",
            "port `" + port + "` has no application protocol (it is plain TCP), so it takes no per-request timeout",
            "set `app_protocol = http` on the port, or remove `per_request_timeout_seconds`");
      }
    }
  }
}
