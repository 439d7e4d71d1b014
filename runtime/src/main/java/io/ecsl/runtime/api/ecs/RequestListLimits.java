package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.EcsLimits;
import java.util.List;
import java.util.Map;

/**
 * The list sizes ECS caps, per operation, checked before a handler reads the request: so a
 * request with 100,000 subnets or placement constraints is refused in words instead of stored.
 */
final class RequestListLimits {
  /** A list member (a JSON pointer) and how many elements it may have. */
  private record Limit(String pointer, int max, String what) {}

  private static final List<Limit> PLACEMENT_AND_NETWORK = List.of(
      new Limit("/placementConstraints", EcsLimits.PLACEMENT_CONSTRAINTS_PER_TASK, "placement constraints"),
      new Limit("/placementStrategy", EcsLimits.PLACEMENT_STRATEGIES_PER_TASK, "placement strategies"),
      new Limit("/capacityProviderStrategy", EcsLimits.CAPACITY_PROVIDERS_PER_STRATEGY, "capacity provider strategy items"),
      new Limit("/networkConfiguration/awsvpcConfiguration/subnets", EcsLimits.SUBNETS_PER_AWSVPC_CONFIGURATION, "subnets"),
      new Limit("/networkConfiguration/awsvpcConfiguration/securityGroups",
          EcsLimits.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION, "security groups"),
      new Limit("/tags", EcsLimits.TAGS_PER_RESOURCE, "tags"));

  private static final Map<String, List<Limit>> BY_OPERATION = Map.of(
      "RegisterTaskDefinition", List.of(
          new Limit("/containerDefinitions", EcsLimits.CONTAINERS_PER_TASK_DEFINITION, "container definitions"),
          new Limit("/placementConstraints", EcsLimits.PLACEMENT_CONSTRAINTS_PER_TASK, "placement constraints"),
          new Limit("/tags", EcsLimits.TAGS_PER_RESOURCE, "tags")),
      "CreateService", concat(PLACEMENT_AND_NETWORK,
          new Limit("/loadBalancers", EcsLimits.TARGET_GROUPS_PER_SERVICE, "load balancers")),
      "UpdateService", concat(PLACEMENT_AND_NETWORK,
          new Limit("/loadBalancers", EcsLimits.TARGET_GROUPS_PER_SERVICE, "load balancers")),
      "RunTask", concat(PLACEMENT_AND_NETWORK,
          new Limit("/overrides/containerOverrides", EcsLimits.CONTAINERS_PER_TASK_DEFINITION, "container overrides")),
      "CreateCluster", List.of(
          new Limit("/capacityProviders", EcsLimits.CAPACITY_PROVIDERS_PER_STRATEGY, "capacity providers"),
          new Limit("/defaultCapacityProviderStrategy", EcsLimits.CAPACITY_PROVIDERS_PER_STRATEGY,
              "capacity provider strategy items"),
          new Limit("/tags", EcsLimits.TAGS_PER_RESOURCE, "tags")),
      "PutClusterCapacityProviders", List.of(
          new Limit("/capacityProviders", EcsLimits.CAPACITY_PROVIDERS_PER_STRATEGY, "capacity providers"),
          new Limit("/defaultCapacityProviderStrategy", EcsLimits.CAPACITY_PROVIDERS_PER_STRATEGY,
              "capacity provider strategy items")),
      "TagResource", List.of(new Limit("/tags", EcsLimits.TAGS_PER_RESOURCE, "tags")));

  private RequestListLimits() {}

  /** @throws ApiException {@code InvalidParameterException} naming the list and its limit */
  static void check(String operation, JsonNode request) {
    for (Limit limit : BY_OPERATION.getOrDefault(operation, List.of())) {
      JsonNode list = request.at(limit.pointer());
      if (list.isArray() && list.size() > limit.max()) {
        throw ApiException.invalidParameter(operation + " takes at most " + limit.max() + " " + limit.what() + " ("
            + limit.pointer().substring(1).replace('/', '.') + "); this request has " + list.size() + ".");
      }
    }
  }

  private static List<Limit> concat(List<Limit> base, Limit extra) {
    List<Limit> out = new java.util.ArrayList<>(base);
    out.add(extra);
    return List.copyOf(out);
  }
}
