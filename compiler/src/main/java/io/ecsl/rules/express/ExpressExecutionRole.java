package io.ecsl.rules.express;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;

/**
 * E2205: what ECS's agent fetches for the container before it starts (logs to CloudWatch, secrets,
 * private registry credentials) needs the task execution role (CreateExpressGatewayService's
 * {@code executionRoleArn}).
 */
public final class ExpressExecutionRole extends ExpressRule {
  public ExpressExecutionRole() {
    super("E2205", "An Express service whose container sends logs, reads secrets or pulls with credentials has an execution role",
        "ECS API (CreateExpressGatewayService executionRoleArn)");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode service) {
    if (service.hasNonNull("executionRoleArn") || service.hasNonNull("taskDefinitionArn")) {
      return;
    }
    var container = service.path("primaryContainer");
    String needs = container.has("awsLogsConfiguration") ? "awsLogsConfiguration"
        : container.has("secrets") ? "secrets" : container.has("repositoryCredentials") ? "repositoryCredentials" : null;
    if (needs != null) {
      ctx.report(r, req, "/primaryContainer/" + needs, label(r) + ": the container's `" + io.ecsl.schema.Shape.snake(needs)
          + "` needs the task execution role, and the service has none",
          "add `execution_role = \"arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole\"`");
    }
  }
}
