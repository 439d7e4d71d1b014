package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.List;

/** TagResource, UntagResource, ListTagsForResource for clusters, services, tasks, task definitions, capacity providers, daemons and daemon task definitions. */
final class EcsTagOps {
  private final RuntimeState state;

  EcsTagOps(RuntimeState state) {
    this.state = state;
  }

  JsonNode tag(JsonNode request, RequestContext context) {
    String arn = Requests.required(request, "resourceArn");
    List<Tag> tags = Requests.ecsTags(Requests.requiredNode(request, "tags", "InvalidParameterException"));
    return state.atomically(() -> {
      requireTaggable(arn);
      List<Tag> merged = new ArrayList<>(state.tags(arn));
      for (Tag tag : tags) {
        merged.removeIf(existing -> existing.key().equals(tag.key()));
        merged.add(tag);
      }
      Requests.validate(merged, "InvalidParameterException");
      state.putTags(arn, tags);
      return Json.object();
    });
  }

  JsonNode untag(JsonNode request, RequestContext context) {
    String arn = Requests.required(request, "resourceArn");
    List<String> keys = Json.strings(request, "tagKeys");
    return state.atomically(() -> {
      requireTaggable(arn);
      state.removeTags(arn, keys);
      return Json.object();
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String arn = Requests.required(request, "resourceArn");
    return state.atomically(() -> {
      requireTaggable(arn);
      ObjectNode response = Json.object();
      response.set("tags", EcsRenderer.tags(state.tags(arn)));
      return response;
    });
  }

  private void requireTaggable(String arn) {
    String[] parts = arn.split(":", 6);
    String resource = parts.length == 6 ? parts[5] : arn;
    boolean exists;
    if (resource.startsWith("cluster/")) {
      ObjectNode cluster = state.clusters.get(arn);
      exists = cluster != null && "ACTIVE".equals(Json.text(cluster, "status"));
      if (!exists) {
        throw new ApiException("ClusterNotFoundException", "Cluster not found: " + arn + ".");
      }
    } else if (resource.startsWith("service/")) {
      exists = state.services.contains(arn);
    } else if (resource.startsWith("task/")) {
      exists = state.tasks.contains(arn);
    } else if (resource.startsWith("task-definition/")) {
      exists = state.taskDefinitions.contains(arn);
    } else if (resource.startsWith("capacity-provider/")) {
      exists = state.capacityProviders.contains(arn);
    } else if (resource.startsWith("daemon/")) {
      exists = state.daemons.contains(arn);
    } else if (resource.startsWith("daemon-task-definition/")) {
      exists = state.daemonTaskDefinitions.contains(arn);
    } else {
      throw ApiException.invalidParameter("Invalid resourceArn " + arn + ": give the ARN of a cluster, service,"
          + " task, task definition, capacity provider, daemon or daemon task definition.");
    }
    if (!exists) {
      throw ApiException.resourceNotFound("The specified resource could not be found: " + arn + ".");
    }
  }
}
