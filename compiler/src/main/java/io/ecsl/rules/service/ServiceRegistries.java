package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * E1214: a service has at most one service registry, a Cloud Map service ARN, with container name
 * and port given together and not together with {@code port}.
 */
public final class ServiceRegistries extends ServiceRule {
  private static final java.util.regex.Pattern REGISTRY = java.util.regex.Pattern.compile(
      "arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:\\d{12}:service/srv-[a-z0-9]+");

  /** {@code registry { service = api }}: the ARN of a declared discovery service, known once it is created. */
  private static boolean isDeclared(String arn) {
    io.ecsl.model.ArnPlaceholder p = io.ecsl.model.ArnPlaceholder.parse(arn);
    return p != null && p.kind() == io.ecsl.model.ResourceKind.DISCOVERY_SERVICE;
  }

  public ServiceRegistries() {
    super("E1214", "At most one service registry: a Cloud Map service ARN, container name and port together", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    List<JsonNode> registries = Nodes.list(s.body(), "serviceRegistries");
    if (registries.size() > 1) {
      s.report(ctx, "/serviceRegistries/1", s.label() + " has " + registries.size() + " service registries; ECS allows one",
          "keep one (register further names with Service Connect)");
    }
    for (int i = 0; i < registries.size(); i++) {
      JsonNode r = registries.get(i);
      String at = "/serviceRegistries/" + i;
      String arn = Nodes.text(r, "registryArn");
      if (arn != null && !REGISTRY.matcher(arn).matches() && !isDeclared(arn)) {
        s.report(ctx, at + "/registryArn", "`" + arn + "` is not a Cloud Map service ARN",
            "use arn:aws:servicediscovery:REGION:ACCOUNT:service/srv-ID");
      }
      boolean name = Nodes.has(r, "containerName");
      boolean port = Nodes.has(r, "containerPort");
      if (name != port) {
        s.report(ctx, at, "a service registry of " + s.label() + " gives a container " + (name ? "name without a port" : "port without a name"),
            "give both `container_name` and `container_port`");
      }
      if (Nodes.has(r, "port") && (name || port)) {
        s.report(ctx, at + "/port", "a service registry takes `port` or `container_name` and `container_port`, not both",
            "keep `container_name` and `container_port`");
      }
    }
  }
}
