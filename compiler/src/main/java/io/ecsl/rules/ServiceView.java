package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import java.util.List;

/**
 * A {@code CreateService} request with what it refers to, resolved once: its cluster and task
 * definition when the project declares them (null when they name something outside the project),
 * and where its tasks run.
 *
 * @param resource the service
 * @param request its {@code CreateService} request
 * @param cluster its cluster if declared in the project, else null
 * @param task its task definition if declared in the project, else null
 * @param launch where its tasks run
 * @param strategy the capacity provider strategy in effect (its own, else the cluster default), possibly empty
 * @param strategyFromCluster true when {@code strategy} is the cluster's default
 */
public record ServiceView(Resource resource, ApiRequest request, ClusterView cluster, TaskDefinitionView task,
    Launch launch, List<JsonNode> strategy, boolean strategyFromCluster) {

  public ObjectNode body() {
    return request.body();
  }

  public String name() {
    return resource.name();
  }

  public String clusterName() {
    return resource.cluster();
  }

  /** {@code REPLICA} unless it says {@code DAEMON}. */
  public boolean daemon() {
    return "DAEMON".equals(Nodes.text(body(), "schedulingStrategy"));
  }

  /** The deployment controller type: {@code ECS} unless set. */
  public String controller() {
    String type = Nodes.text(Nodes.object(body(), "deploymentController"), "type");
    return type == null ? "ECS" : type;
  }

  public boolean fargate() {
    return launch == Launch.FARGATE;
  }

  public void report(RuleContext ctx, String pointer, String message, String hint) {
    ctx.report(resource, request, pointer, message, hint);
  }

  public String label() {
    return "service `" + name() + "`";
  }
}
