package io.ecsl.rules.express;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;

/** E2204: the primary container's port is a TCP port number, 1 to 65535. */
public final class ExpressContainerPort extends ExpressRule {
  public ExpressContainerPort() {
    super("E2204", "An Express service's container port is between 1 and 65535", "ECS API (ExpressGatewayContainer)");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode service) {
    if (!service.path("primaryContainer").has("containerPort")) {
      return;
    }
    long port = service.path("primaryContainer").path("containerPort").asLong();
    if (port < 1 || port > 65535) {
      ctx.report(r, req, "/primaryContainer/containerPort", label(r) + ": the container port " + port + " is not a TCP port",
          "set `port` between 1 and 65535 (Express Mode's default is 80)");
    }
  }
}
