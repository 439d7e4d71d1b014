package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.facts.limits.EcsLimit;
import java.util.List;
import java.util.Map;

/**
 * The list sizes ECS caps ({@link EcsLimit}, shared with the compiler), per operation, checked
 * before a handler reads the request: so a request with 100,000 subnets or placement constraints
 * is refused in words instead of stored.
 */
final class RequestListLimits {
  /** A list member (a JSON pointer) and how many elements it may have. */
  private record Limit(String pointer, int max, String what) {}

  private static final List<Limit> PLACEMENT_AND_NETWORK = List.of(
      new Limit("/placementConstraints", EcsLimit.PLACEMENT_CONSTRAINTS_PER_TASK.maxInt(), "placement constraints"),
      new Limit("/placementStrategy", EcsLimit.PLACEMENT_STRATEGIES_PER_TASK.maxInt(), "placement strategies"),
      new Limit("/capacityProviderStrategy", EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.maxInt(), "capacity provider strategy items"),
      new Limit("/networkConfiguration/awsvpcConfiguration/subnets", EcsLimit.SUBNETS_PER_AWSVPC_CONFIGURATION.maxInt(), "subnets"),
      new Limit("/networkConfiguration/awsvpcConfiguration/securityGroups",
          EcsLimit.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION.maxInt(), "security groups"),
      new Limit("/tags", EcsLimit.TAGS_PER_RESOURCE.maxInt(), "tags"));

  private static final Map<String, List<Limit>> BY_OPERATION = Map.of(
      "RegisterTaskDefinition", List.of(
          new Limit("/containerDefinitions", EcsLimit.CONTAINERS_PER_TASK_DEFINITION.maxInt(), "container definitions"),
          new Limit("/placementConstraints", EcsLimit.PLACEMENT_CONSTRAINTS_PER_TASK.maxInt(), "placement constraints"),
          new Limit("/tags", EcsLimit.TAGS_PER_RESOURCE.maxInt(), "tags")),
      "CreateService", concat(PLACEMENT_AND_NETWORK,
          new Limit("/loadBalancers", EcsLimit.TARGET_GROUPS_PER_SERVICE.maxInt(), "load balancers")),
      "UpdateService", concat(PLACEMENT_AND_NETWORK,
          new Limit("/loadBalancers", EcsLimit.TARGET_GROUPS_PER_SERVICE.maxInt(), "load balancers")),
      "RunTask", concat(PLACEMENT_AND_NETWORK,
          new Limit("/overrides/containerOverrides", EcsLimit.CONTAINERS_PER_TASK_DEFINITION.maxInt(), "container overrides")),
      "CreateCluster", List.of(
          new Limit("/capacityProviders", EcsLimit.CAPACITY_PROVIDERS_PER_CLUSTER.maxInt(), "capacity providers"),
          new Limit("/defaultCapacityProviderStrategy", EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.maxInt(),
              "capacity provider strategy items"),
          new Limit("/tags", EcsLimit.TAGS_PER_RESOURCE.maxInt(), "tags")),
      "PutClusterCapacityProviders", List.of(
          new Limit("/capacityProviders", EcsLimit.CAPACITY_PROVIDERS_PER_CLUSTER.maxInt(), "capacity providers"),
          new Limit("/defaultCapacityProviderStrategy", EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.maxInt(),
              "capacity provider strategy items")),
      "TagResource", List.of(new Limit("/tags", EcsLimit.TAGS_PER_RESOURCE.maxInt(), "tags")));

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
