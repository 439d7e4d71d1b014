package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import java.util.List;

/**
 * One ECS target of a scheduled task: a {@code PutTargets} element with {@code EcsParameters}, or the
 * {@code Target} of an EventBridge Scheduler {@code CreateSchedule}.
 *
 * @param resource the schedule
 * @param request its {@code PutTargets} (or {@code CreateSchedule}) request
 * @param pointer the target's pointer, e.g. {@code /Targets/0} (or {@code /Target})
 * @param target the target
 * @param cluster its cluster if declared in the project, else null
 * @param task its task definition if declared in the project, else null
 * @param launch where its tasks run
 * @param strategy the capacity provider strategy in effect, possibly empty
 * @param strategyFromCluster true when {@code strategy} is the cluster's default
 */
public record ScheduleTargetView(Resource resource, ApiRequest request, String pointer, ObjectNode target,
    ClusterView cluster, TaskDefinitionView task, Launch launch, List<JsonNode> strategy, boolean strategyFromCluster) {

  /** The target's {@code EcsParameters}. */
  public ObjectNode ecs() {
    return Nodes.object(target, "EcsParameters");
  }

  /** {@code /Targets/0/EcsParameters}. */
  public String ecsPointer() {
    return pointer + "/EcsParameters";
  }

  public void report(RuleContext ctx, String ptr, String message, String hint) {
    ctx.report(resource, request, ptr, message, hint);
  }
}
