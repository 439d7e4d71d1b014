package io.ecsl.rules.express;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.express.ExpressDefaults;
import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.SizeWords;

/** E2201: Express services run on Fargate, so cpu and memory (256 and 512 unless set) are a Fargate task size. */
public final class ExpressTaskSize extends ExpressRule {
  public ExpressTaskSize() {
    super("E2201", "An Express service's `cpu` and `memory` are one of the Fargate task sizes",
        "ECS API (CreateExpressGatewayService); ECS developer guide, Fargate task sizes");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode service) {
    if (service.hasNonNull("taskDefinitionArn")) {
      return;
    }
    Long cpu = number(service.path("cpu").asText(ExpressDefaults.CPU));
    Long memory = number(service.path("memory").asText(ExpressDefaults.MEMORY));
    if (cpu == null || memory == null) {
      return; // not a number: the model's own check says so
    }
    if (!FargateTaskSizes.isCpu(cpu)) {
      ctx.report(r, req, "/cpu", label(r) + ": Fargate has no task size with " + TaskSize.describeCpu(cpu) + "; it offers "
          + SizeWords.describeCpus(), "set `cpu` to one of those, e.g. `cpu = 0.25 vcpu`");
      return;
    }
    if (!FargateTaskSizes.valid(cpu, memory)) {
      ctx.report(r, req, service.has("memory") ? "/memory" : service.has("cpu") ? "/cpu" : "",
          label(r) + ": Fargate with " + TaskSize.describeCpu(cpu) + " accepts " + SizeWords.describeMemories(cpu)
              + "; the service asks for " + TaskSize.describeMemory(memory)
              + (service.has("memory") ? "" : " (Express Mode's default)"),
          "set `memory` to one of those, or change `cpu`");
    }
  }

  private static Long number(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
