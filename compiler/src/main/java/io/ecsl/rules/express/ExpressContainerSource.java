package io.ecsl.rules.express;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import java.util.List;

/**
 * E2200: an Express service runs either a primary container ECS builds a task definition for, or a
 * task definition of its own ({@code taskDefinitionArn}); with its own, ECS takes the roles and
 * size from that task definition, so the request may not set them (CreateExpressGatewayService).
 */
public final class ExpressContainerSource extends ExpressRule {
  /** What a brought task definition already says, in the request's own names. */
  private static final List<String> FROM_TASK_DEFINITION = List.of("primaryContainer", "executionRoleArn", "taskRoleArn",
      "cpu", "memory");

  public ExpressContainerSource() {
    super("E2200", "An Express service has a primary container or a task definition of its own, not both",
        "ECS API (CreateExpressGatewayService)");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode service) {
    if (!service.hasNonNull("taskDefinitionArn")) {
      if (!service.hasNonNull("primaryContainer")) {
        ctx.report(r, req, "", label(r) + " has nothing to run: no primary container and no task definition",
            "write `image = \"…\"` (ECS builds the task definition), or `task_definition_arn = \"…\"`");
      }
      return;
    }
    for (String member : FROM_TASK_DEFINITION) {
      if (service.hasNonNull(member)) {
        ctx.report(r, req, "/" + member, label(r) + " runs its own task definition, so `"
            + io.ecsl.schema.Shape.snake(member) + "` comes from that task definition and may not be set here",
            "remove it here, or drop `task_definition_arn` and let ECS build the task definition");
      }
    }
  }
}
