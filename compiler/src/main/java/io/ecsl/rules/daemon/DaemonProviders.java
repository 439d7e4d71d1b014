package io.ecsl.rules.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.facts.daemon.DaemonLimits;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.capacity.ManagedInstancesProviders;

/**
 * E2152: a daemon names at least one capacity provider, and each is a Managed Instances one: ECS
 * supports Managed Daemons only there (CreateDaemon's documentation). A provider the project
 * does not declare (an ARN of one made elsewhere) cannot be judged and passes.
 */
public final class DaemonProviders extends DaemonRule {
  public DaemonProviders() {
    super("E2152", "A daemon runs on Managed Instances capacity providers, at least one",
        "ECS API (CreateDaemon: \"only supported for Amazon ECS Managed Instances\")");
  }

  @Override
  void check(RuleContext ctx, Resource r, JsonNode request) {
    JsonNode arns = request.path("capacityProviderArns");
    if (arns.isArray() && arns.isEmpty()) {
      ctx.report(r, "/capacityProviderArns", label(r) + " names no capacity provider; ECS places a daemon task on every"
          + " instance of its capacity providers", "list one: `capacity_providers = [NAME]`, a Managed Instances provider");
      return;
    }
    for (int i = 0; i < arns.size(); i++) {
      String name = nameIn(arns.get(i).asText(), "capacity-provider/");
      String problem = null;
      if (FargateProviders.is(name)) {
        problem = "is Fargate's";
      } else {
        Resource provider = ctx.index().capacityProvider(name);
        if (provider != null && ManagedInstancesProviders.settings(provider) == null) {
          problem = "is an Auto Scaling group provider";
        }
      }
      if (problem != null) {
        ctx.report(r, "/capacityProviderArns/" + i, label(r) + ": capacity provider `" + name + "` " + problem
            + "; ECS runs daemons only on " + DaemonLimits.SUPPORTED_PROVIDERS,
            "name a capacity provider declared with `managed_instances { … }`");
      }
    }
  }
}
