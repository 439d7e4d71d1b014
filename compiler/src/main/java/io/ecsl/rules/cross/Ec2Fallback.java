package io.ecsl.rules.cross;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.PerService;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;

/**
 * W1706: a service that names no launch type and no capacity provider strategy, in a declared
 * cluster without a default strategy, runs on the EC2 launch type (ecs-semantics §4.2). That is
 * rarely what was meant when the task definition is Fargate-only, or when the cluster's capacity
 * providers are all Fargate: ECS creates the service, but its tasks wait for an EC2 container
 * instance ("unable to place a task … No Container Instances were found in your cluster").
 *
 * <p>A warning, not an error: ECS validates a definition registered for FARGATE against EC2 too
 * (DescribeTaskDefinition lists both in {@code compatibilities} when it meets both), and a
 * cluster can gain EC2 instances that the project does not declare (an Auto Scaling group
 * launched elsewhere). A cluster the project does not declare is not judged.
 */
public final class Ec2Fallback extends BaseRule implements PerService {
  public Ec2Fallback() {
    super("W1706", "A service with no launch type or strategy, which ECS runs on EC2, has EC2 capacity to run on",
        "ECS API (launch type fallback); ecsl judgement");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ServiceView s : ctx.index().services()) {
      checkService(ctx, s);
    }
  }

  @Override
  public void checkService(RuleContext ctx, ServiceView s) {
    ClusterView cluster = s.cluster();
    if (s.launch() != Launch.EC2 || cluster == null || Nodes.text(s.body(), "launchType") != null || !s.strategy().isEmpty()
        || s.controller().equals("EXTERNAL")) {
      return; // not the fallback: ECS was told where to run it, or the project cannot see the cluster
    }
    TaskDefinitionView task = s.task();
    boolean fargateOnlyTask = task != null && !task.compatibilities().isEmpty() && !task.compatibilities().contains("EC2")
        && task.compatibilities().contains("FARGATE");
    boolean fargateOnlyCluster = !cluster.capacityProviders().isEmpty()
        && cluster.capacityProviders().stream().allMatch(Launch::isFargateProvider);
    if (!fargateOnlyTask && !fargateOnlyCluster) {
      return;
    }
    String why = fargateOnlyTask
        ? task.label() + " is registered for FARGATE only"
        : "cluster `" + cluster.name() + "` has only Fargate capacity providers ("
            + String.join(", ", cluster.capacityProviders()) + "), so its tasks wait for an EC2 instance";
    String message = s.label() + " gives no launch type or capacity provider strategy and cluster `" + cluster.name()
        + "` has no default strategy, so ECS runs it on EC2; but " + why;
    String hint = "to run it on Fargate, set `launch_type = FARGATE` on " + s.label() + ", or give cluster `"
        + cluster.name() + "` `default_strategy = [FARGATE weight 1]`" + (cluster.capacityProviders().contains("FARGATE")
            ? "" : " (with FARGATE in its `capacity_providers`)");
    if (task != null && fargateOnlyTask) {
      ctx.report(s.resource(), s.request(), "", message, hint, task.resource().span(), task.label() + " is declared here");
    } else {
      ctx.report(s.resource(), s.request(), "", message, hint, cluster.resource().span(),
          "cluster `" + cluster.name() + "` is declared here");
    }
  }
}
