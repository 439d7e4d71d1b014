package io.ecsl.rules.express;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;

/** E2202: the load balancer's health check path starts with a slash (CreateExpressGatewayService). */
public final class ExpressHealthCheckPath extends ExpressRule {
  public ExpressHealthCheckPath() {
    super("E2202", "An Express service's health check path starts with `/`", "ECS API (CreateExpressGatewayService)");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode service) {
    String path = service.path("healthCheckPath").asText(null);
    if (path != null && !path.startsWith("/")) {
      ctx.report(r, req, "/healthCheckPath", label(r) + ": the health check path `" + path + "` does not start with `/`",
          "write the path the load balancer requests, e.g. `health_check_path = \"/" + path.replaceFirst("^/*", "") + "\"`");
    }
  }
}
