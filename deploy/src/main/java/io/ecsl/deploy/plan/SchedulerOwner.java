package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.target.Refresher;
import io.ecsl.model.ApiRequest;

/**
 * How an EventBridge Scheduler schedule says which project owns it. Schedules take no tags (only
 * schedule groups do), so ecsl writes its owner tag where a schedule does keep tags: among those
 * it gives the tasks it starts ({@code Target.EcsParameters.Tags}, Scheduler's list of one-entry
 * maps). The refresher reads it back from GetSchedule and leaves it out of the comparison; the
 * tasks a schedule starts carry it too, as the tasks of the project's services carry theirs.
 */
public final class SchedulerOwner {
  private SchedulerOwner() {}

  static boolean isSchedule(ApiRequest r) {
    return r.operation().equals("CreateSchedule");
  }

  /** A copy of {@code body} (a CreateSchedule or UpdateSchedule request) with the owner tag added. */
  static ObjectNode mark(ObjectNode request, String project) {
    ObjectNode body = request.deepCopy();
    if (!(body.path("Target").path("EcsParameters") instanceof ObjectNode ecs)) {
      return body;
    }
    ArrayNode tags = ecs.has("Tags") && ecs.get("Tags").isArray() ? (ArrayNode) ecs.get("Tags") : ecs.putArray("Tags");
    for (int i = tags.size() - 1; i >= 0; i--) {
      if (tags.get(i).has(Refresher.OWNER_TAG)) {
        tags.remove(i);
      }
    }
    tags.addObject().put(Refresher.OWNER_TAG, project);
    return body;
  }
}
